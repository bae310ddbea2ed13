package io.github.neurospringboot.test.lint;

/**
 * One problem that the lint found in a message or an action registration.
 *
 * @param rule the rule it breaks
 * @param action the name of the action as it was registered, or {@code ""} when it has no name (or one that is not a
 * string) or when the finding does not concern one action
 * @param path a JSON pointer to the offending value inside what was linted: for {@link SchemaLint#lint} the action,
 * such as {@code /schema/properties/cell/title}; for {@link SchemaLint#lintRegistration} the registration's
 * {@code data}, such as {@code /actions/0/schema/properties/cell/title}; for {@link MessageLint#lint} the whole
 * message, such as {@code /data/actions/0/name}; {@code ""} for the whole of it
 * @param message a sentence that says what is wrong and how to fix it
 */
public record LintFinding(LintRule rule, String action, String path, String message) {

	/**
	 * How bad the finding is: its rule's severity.
	 * @return the severity
	 */
	public Severity severity() {
		return this.rule.severity();
	}

	/**
	 * How bad a finding is.
	 */
	public enum Severity {

		/**
		 * The real server or a community test server rejects or mishandles it.
		 */
		ERROR,

		/**
		 * It may work or not, or it works but invites Neuro's mistakes.
		 */
		WARNING

	}

}
