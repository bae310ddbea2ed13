package io.github.neurospringboot.client;

import java.util.List;

import io.github.neurospringboot.protocol.ForceActions;
import io.github.neurospringboot.protocol.ForcePriority;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What a force says to Neuro: the query, the state, and how she should treat them. The actions it names are given
 * beside it: a window's own, or those passed to {@link NeuroClient#forceActions(Force, String...)}.
 *
 * <pre>{@code
 * Force.query("It is your turn. Place your mark.").state(board.toMarkdown()).priority(ForcePriority.HIGH)
 * }</pre>
 *
 * @param query what Neuro should do now
 * @param state the state of the game as Markdown (no top-level {@code #} headings), or {@code null}
 * @param ephemeralContext whether Neuro forgets {@code query} and {@code state} once the force is answered, or
 * {@code null} for the server's default ({@code false})
 * @param priority how urgently she should answer, or {@code null} for the server's default ({@code low})
 */
public record Force(String query, @Nullable String state, @Nullable Boolean ephemeralContext,
		@Nullable ForcePriority priority) {

	/**
	 * Create a force.
	 * @param query what Neuro should do now; not blank
	 * @param state the state of the game as Markdown, or {@code null}
	 * @param ephemeralContext whether Neuro forgets {@code query} and {@code state} once the force is answered, or
	 * {@code null} for the server's default
	 * @param priority how urgently she should answer, or {@code null} for the server's default
	 * @throws IllegalArgumentException if the query is blank
	 */
	public Force {
		Assert.hasText(query, "A force needs a query telling Neuro what to do");
	}

	/**
	 * A force with a query and every optional field left to the server's default.
	 * @param query what Neuro should do now
	 * @return the force
	 */
	public static Force query(String query) {
		return new Force(query, null, null, null);
	}

	/**
	 * This force with the state of the game.
	 * @param state the state as Markdown
	 * @return a new force
	 */
	public Force state(String state) {
		return new Force(this.query, state, this.ephemeralContext, this.priority);
	}

	/**
	 * This force, forgotten by Neuro once answered.
	 * @return a new force
	 */
	public Force ephemeral() {
		return new Force(this.query, this.state, true, this.priority);
	}

	/**
	 * This force with a priority.
	 * @param priority how urgently Neuro should answer
	 * @return a new force
	 */
	public Force priority(ForcePriority priority) {
		return new Force(this.query, this.state, this.ephemeralContext, priority);
	}

	/**
	 * The {@code actions/force} message of this force.
	 * @param actionNames the actions Neuro must choose from
	 * @return the message
	 */
	public ForceActions toMessage(List<String> actionNames) {
		return new ForceActions(this.state, this.query, this.ephemeralContext, this.priority, actionNames);
	}

}
