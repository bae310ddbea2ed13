package io.github.neurospringboot.console;

/**
 * What the console does when a game forces actions.
 */
public enum ForceMode {

	/** Show the force and wait for a person to answer it (or to ignore it). */
	BY_HAND,

	/** Note the force in the feed and answer nothing, as a Neuro busy elsewhere. */
	IGNORE,

	/**
	 * Answer it on its own, as Neuro's official mock does: one of the forced actions with random valid parameters,
	 * after a think delay, retried with a call not refused before when the game refuses one, up to a limit.
	 */
	AUTO_PLAY

}
