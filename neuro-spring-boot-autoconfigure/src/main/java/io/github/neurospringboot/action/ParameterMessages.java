package io.github.neurospringboot.action;

import java.util.List;

/**
 * What Neuro is told when the parameters she sent break a rule, wherever the rule is checked (the schema, Bean
 * Validation, a lambda action's constraints): one wording, so she learns one shape.
 */
public final class ParameterMessages {

	private ParameterMessages() {
	}

	/**
	 * The failure message for parameters that break rules.
	 * @param action the action's name
	 * @param violations each broken rule, as a sentence that says how to succeed
	 * @return the message
	 */
	public static String invalid(String action, List<String> violations) {
		return "Action failed: invalid parameters for '" + action + "'. " + String.join(" ", violations);
	}

}
