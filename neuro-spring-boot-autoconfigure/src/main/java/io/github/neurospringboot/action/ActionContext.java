package io.github.neurospringboot.action;

import java.util.Optional;

import io.github.neurospringboot.protocol.NeuroSession;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The action being executed, for an action method that declares a parameter of this type.
 *
 * @param id the id Neuro gave this execution
 * @param name the action's name
 * @param data the parameters exactly as Neuro sent them (a JSON string), or {@code null} if she sent none
 * @param parameters the parameters, parsed and validated
 * @param session who is playing, when Neuro said
 */
public record ActionContext(String id, String name, @Nullable String data, ObjectNode parameters,
		Optional<NeuroSession> session) {
}
