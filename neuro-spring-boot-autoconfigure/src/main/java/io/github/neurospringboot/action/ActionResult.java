package io.github.neurospringboot.action;

import java.util.Objects;
import java.util.Optional;

import io.github.neurospringboot.protocol.ActionResultMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The outcome of an action, as an action method may return it.
 *
 * <p>A {@link #failure(String) failure} inside a force makes Neuro retry the force; a
 * {@link #failureWithoutRetry(String) failure without retry} is sent as a success with an explanatory message, as
 * the Neuro API advises, so that she moves on.
 */
public final class ActionResult {

	private static final ActionResult SUCCESS = new ActionResult(true, true, false, null);

	private final boolean success;

	private final boolean done;

	private final boolean timedOut;

	private final @Nullable String message;

	/** The exception the action threw, when this result answers one; not part of what Neuro is sent. */
	private final @Nullable Throwable cause;

	private ActionResult(boolean success, boolean done, boolean timedOut, @Nullable String message) {
		this(success, done, timedOut, message, null);
	}

	private ActionResult(boolean success, boolean done, boolean timedOut, @Nullable String message,
			@Nullable Throwable cause) {
		this.success = success;
		this.done = done;
		this.timedOut = timedOut;
		this.message = message;
		this.cause = cause;
	}

	/**
	 * The action succeeded; nothing to tell.
	 * @return the result
	 */
	public static ActionResult success() {
		return SUCCESS;
	}

	/**
	 * The action succeeded, and Neuro should know something about it.
	 * @param message what to tell her
	 * @return the result
	 */
	public static ActionResult success(String message) {
		return new ActionResult(true, true, false, message);
	}

	/**
	 * The action failed; inside a force, Neuro retries it.
	 * @param message what went wrong and how to succeed, e.g. "Cell 4 is taken. Free cells: 2, 5, 7."
	 * @return the result
	 */
	public static ActionResult failure(String message) {
		Assert.hasText(message, "A failure needs a message that tells Neuro what went wrong and how to succeed");
		return new ActionResult(false, false, false, message);
	}

	/**
	 * The action did not happen, but Neuro should not retry: sent as a success with the message.
	 * @param message what happened instead
	 * @return the result
	 */
	public static ActionResult failureWithoutRetry(String message) {
		Assert.hasText(message, "A failure needs a message that tells Neuro what happened");
		return new ActionResult(true, false, false, message);
	}

	/**
	 * The failure the dispatcher sends when an action misses its result deadline; only it can tell, so only it makes
	 * one.
	 * @param message what Neuro is told
	 * @return the result
	 */
	static ActionResult timedOut(String message) {
		return new ActionResult(false, false, true, message);
	}

	/**
	 * Whether the result goes out with {@code success: true}: for a success, and for a
	 * {@link #failureWithoutRetry failure without retry}. Whether the action happened is {@link #isDone()}.
	 * @return the {@code success} flag sent
	 */
	public boolean isSentAsSuccess() {
		return this.success;
	}

	/**
	 * Whether the action happened: {@code true} for a success, {@code false} for a failure with or without retry.
	 * An action window ends when one of its actions is done.
	 * @return {@code true} if the action happened
	 */
	public boolean isDone() {
		return this.done;
	}

	/**
	 * Whether this is the failure sent because the action did not finish within {@code neuro.actions.result-timeout}
	 * (its late outcome is discarded).
	 * @return {@code true} for an action that timed out
	 */
	public boolean isTimedOut() {
		return this.timedOut;
	}

	/**
	 * The outcome in one word, as meters and observations tag it: {@code success}, {@code failure} (Neuro may retry)
	 * or {@code failure_without_retry}.
	 * @return the outcome's name
	 */
	public String outcome() {
		if (this.done) {
			return "success";
		}
		return this.success ? "failure_without_retry" : "failure";
	}

	/**
	 * The exception the action threw, when this result answers one (an exception meant for Neuro, a
	 * {@link NeuroActionException}, is an outcome, not a cause). Observers record it, as an observation's error.
	 * @return the exception, or empty
	 */
	public Optional<Throwable> getCause() {
		return Optional.ofNullable(this.cause);
	}

	/**
	 * This result, answering an exception the action threw.
	 * @param thrown the exception
	 * @return a result that says the same to Neuro and carries the exception
	 */
	ActionResult causedBy(Throwable thrown) {
		return new ActionResult(this.success, this.done, this.timedOut, this.message, thrown);
	}

	/**
	 * The message sent with the result.
	 * @return the message, or {@code null} for none
	 */
	public @Nullable String getMessage() {
		return this.message;
	}

	/**
	 * The {@code action/result} for an action.
	 * @param actionId the id of the action answered
	 * @return the message to send
	 */
	public ActionResultMessage toMessage(String actionId) {
		return new ActionResultMessage(actionId, this.success, this.message);
	}

	// The cause is not part of what Neuro is told, nor of equality.
	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof ActionResult that) && this.success == that.success && this.done == that.done
				&& this.timedOut == that.timedOut && Objects.equals(this.message, that.message);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.success, this.done, this.timedOut, this.message);
	}

	@Override
	public String toString() {
		String kind = this.done ? "success" : (this.success ? "failure without retry" : "failure");
		return kind + ((this.message != null) ? ": " + this.message : "");
	}

}
