package io.github.neurospringboot.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.util.Assert;

/**
 * The {@code context} message: tells Neuro what is happening in the game.
 *
 * @param message the text shown to Neuro
 * @param silent {@code true} to add the message to her context without prompting her to react to it
 */
// NON_NULL pins the inclusion so that an application default such as NON_DEFAULT cannot drop "silent": false
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Context(@JsonProperty("message") String message, @JsonProperty("silent") boolean silent)
		implements OutgoingMessage {

	/**
	 * Create a new {@code context} message.
	 * @param message the text shown to Neuro, not blank
	 * @param silent {@code true} to add the message to her context without prompting her to react to it
	 * @throws IllegalArgumentException if the message is blank
	 */
	public Context {
		Assert.hasText(message, "Context message must not be blank: Neuro would receive an empty context");
	}

	/**
	 * Return {@code context}.
	 * @return the wire command
	 */
	@Override
	public String command() {
		return "context";
	}

}
