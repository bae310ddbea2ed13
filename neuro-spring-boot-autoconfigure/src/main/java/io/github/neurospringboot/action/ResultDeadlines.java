package io.github.neurospringboot.action;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Expires results that are not ready in time. Every action gets the same timeout, so deadlines fall in the order the
 * actions arrived: one timer, set for the oldest deadline still pending, serves them all. Scheduling a task per action
 * instead would wake the timer thread for each one, a context switch per action that costs more than the action.
 *
 * <p>A finished action's deadline stays queued until the timer reaches it or a periodic purge drops it, so the queue
 * holds at most the actions of the last {@value #PURGE_INTERVAL} and those still running.
 */
final class ResultDeadlines implements AutoCloseable {

	/** Every this many actions the timer drops the deadlines of finished ones, wherever they are in the queue. */
	static final int PURGE_INTERVAL = 1024;

	private final long timeoutNanos;

	/** In deadline order. Only the timer thread removes from it, so what it peeks is what it polls. */
	private final Queue<Deadline> pending = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean timerSet = new AtomicBoolean();

	private final AtomicLong watched = new AtomicLong();

	private final ScheduledExecutorService timer;

	ResultDeadlines(Duration timeout) {
		this(timeout,
				Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("neuro-action-deadline-")));
	}

	/**
	 * Expire results on the given timer.
	 * @param timeout how long a result may take
	 * @param timer runs the expiries, one at a time; shut down by {@link #close()}
	 */
	ResultDeadlines(Duration timeout, ScheduledExecutorService timer) {
		this.timeoutNanos = timeout.toNanos();
		this.timer = timer;
	}

	/**
	 * Complete {@code result} with the {@code late} result once the timeout has passed, unless it is complete by then.
	 * @param result the result to watch
	 * @param late makes the result of an action that did not finish in time
	 */
	void watch(CompletableFuture<ActionResult> result, Supplier<ActionResult> late) {
		this.pending.add(new Deadline(System.nanoTime() + this.timeoutNanos, result, late));
		if (this.watched.incrementAndGet() % PURGE_INTERVAL == 0) {
			this.timer.execute(() -> this.pending.removeIf(Deadline::isSettled));
		}
		setTimerIfNone();
	}

	private void setTimerIfNone() {
		Deadline oldest = this.pending.peek();
		if (oldest != null && this.timerSet.compareAndSet(false, true)) {
			this.timer.schedule(this::expireDue, oldest.nanosLeft(), TimeUnit.NANOSECONDS);
		}
	}

	/** On the timer thread: expire what is due, then set the timer for the next deadline. */
	private void expireDue() {
		Deadline oldest;
		while ((oldest = this.pending.peek()) != null && (oldest.isSettled() || oldest.nanosLeft() <= 0)) {
			this.pending.poll();
			if (!oldest.isSettled()) {
				oldest.result().complete(oldest.late().get());
			}
		}
		try {
			if (oldest != null) {
				this.timer.schedule(this::expireDue, oldest.nanosLeft(), TimeUnit.NANOSECONDS);
				return;
			}
			this.timerSet.set(false);
			// A deadline added between the peek above and the line before found the timer still set.
			setTimerIfNone();
		}
		catch (RejectedExecutionException ex) {
			// Closed meanwhile: nothing expires any more.
		}
	}

	/** Stop expiring results. */
	@Override
	public void close() {
		this.timer.shutdownNow();
	}

	private record Deadline(long at, CompletableFuture<ActionResult> result, Supplier<ActionResult> late) {

		boolean isSettled() {
			return this.result.isDone();
		}

		long nanosLeft() {
			return this.at - System.nanoTime();
		}

	}

}
