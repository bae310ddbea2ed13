package io.github.neurospringboot.window;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The timers of open windows: a timeout, a delayed force, a force waiting for its condition. Each timer belongs to a
 * window and is cancelled when it ends.
 */
final class WindowTimers implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(WindowTimers.class);

	/** How often a {@link ActionWindowBuilder#forceWhen} condition is checked. */
	static final Duration CONDITION_POLL_INTERVAL = Duration.ofMillis(100);

	private final ScheduledThreadPoolExecutor scheduler;

	WindowTimers() {
		this.scheduler = new ScheduledThreadPoolExecutor(1, new CustomizableThreadFactory("neuro-windows-"));
		this.scheduler.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Run a task once a delay has passed, unless the window ends first.
	 * @param window the window
	 * @param delay how long to wait
	 * @param task what to run
	 */
	void after(ActionWindow window, Duration delay, Runnable task) {
		window.addTimer(this.scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS));
	}

	/**
	 * Run a task when it is time: at once, after a delay, or once a condition holds.
	 * @param window the window, whose end cancels the task
	 * @param delay how long to wait, or {@code null}
	 * @param condition what must hold first, checked every {@link #CONDITION_POLL_INTERVAL}, or {@code null}
	 * @param task what to run
	 */
	void when(ActionWindow window, @Nullable Duration delay, @Nullable BooleanSupplier condition, Runnable task) {
		if (condition != null) {
			ScheduledFuture<?>[] poll = new ScheduledFuture<?>[1];
			// The first check can start before scheduleWithFixedDelay returns: the lock, held until poll[0] is set,
			// makes it wait for the future it cancels.
			synchronized (poll) {
				poll[0] = this.scheduler.scheduleWithFixedDelay(() -> {
					synchronized (poll) {
						if (!window.isOpen()) {
							poll[0].cancel(false);
						}
						else if (holds(condition)) {
							poll[0].cancel(false);
							task.run();
						}
					}
				}, 0, CONDITION_POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
			}
			window.addTimer(poll[0]);
		}
		else if (delay != null) {
			after(window, delay, task);
		}
		else {
			task.run();
		}
	}

	private static boolean holds(BooleanSupplier condition) {
		try {
			return condition.getAsBoolean();
		}
		catch (RuntimeException ex) {
			logger.warn("The condition of a window's force failed; it is checked again", ex);
			return false;
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
