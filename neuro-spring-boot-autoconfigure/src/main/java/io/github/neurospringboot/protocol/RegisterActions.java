package io.github.neurospringboot.protocol;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.util.Assert;

/**
 * The {@code actions/register} message. Registering a name that is already registered replaces its definition on
 * current servers (older revisions ignored it).
 *
 * @param actions the actions to register, not empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegisterActions(@JsonProperty("actions") List<ActionDefinition> actions) implements OutgoingMessage {

	/**
	 * Create a new {@code actions/register} message.
	 * @param actions the actions to register, not empty and without duplicate names
	 * @throws IllegalArgumentException if the list is empty, holds {@code null} or repeats a name
	 */
	public RegisterActions {
		Assert.notEmpty(actions,
				"actions/register needs at least one action: skip the message when there is nothing to register");
		Assert.noNullElements(actions, "actions/register must not contain null actions");
		Set<String> names = new HashSet<>();
		for (ActionDefinition action : actions) {
			Assert.isTrue(names.add(action.name()), () -> "actions/register lists the action '" + action.name()
					+ "' more than once: register each name once");
		}
		actions = List.copyOf(actions);
	}

	/**
	 * Return {@code actions/register}.
	 * @return the wire command
	 */
	@Override
	public String command() {
		return "actions/register";
	}

}
