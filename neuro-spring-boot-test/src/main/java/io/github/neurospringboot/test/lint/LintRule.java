package io.github.neurospringboot.test.lint;

import java.util.Arrays;
import java.util.Optional;

import io.github.neurospringboot.test.lint.LintFinding.Severity;

/**
 * What the lint checks in one message of a game, alone: its shape, and the registrations in it as the real server
 * would read them. Each rule has a stable, kebab-case {@link #id()} and one severity. README's "Diagnostics" section
 * says what each catches and how to fix it.
 */
public enum LintRule {

	/** Not JSON, or a message of the wrong shape: a field missing, of the wrong type, or {@code null}. */
	INVALID_MESSAGE("invalid-message", Severity.ERROR),

	/** A binary frame: Neuro reads text frames only. */
	BINARY_FRAME("binary-frame", Severity.ERROR),

	/** A command the Neuro API does not define, which Neuro ignores. */
	UNKNOWN_COMMAND("unknown-command", Severity.WARNING),

	/** An {@code actions/unregister} with no names. */
	EMPTY_UNREGISTER("empty-unregister", Severity.WARNING),

	/** An {@code actions/force} with no names. */
	EMPTY_FORCE("empty-force", Severity.ERROR),

	/** A result with {@code success: false} and no message. */
	FAILURE_WITHOUT_MESSAGE("failure-without-message", Severity.WARNING),

	/** An {@code actions/register} with no actions. */
	EMPTY_REGISTRATION("empty-registration", Severity.ERROR),

	/** One name used by two actions of one registration. */
	DUPLICATE_NAME("duplicate-name", Severity.ERROR),

	/** A name missing, or not made of lowercase letters, digits, {@code _} and {@code -}. */
	INVALID_NAME("invalid-name", Severity.ERROR),

	/** A description missing or blank. */
	NO_DESCRIPTION("no-description", Severity.ERROR),

	/** {@code "schema": null}. */
	NULL_SCHEMA("null-schema", Severity.ERROR),

	/** A schema that is not a JSON object with {@code "type": "object"} at its root. */
	ROOT_NOT_OBJECT("root-not-object", Severity.ERROR),

	/** A keyword Neuro does not support, such as {@code title}, {@code $ref} or {@code additionalProperties}. */
	UNSUPPORTED_KEYWORD("unsupported-keyword", Severity.ERROR),

	/** A {@code required} name that is not among the {@code properties}. */
	UNKNOWN_REQUIRED("unknown-required", Severity.ERROR),

	/** A schema that cannot be compiled, such as one whose {@code pattern} is not a regular expression. */
	INVALID_SCHEMA("invalid-schema", Severity.ERROR),

	/** {@code "uniqueItems": true}, which Neuro may or may not respect. */
	UNIQUE_ITEMS("unique-items", Severity.WARNING),

	/** The empty schema {@code {}}. */
	EMPTY_SCHEMA("empty-schema", Severity.WARNING),

	/** An object schema without properties. */
	NO_PROPERTIES("no-properties", Severity.WARNING),

	/** A schema for which no parameters were found, such as one with contradictory bounds. */
	UNFILLABLE_SCHEMA("unfillable-schema", Severity.WARNING);

	private final String id;

	private final Severity severity;

	LintRule(String id, Severity severity) {
		this.id = id;
		this.severity = severity;
	}

	/**
	 * The rule's stable id.
	 * @return the id, such as {@code unsupported-keyword}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * How bad a finding of this rule is.
	 * @return the severity
	 */
	public Severity severity() {
		return this.severity;
	}

	/**
	 * The rule with an id.
	 * @param id the id, such as {@code unsupported-keyword}
	 * @return the rule, or empty if no lint rule has that id
	 */
	public static Optional<LintRule> ofId(String id) {
		return Arrays.stream(values()).filter((rule) -> rule.id.equals(id)).findFirst();
	}

}
