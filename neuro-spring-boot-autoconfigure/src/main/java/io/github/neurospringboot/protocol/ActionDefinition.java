package io.github.neurospringboot.protocol;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * An action as registered with {@code actions/register}.
 *
 * @param name the unique name of the action: lower-case letters, digits, {@code _} and {@code -}
 * @param description what the action does, shown to Neuro verbatim
 * @param schema the JSON schema of the action's parameters (root {@code "type": "object"}), or {@code null} for a
 * parameterless action; the record holds a copy of the node it was given, which must not be modified
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionDefinition(@JsonProperty("name") String name, @JsonProperty("description") String description,
		@JsonProperty("schema") @Nullable ObjectNode schema) {

	/** The rule for action names, as Neuro's server applies it. */
	private static final Pattern NAME_PATTERN = Pattern.compile("^[a-z0-9_-]+$");

	/**
	 * Whether a name is a valid action name: lower-case letters, digits, {@code _} and {@code -}, at least one.
	 * @param name the name
	 * @return {@code true} if valid
	 */
	public static boolean isValidName(String name) {
		return NAME_PATTERN.matcher(name).matches();
	}

	/**
	 * Create a new action definition.
	 * @param name the unique name of the action: lower-case letters, digits, {@code _} and {@code -}
	 * @param description what the action does, shown to Neuro verbatim; not blank
	 * @param schema the JSON schema of the action's parameters, or {@code null} for a parameterless action
	 * @throws IllegalArgumentException if the name or the description is invalid
	 */
	public ActionDefinition {
		Assert.notNull(name, "Action name must not be null");
		Assert.isTrue(isValidName(name), () -> "Action name '" + name
				+ "' is invalid: use only lower-case letters, digits, '_' and '-' (for example 'place_mark')");
		Assert.hasText(description, () -> "Action '" + name
				+ "' needs a non-blank description: Neuro reads it to decide when and how to use the action");
		// The node is mutable: copy it so that later changes by the caller cannot alter a registered definition
		schema = (schema != null) ? schema.deepCopy() : null;
	}

}
