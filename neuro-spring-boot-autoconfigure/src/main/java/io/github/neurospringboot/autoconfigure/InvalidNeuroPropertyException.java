package io.github.neurospringboot.autoconfigure;

import io.github.neurospringboot.diagnostics.NeuroStartupException;

import org.springframework.core.env.Environment;

/**
 * A {@code neuro.*} property, or the {@code NEURO_SDK_WS_URL} environment variable, that Neuro cannot work with.
 *
 * <p>Not Spring Boot's {@code InvalidConfigurationPropertyValueException}: Boot's analysis of that one prints the
 * value as the environment holds it, credentials and all, and an action that only says to review it.
 */
final class InvalidNeuroPropertyException extends NeuroStartupException {

	private InvalidNeuroPropertyException(String description, String action) {
		super(description, action, null);
	}

	/**
	 * A configuration property whose value Neuro cannot use.
	 * @param property the property, such as {@code neuro.url}
	 * @param shownValue the value, masked where it may hold credentials
	 * @param reason why Neuro cannot use it
	 * @param action how to fix it
	 * @return the exception
	 */
	static InvalidNeuroPropertyException invalidValue(String property, String shownValue, String reason,
			String action) {
		return new InvalidNeuroPropertyException(
				"Invalid value '" + shownValue + "' for configuration property '" + property + "': " + reason + ".",
				action);
	}

	/**
	 * A configuration property whose value Neuro cannot use, shown as the environment holds it ({@code 25s} rather
	 * than the bound {@code PT25S}). Never for a value that may hold credentials.
	 * @param environment the environment the value was bound from
	 * @param property the property, such as {@code neuro.actions.result-timeout}
	 * @param boundValue the value as bound, shown if the environment does not hold the property under its name
	 * @param reason why Neuro cannot use it
	 * @param action how to fix it
	 * @return the exception
	 */
	static InvalidNeuroPropertyException invalidValue(Environment environment, String property, Object boundValue,
			String reason, String action) {
		return invalidValue(property, environment.getProperty(property, String.valueOf(boundValue)), reason, action);
	}

	/**
	 * An environment variable whose value Neuro cannot use.
	 * @param variable the variable, such as {@code NEURO_SDK_WS_URL}
	 * @param shownValue the value, masked where it may hold credentials
	 * @param reason why Neuro cannot use it
	 * @param action how to fix it
	 * @return the exception
	 */
	static InvalidNeuroPropertyException invalidEnvironmentVariable(String variable, String shownValue, String reason,
			String action) {
		return new InvalidNeuroPropertyException(
				"Invalid value '" + shownValue + "' for environment variable '" + variable + "': " + reason + ".",
				action);
	}

	/**
	 * A configuration property that must be set and is not.
	 * @param property the property, such as {@code neuro.game}
	 * @param reason why it is needed
	 * @param action how to fix it
	 * @return the exception
	 */
	static InvalidNeuroPropertyException missing(String property, String reason, String action) {
		return new InvalidNeuroPropertyException(
				"Configuration property '" + property + "' is not set: " + reason + ".", action);
	}

}
