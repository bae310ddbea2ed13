package io.github.neurospringboot.protocol;

/**
 * A well-formed message with a command this codec does not know, such as a future or vendor-prefixed command.
 * Callers ignore it, as the server does with commands it does not know.
 *
 * @param command the command as received
 */
public record UnknownCommand(String command) implements IncomingMessage {

}
