package io.github.neurospringboot.action;

/**
 * An action is declared in a way Neuro cannot use. Thrown at startup; the message names the method and the fix.
 */
public class InvalidActionException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what is wrong, where, and how to fix it
	 */
	public InvalidActionException(String message) {
		super(message);
	}

	/**
	 * Create an exception.
	 * @param message what is wrong, where, and how to fix it
	 * @param cause the underlying problem
	 */
	public InvalidActionException(String message, Throwable cause) {
		super(message, cause);
	}

}
