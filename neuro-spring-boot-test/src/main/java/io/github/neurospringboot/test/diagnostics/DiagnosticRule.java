package io.github.neurospringboot.test.diagnostics;

/**
 * The rules the {@link DiagnosticsEngine} checks on the conversation of a connection: the order of messages, what is
 * registered, forces and results, and their timing. What one message breaks on its own is a
 * {@link io.github.neurospringboot.test.lint.LintRule}. Each rule has a stable, kebab-case {@link #id()}; README's
 * "Diagnostics" section says what each catches and how to fix it.
 */
public enum DiagnosticRule {

	/** The first message on a connection is not {@code startup}. */
	STARTUP_MISSING("startup-missing", Severity.WARNING),

	/** More than one {@code startup} on one connection. */
	SEVERAL_STARTUPS("several-startups", Severity.WARNING),

	/** {@code startup} later than {@link DiagnosticSettings#lateStartup()} after the connection opened. */
	LATE_STARTUP("late-startup", Severity.INFO),

	/** The {@code game} changed on one connection. */
	GAME_RENAMED("game-renamed", Severity.ERROR),

	/** The same definition registered again while it is registered. */
	DUPLICATE_REGISTRATION("duplicate-registration", Severity.INFO),

	/** A different definition registered under a registered name. */
	CONFLICTING_REGISTRATION("conflicting-registration", Severity.WARNING),

	/** A name unregistered that was never registered on the connection. */
	UNREGISTER_UNKNOWN("unregister-unknown", Severity.WARNING),

	/** A name unregistered that had been unregistered already. */
	UNREGISTER_INACTIVE("unregister-inactive", Severity.INFO),

	/** A force naming some actions that are not registered. */
	FORCE_SOME_UNKNOWN("force-some-unknown", Severity.WARNING),

	/** A force naming only actions that are not registered. */
	FORCE_ALL_UNKNOWN("force-all-unknown", Severity.ERROR),

	/** A force while an earlier force still waits for Neuro. */
	SEVERAL_FORCES("several-forces", Severity.ERROR),

	/** A force while Neuro waits for the result of an action. */
	FORCE_WHILE_RESULT_PENDING("force-while-result-pending", Severity.ERROR),

	/** A result later than {@link DiagnosticSettings#lateResult()} after its action. */
	LATE_RESULT("late-result", Severity.WARNING),

	/** No result within {@link DiagnosticSettings#resultTimeout()} of its action. */
	RESULT_TIMEOUT("result-timeout", Severity.ERROR),

	/** A result for an id Neuro is not waiting for. */
	UNEXPECTED_RESULT("unexpected-result", Severity.WARNING);

	private final String id;

	private final Severity severity;

	DiagnosticRule(String id, Severity severity) {
		this.id = id;
		this.severity = severity;
	}

	/**
	 * The rule's stable id.
	 * @return the id, such as {@code several-forces}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * How bad a diagnostic of this rule is.
	 * @return the severity
	 */
	public Severity severity() {
		return this.severity;
	}

}
