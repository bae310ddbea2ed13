package io.github.neurospringboot.test;

import org.jspecify.annotations.Nullable;

/**
 * The {@code action/result} the game sent for an action the embedded Neuro executed.
 *
 * @param id the action's id
 * @param success the {@code success} flag
 * @param message the message, or {@code null} if none was sent
 */
public record ActionOutcome(String id, boolean success, @Nullable String message) {

	/**
	 * Check that the action succeeded.
	 * @return this outcome
	 * @throws AssertionError if it did not
	 */
	public ActionOutcome assertSuccess() {
		if (!this.success) {
			throw new AssertionError("Expected action " + this.id + " to succeed, but it failed: " + this.message);
		}
		return this;
	}

	/**
	 * Check that the action failed with a message containing the given text.
	 * @param expectedMessagePart text the message must contain
	 * @return this outcome
	 * @throws AssertionError if it succeeded or its message does not contain the text
	 */
	public ActionOutcome assertFailure(String expectedMessagePart) {
		if (this.success) {
			throw new AssertionError("Expected action " + this.id + " to fail, but it succeeded: " + this.message);
		}
		if (this.message == null || !this.message.contains(expectedMessagePart)) {
			throw new AssertionError("Expected the failure of action " + this.id + " to say '" + expectedMessagePart
					+ "', but it said: " + this.message);
		}
		return this;
	}

}
