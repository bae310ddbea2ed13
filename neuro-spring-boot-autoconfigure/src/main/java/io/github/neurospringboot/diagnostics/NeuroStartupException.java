package io.github.neurospringboot.diagnostics;

import org.jspecify.annotations.Nullable;

/**
 * A mistake in the application's configuration or code that Neuro cannot work with, found at startup. Spring Boot
 * reports it in its "APPLICATION FAILED TO START" box, with the description and the action apart; the message holds
 * both, for a context started without Spring Boot's failure analysis.
 */
public abstract class NeuroStartupException extends RuntimeException {

	/** What is wrong and where. */
	private final String description;

	/** How to fix it. */
	private final String action;

	/**
	 * Create an exception.
	 * @param description what is wrong and where: the property and its value, or the method
	 * @param action how to fix it
	 * @param cause the underlying problem, or {@code null}
	 */
	protected NeuroStartupException(String description, String action, @Nullable Throwable cause) {
		super(description + " " + action, cause);
		this.description = description;
		this.action = action;
	}

	/**
	 * What is wrong and where.
	 * @return the description
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * How to fix it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
