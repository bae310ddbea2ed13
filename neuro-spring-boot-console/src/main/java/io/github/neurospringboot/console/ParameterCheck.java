package io.github.neurospringboot.console;

import java.util.List;
import java.util.Optional;

import io.github.neurospringboot.schema.SchemaValidator;
import io.github.neurospringboot.schema.SchemaViolation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks what the page's editor holds before it is sent as an action's parameters, with the validator the starter
 * checks Neuro's calls with, so that the page and a game built on the starter never disagree.
 */
final class ParameterCheck {

	private static final String ANYWAY = " Send without checking to send it anyway.";

	private ParameterCheck() {
	}

	/**
	 * Check parameters against a registration.
	 * @param action the action's name
	 * @param registration the action as the game registered it, empty if it did not
	 * @param data the parameters as text; blank for none
	 * @return what is wrong, empty if nothing is
	 */
	static List<String> check(String action, Optional<JsonNode> registration, String data) {
		if (registration.isEmpty()) {
			return List.of("'" + action + "' is not registered on this connection." + ANYWAY);
		}
		JsonNode schema = registration.get().path("schema");
		if (schema.isMissingNode() || schema.isNull()) {
			return data.isBlank() ? List.of()
					: List.of("'" + action + "' takes no parameters: clear the editor." + ANYWAY);
		}
		if (!schema.isObject()) {
			return List.of("The schema of '" + action + "' is not a JSON object, so it cannot be checked." + ANYWAY);
		}
		JsonNode parameters;
		try {
			parameters = data.isBlank() ? JsonMapper.shared().createObjectNode() : JsonMapper.shared().readTree(data);
		}
		catch (JacksonException ex) {
			return List.of("The parameters are not valid JSON: " + ex.getOriginalMessage() + "." + ANYWAY);
		}
		try {
			return SchemaValidator.of((ObjectNode) schema)
				.validate(parameters)
				.stream()
				.map(SchemaViolation::message)
				.toList();
		}
		catch (IllegalArgumentException ex) {
			return List.of("The schema of '" + action + "' cannot be checked: " + ex.getMessage() + ANYWAY);
		}
	}

}
