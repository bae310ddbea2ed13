package io.github.neurospringboot.test.diagnostics;

/**
 * How bad a {@link Diagnostic} is, from least to most.
 */
public enum Severity {

	/** Worth knowing; nothing breaks. */
	INFO,

	/** It may work, or it works but invites Neuro's mistakes or slows her down. */
	WARNING,

	/** Neuro rejects, ignores or mishandles it. */
	ERROR;

	/**
	 * Whether this severity is as bad as another, or worse.
	 * @param other the other severity
	 * @return {@code true} if this one is at least {@code other}
	 */
	public boolean isAtLeast(Severity other) {
		return compareTo(other) >= 0;
	}

}
