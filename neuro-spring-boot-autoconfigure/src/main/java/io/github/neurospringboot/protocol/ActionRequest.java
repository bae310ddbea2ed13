package io.github.neurospringboot.protocol;

import org.jspecify.annotations.Nullable;

/**
 * The {@code action} message: Neuro executes a registered action. It needs exactly one {@link ActionResultMessage}
 * with the same id. The codec does not reject a request without an id or a name; such a request cannot be answered
 * sensibly, so the caller logs and drops it.
 *
 * @param id the opaque id to answer with, or {@code null} if the server sent none
 * @param name the name of the action, or {@code null} if the server sent none
 * @param data the parameters as the JSON text Neuro sent, not parsed: usually a JSON-encoded object, but it may be
 * {@code ""}, blank, invalid JSON or a non-object value, all of which the caller must answer; {@code null} when the
 * server sent no parameters. A server that sends a JSON value instead of a string gets that value's compact JSON text.
 */
public record ActionRequest(@Nullable String id, @Nullable String name, @Nullable String data)
		implements IncomingMessage {

}
