package io.github.neurospringboot.action;

/**
 * Follows the actions the dispatcher executes, from acceptance to result. Called on the thread that drives each step;
 * implementations are quick and thread-safe.
 */
public interface ActionObserver {

	/**
	 * An action was accepted for execution: its result is now pending.
	 * @param call the call, the same for each step
	 */
	default void accepted(ActionCall call) {
	}

	/**
	 * The action's result is about to be sent: whatever is sent now goes before it (an action window unregisters its
	 * actions here, as the Neuro API asks).
	 * @param call the call, the same for each step
	 * @param result the result
	 */
	default void completing(ActionCall call, ActionResult result) {
	}

	/**
	 * The action's result was sent, or dropped with its connection: it is no longer pending.
	 * @param call the call, the same for each step
	 */
	default void completed(ActionCall call) {
	}

}
