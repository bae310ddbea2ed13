package io.github.neurospringboot.protocol;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.util.Assert;

/**
 * The {@code actions/unregister} message. Unregistering an unknown name is harmless.
 *
 * @param actionNames the names of the actions to unregister, not empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnregisterActions(@JsonProperty("action_names") List<String> actionNames) implements OutgoingMessage {

	/**
	 * Create a new {@code actions/unregister} message.
	 * @param actionNames the names of the actions to unregister, not empty
	 * @throws IllegalArgumentException if the list is empty or holds {@code null}
	 */
	public UnregisterActions {
		Assert.notEmpty(actionNames, "actions/unregister needs at least one action name: "
				+ "skip the message when there is nothing to unregister");
		Assert.noNullElements(actionNames, "actions/unregister must not contain null action names");
		actionNames = List.copyOf(actionNames);
	}

	/**
	 * Return {@code actions/unregister}.
	 * @return the wire command
	 */
	@Override
	public String command() {
		return "actions/unregister";
	}

}
