package io.github.neurospringboot.action;

/**
 * Follows the actions the dispatcher executes, from acceptance to result. Called on the thread that drives each step;
 * implementations are quick and thread-safe. Declare one as a bean to add it; observers are called in their
 * {@link org.springframework.core.Ordered order} ({@code @Order} or {@code Ordered}; action windows come first, at
 * {@code ActionWindows.ORDER}), and unordered ones last.
 */
public interface ActionObserver {

	/**
	 * An action was accepted for execution: its result is now pending.
	 * @param call the call, the same for each step
	 */
	default void accepted(ActionCall call) {
	}

	/**
	 * The action is about to run on this thread, the one that parses its parameters and invokes its method: what
	 * must be current while the game's code runs (an observation, a logging context) is opened here. The scope is
	 * closed on this thread once the method has returned; a result the method returned is sent after that, one its
	 * {@code CompletionStage} completes with whenever it completes. Not called for an action that never started.
	 * @param call the call, the same for each step
	 * @return what to close once the method has returned
	 */
	default Scope running(ActionCall call) {
		return Scope.NONE;
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

	/**
	 * What an observer keeps open on the thread that runs an action, from {@link #running}.
	 */
	@FunctionalInterface
	interface Scope extends AutoCloseable {

		/**
		 * Nothing to close.
		 */
		Scope NONE = () -> {
		};

		@Override
		void close();

	}

}
