package io.github.neurospringboot.window;

import org.jspecify.annotations.Nullable;

/**
 * How an action window ended.
 *
 * @param reason why it ended
 * @param action the action that was done, for {@link Reason#ACTION_DONE}; otherwise {@code null}
 */
public record WindowEnd(Reason reason, @Nullable String action) {

	/**
	 * Why a window ended.
	 */
	public enum Reason {

		/** One of its actions was done (its result was a success). */
		ACTION_DONE,

		/** The game ended it with {@link ActionWindow#end()}. */
		ENDED,

		/** Its timeout passed. */
		TIMED_OUT,

		/** The application stopped. */
		STOPPED

	}

}
