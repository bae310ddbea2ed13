package io.github.neurospringboot.action;

/**
 * Thrown by an action method to fail with a message meant for Neuro, such as "Cell 4 is taken. Free cells: 2, 5,
 * 7." Any other exception sends a generic failure, because its message was written for developers.
 */
public class NeuroActionException extends RuntimeException {

	/** Whether Neuro may retry the action: {@code false} sends the message as a success. */
	private final boolean retry;

	/**
	 * Fail the action; inside a force, Neuro retries it.
	 * @param message what went wrong and how to succeed
	 */
	public NeuroActionException(String message) {
		this(message, true);
	}

	/**
	 * Fail the action.
	 * @param message what went wrong and how to succeed
	 * @param retry {@code false} to tell Neuro not to retry (sent as a success with the message)
	 */
	public NeuroActionException(String message, boolean retry) {
		super(message);
		this.retry = retry;
	}

	/**
	 * Whether Neuro may retry the action.
	 * @return {@code false} for a failure without retry
	 */
	public boolean isRetry() {
		return this.retry;
	}

	/**
	 * The result this exception stands for.
	 * @return the failure
	 */
	public ActionResult toResult() {
		String message = getMessage();
		return this.retry ? ActionResult.failure(message) : ActionResult.failureWithoutRetry(message);
	}

}
