package io.github.neurospringboot.window;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

import io.github.neurospringboot.action.LambdaAction;

/**
 * An open action window: one decision Neuro is to make. Open one with {@link ActionWindows#window()}.
 *
 * <p>It ends when one of its actions is done (before that action's result is sent, the actions it registered are
 * unregistered and its force withdrawn), when its timeout passes, or when {@link #end()} is called. Actions that were
 * registered before it opened, such as those registered at startup, stay registered.
 */
public final class ActionWindow {

	private final ActionWindows windows;

	private final List<String> actionNames;

	private final List<LambdaAction<?>> lambdaActions;

	private final CompletableFuture<WindowEnd> ended = new CompletableFuture<>();

	private final List<ScheduledFuture<?>> timers = new ArrayList<>();

	/** Whether the window has ended; guarded by timers. */
	private boolean over;

	ActionWindow(ActionWindows windows, List<String> actionNames, List<LambdaAction<?>> lambdaActions) {
		this.windows = windows;
		this.actionNames = List.copyOf(actionNames);
		this.lambdaActions = lambdaActions;
	}

	/**
	 * The names of the window's actions.
	 * @return the names
	 */
	public List<String> actionNames() {
		return this.actionNames;
	}

	/**
	 * Whether the window is still open.
	 * @return {@code true} until it ends
	 */
	public boolean isOpen() {
		return this.windows.isOpen(this);
	}

	/**
	 * End the window now: the actions it registered are unregistered (those nothing else wants) and its force
	 * withdrawn. Does nothing if it has ended already.
	 */
	public void end() {
		this.windows.end(this, new WindowEnd(WindowEnd.Reason.ENDED, null));
	}

	/**
	 * A future completed when the window ends, with how it ended. Completing it yourself has no effect on the
	 * window.
	 * @return the future
	 */
	public CompletableFuture<WindowEnd> whenEnded() {
		return this.ended.copy();
	}

	/** The actions that exist only while this window (or another that shares them) is open. */
	List<LambdaAction<?>> lambdaActions() {
		return this.lambdaActions;
	}

	/** A timer of this window, cancelled when it ends; one added once it has ended is cancelled at once. */
	void addTimer(ScheduledFuture<?> timer) {
		synchronized (this.timers) {
			if (this.over) {
				timer.cancel(false);
			}
			else {
				this.timers.add(timer);
			}
		}
	}

	/**
	 * Mark the window ended.
	 * @param how how it ended
	 */
	void ended(WindowEnd how) {
		synchronized (this.timers) {
			this.over = true;
			this.timers.forEach((timer) -> timer.cancel(false));
			this.timers.clear();
		}
		this.ended.complete(how);
	}

}
