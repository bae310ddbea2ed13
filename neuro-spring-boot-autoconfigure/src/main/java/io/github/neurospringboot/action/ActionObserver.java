package io.github.neurospringboot.action;

import io.github.neurospringboot.connection.NeuroLink;

/**
 * Follows the actions the dispatcher executes, from acceptance to result. Called on the thread that drives each step;
 * implementations are quick and thread-safe.
 */
public interface ActionObserver {

	/**
	 * An action was accepted for execution: its result is now pending.
	 * @param name the action's name
	 * @param link the connection it came on
	 */
	default void accepted(String name, NeuroLink link) {
	}

	/**
	 * The action's result is about to be sent: whatever is sent now goes before it (an action window unregisters its
	 * actions here, as the Neuro API asks).
	 * @param name the action's name
	 * @param result the result
	 * @param link the connection the result goes to
	 */
	default void completing(String name, ActionResult result, NeuroLink link) {
	}

	/**
	 * The action's result was sent, or dropped with its connection: it is no longer pending.
	 * @param name the action's name
	 * @param link the connection it came on
	 */
	default void completed(String name, NeuroLink link) {
	}

}
