package io.github.neurospringboot.protocol;

/**
 * The {@code actions/reregister_all} message (proposal, but the official mock server sends it on every connect): asks
 * the game to register all of its current actions again.
 */
public record ReregisterAllActions() implements IncomingMessage {

}
