package io.github.neurospringboot.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.neurospringboot.test.lint.LintFinding;
import io.github.neurospringboot.test.lint.SchemaLint;
import tools.jackson.databind.JsonNode;

/**
 * What the embedded Neuro found wrong in what the game sent: registrations the real server would misread
 * ({@link SchemaLint}), frames that are not JSON, binary frames.
 */
final class FrameLint {

	/** Longer frames are cut short in findings. */
	private static final int EXCERPT_LENGTH = 200;

	private final List<LintFinding> findings = new CopyOnWriteArrayList<>();

	/**
	 * Lint a registration.
	 * @param registerData the {@code data} of an {@code actions/register}
	 */
	void registration(JsonNode registerData) {
		this.findings.addAll(SchemaLint.lintRegistration(registerData));
	}

	/**
	 * The game sent a text frame that is not JSON.
	 * @param text the frame
	 */
	void notJson(String text) {
		error("A frame is not JSON: " + ((text.length() <= EXCERPT_LENGTH) ? text
				: text.substring(0, EXCERPT_LENGTH) + "…"));
	}

	/** The game sent a binary frame. */
	void binaryFrame() {
		error("The game sent a binary frame; Neuro accepts text frames only");
	}

	List<LintFinding> findings() {
		return List.copyOf(this.findings);
	}

	/**
	 * Check that nothing had an error-level finding.
	 * @throws AssertionError listing the errors
	 */
	void assertNoErrors() {
		List<LintFinding> errors = this.findings.stream()
			.filter((finding) -> finding.severity() == LintFinding.Severity.ERROR)
			.toList();
		if (!errors.isEmpty()) {
			throw new AssertionError("The game's registrations have lint errors: " + errors);
		}
	}

	private void error(String message) {
		this.findings.add(new LintFinding("", "", LintFinding.Severity.ERROR, message));
	}

}
