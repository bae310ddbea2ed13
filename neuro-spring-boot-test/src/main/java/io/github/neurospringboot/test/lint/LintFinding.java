package io.github.neurospringboot.test.lint;

/**
 * One problem that {@link SchemaLint} found in an action registration.
 *
 * @param action the name of the action as it was registered, or {@code ""} when it has no name (or one that is not a
 * string) or when the finding concerns the registration as a whole
 * @param path a JSON pointer to the offending value inside what was linted: the action, such as
 * {@code /schema/properties/cell/title}, or for {@link SchemaLint#lintRegistration} the registration's
 * {@code data}, such as {@code /actions/0/schema/properties/cell/title}; {@code ""} for the whole of it
 * @param severity how sure it is that Neuro mishandles it
 * @param message a sentence that says what is wrong and how to fix it
 */
public record LintFinding(String action, String path, Severity severity, String message) {

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
