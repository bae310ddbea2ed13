package io.github.neurospringboot.action;

import io.github.neurospringboot.diagnostics.NeuroStartupException;
import org.jspecify.annotations.Nullable;

/**
 * An action is declared in a way Neuro cannot use. Thrown at startup, naming the method and the fix.
 */
public class InvalidActionException extends NeuroStartupException {

	/**
	 * Create an exception.
	 * @param description what is wrong, naming the method
	 * @param action how to fix it
	 */
	public InvalidActionException(String description, String action) {
		this(description, action, null);
	}

	/**
	 * Create an exception.
	 * @param description what is wrong, naming the method
	 * @param action how to fix it
	 * @param cause the underlying problem, or {@code null}
	 */
	public InvalidActionException(String description, String action, @Nullable Throwable cause) {
		super(description, action, cause);
	}

}
