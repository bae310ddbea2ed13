package io.github.neurospringboot.protocol;

/**
 * An {@code action} whose id could be read but whose frame could not be decoded as a whole (not valid JSON, or
 * nested deeper than the parser allows). It is answered with a failure, since Neuro waits for a result to every id.
 *
 * @param id the action's id
 */
public record UnreadableAction(String id) implements IncomingMessage {

}
