package io.github.neurospringboot.event;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * An attempt to connect to Neuro failed.
 */
public final class NeuroConnectionFailedEvent extends NeuroEvent {

	private final int attempt;

	private final @Nullable Duration nextAttemptIn;

	private final Throwable cause;

	/**
	 * Create an event.
	 * @param source the publisher
	 * @param attempt how many attempts in a row have failed, this one included
	 * @param nextAttemptIn the delay before the next attempt, or {@code null} if no further attempt is scheduled
	 * @param cause why it failed
	 */
	public NeuroConnectionFailedEvent(Object source, int attempt, @Nullable Duration nextAttemptIn, Throwable cause) {
		super(source);
		this.attempt = attempt;
		this.nextAttemptIn = nextAttemptIn;
		this.cause = cause;
	}

	/**
	 * How many attempts in a row have failed, this one included.
	 * @return the attempt number, from 1
	 */
	public int getAttempt() {
		return this.attempt;
	}

	/**
	 * The delay before the next attempt.
	 * @return the delay, or empty when the client gave up or is stopping
	 */
	public Optional<Duration> getNextAttemptIn() {
		return Optional.ofNullable(this.nextAttemptIn);
	}

	/**
	 * Why the attempt failed. The connection publishes a
	 * {@code NeuroUnreachableException} (package {@code connection}), whose message names the original
	 * exception and its causes with the URL's credentials masked, so that logging it leaks nothing.
	 * @return the cause
	 */
	public Throwable getCause() {
		return this.cause;
	}

}
