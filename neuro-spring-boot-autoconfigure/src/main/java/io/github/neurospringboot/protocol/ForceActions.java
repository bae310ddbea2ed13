package io.github.neurospringboot.protocol;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The {@code actions/force} message: makes Neuro choose one of the listed actions. Only one force should be in
 * flight at a time.
 *
 * @param state the current state of the game as Markdown (without top-level {@code #} headings), or {@code null}
 * @param query what Neuro should do now, not blank
 * @param ephemeralContext {@code true} to forget {@code state} and {@code query} once the force is answered, or
 * {@code null} for the server's default ({@code false})
 * @param priority how urgently Neuro should answer, or {@code null} for the server's default
 * ({@link ForcePriority#LOW})
 * @param actionNames the names of the registered actions she may choose from, not empty
 */
// Optional keys are omitted rather than sent as null: some servers reject null for them
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ForceActions(@JsonProperty("state") @Nullable String state, @JsonProperty("query") String query,
		@JsonProperty("ephemeral_context") @Nullable Boolean ephemeralContext,
		@JsonProperty("priority") @Nullable ForcePriority priority,
		@JsonProperty("action_names") List<String> actionNames) implements OutgoingMessage {

	/**
	 * Create a new {@code actions/force} message.
	 * @param state the current state of the game as Markdown, or {@code null}
	 * @param query what Neuro should do now, not blank
	 * @param ephemeralContext whether to forget {@code state} and {@code query} afterwards, or {@code null}
	 * @param priority how urgently Neuro should answer, or {@code null}
	 * @param actionNames the names of the registered actions she may choose from, not empty
	 * @throws IllegalArgumentException if the query is blank or the action names are empty
	 */
	public ForceActions {
		Assert.hasText(query, "actions/force needs a non-blank query telling Neuro what to do");
		Assert.notEmpty(actionNames, "actions/force needs at least one action name: Neuro must have a choice");
		Assert.noNullElements(actionNames, "actions/force must not contain null action names");
		actionNames = List.copyOf(actionNames);
	}

	/**
	 * Create a minimal force with a query and the actions to choose from, leaving every optional key to the server's
	 * default.
	 * @param query what Neuro should do now, not blank
	 * @param actionNames the names of the registered actions she may choose from, not empty
	 * @return the force
	 * @throws IllegalArgumentException if the query is blank or the action names are empty
	 */
	public static ForceActions of(String query, List<String> actionNames) {
		return new ForceActions(null, query, null, null, actionNames);
	}

	/**
	 * Return {@code actions/force}.
	 * @return the wire command
	 */
	@Override
	public String command() {
		return "actions/force";
	}

}
