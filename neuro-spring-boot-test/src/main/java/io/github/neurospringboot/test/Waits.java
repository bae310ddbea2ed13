package io.github.neurospringboot.test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * How the embedded Neuro waits: on a monitor it is notified on, or by polling a condition that nothing notifies.
 */
final class Waits {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

	private Waits() {
	}

	/**
	 * Wait on a monitor the caller holds, for a notification or until the time is up.
	 * @param monitor the monitor
	 * @param nanos how long to wait at most
	 * @throws IllegalStateException if the thread is interrupted (its interrupt flag is set again)
	 */
	static void waitOn(Object monitor, long nanos) {
		try {
			TimeUnit.NANOSECONDS.timedWait(monitor, nanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Poll a condition until it holds.
	 * @param condition the condition
	 * @param timeout how long to wait
	 * @param what what is awaited, for the failure
	 * @throws AssertionError if it does not hold in time
	 */
	static void until(BooleanSupplier condition, Duration timeout, String what) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Waited " + timeout + " for " + what);
			}
			pause(POLL_INTERVAL);
		}
	}

	/**
	 * Sleep; an interrupt ends the pause early and leaves the thread's interrupt flag set.
	 * @param duration how long
	 */
	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
