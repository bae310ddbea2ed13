package io.github.neurospringboot.protocol;

/**
 * The {@code shutdown/graceful} message (proposal): Neuro wants the game to save and return to the main menu at the
 * next safe point, then send {@link ShutdownReady}. A later request with {@code wantsShutdown} {@code false} cancels
 * it.
 *
 * @param wantsShutdown {@code true} to request the shutdown, {@code false} to cancel an earlier request
 */
public record GracefulShutdownRequest(boolean wantsShutdown) implements IncomingMessage {

}
