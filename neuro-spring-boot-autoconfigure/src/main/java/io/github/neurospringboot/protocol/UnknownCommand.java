package io.github.neurospringboot.protocol;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A well-formed message with a command this codec does not know, such as a future or vendor-prefixed command.
 * Callers never answer it, as the server does not answer commands it does not know, but can pass it on.
 *
 * @param command the command as received
 * @param data the {@code data} as received, or {@code null} when the frame has none (or {@code null})
 */
public record UnknownCommand(String command, @Nullable JsonNode data) implements IncomingMessage {

}
