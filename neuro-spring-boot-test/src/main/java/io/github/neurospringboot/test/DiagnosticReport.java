package io.github.neurospringboot.test;

import java.util.List;
import java.util.stream.Collectors;

import io.github.neurospringboot.test.diagnostics.Diagnostic;
import io.github.neurospringboot.test.diagnostics.Severity;

/**
 * The failure a test gets for the diagnostics it should not have: one per line, with the fix.
 */
final class DiagnosticReport {

	private DiagnosticReport() {
	}

	/**
	 * Describe diagnostics for a test failure.
	 * @param severity the least severity that fails
	 * @param diagnostics what was found
	 * @return the failure's message
	 */
	static String describe(Severity severity, List<Diagnostic> diagnostics) {
		return diagnostics.stream()
			.map((diagnostic) -> "  " + diagnostic)
			.collect(Collectors.joining("\n", "The embedded Neuro's diagnostics found " + diagnostics.size()
					+ " problem(s) at " + severity + " or above in what the game did:\n", ""));
	}

}
