package io.github.neurospringboot.protocol;

/**
 * The {@code shutdown/immediate} message (proposal): the game is about to be closed and should save within seconds,
 * then send {@link ShutdownReady}.
 */
public record ImmediateShutdownRequest() implements IncomingMessage {

}
