package io.github.neurospringboot.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The {@code action/result} message (singular {@code action}): the one answer to an {@link ActionRequest}. A failed
 * result inside a force makes the server retry the force.
 *
 * @param id the id of the {@link ActionRequest} being answered
 * @param success whether the action was accepted
 * @param message what Neuro should know about the outcome (on failure: how to succeed), or {@code null}
 */
// NON_NULL omits a null message and pins the inclusion so that "success": false is always written
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionResultMessage(@JsonProperty("id") String id, @JsonProperty("success") boolean success,
		@JsonProperty("message") @Nullable String message) implements OutgoingMessage {

	/**
	 * Create a new {@code action/result} message.
	 * @param id the id of the {@link ActionRequest} being answered
	 * @param success whether the action was accepted
	 * @param message what Neuro should know about the outcome, or {@code null}
	 * @throws IllegalArgumentException if the id is {@code null}
	 */
	public ActionResultMessage {
		Assert.notNull(id, "action/result needs the id of the action it answers");
	}

	/**
	 * Return {@code action/result}.
	 * @return the wire command
	 */
	@Override
	public String command() {
		return "action/result";
	}

}
