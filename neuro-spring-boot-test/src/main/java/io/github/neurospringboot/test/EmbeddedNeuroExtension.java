package io.github.neurospringboot.test;

import java.util.List;

import io.github.neurospringboot.test.diagnostics.Diagnostic;
import io.github.neurospringboot.test.diagnostics.Severity;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jspecify.annotations.Nullable;

/**
 * Runs an {@link EmbeddedNeuro} for tests, outside Spring. In a {@code static} field, one serves every test of the
 * class; in an instance field, each test gets a fresh one (no frames, connections or registrations left over from
 * the test before).
 *
 * <pre>{@code
 * @RegisterExtension
 * static EmbeddedNeuroExtension neuro = new EmbeddedNeuroExtension(EmbeddedNeuro.builder().autoPlay(true));
 *
 * @Test
 * void plays() {
 *     // connect the game to neuro.get().url()
 * }
 * }</pre>
 */
public final class EmbeddedNeuroExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	private final EmbeddedNeuro.Builder builder;

	private @Nullable EmbeddedNeuro neuro;

	/** Whether {@link #neuro} serves one test only: started before it, closed after it. */
	private boolean perTest;

	private boolean failOnLintErrors;

	private @Nullable Severity failOnDiagnostics;

	/** The newest diagnostic raised before the test began. */
	private long diagnosedBefore;

	/**
	 * An extension starting an embedded Neuro with the defaults.
	 */
	public EmbeddedNeuroExtension() {
		this(EmbeddedNeuro.builder());
	}

	/**
	 * An extension starting an embedded Neuro as described.
	 * @param builder the description
	 */
	public EmbeddedNeuroExtension(EmbeddedNeuro.Builder builder) {
		this.builder = builder;
	}

	/**
	 * After each test, fail it if the game sent anything the embedded Neuro found an error in
	 * ({@link EmbeddedNeuro#assertNoLintErrors()}): a registration the real server would misread, a frame that is not
	 * JSON, a binary frame.
	 * @return this extension
	 */
	public EmbeddedNeuroExtension failOnLintErrors() {
		this.failOnLintErrors = true;
		return this;
	}

	/**
	 * After each test, fail it if the diagnostics found anything at or above a severity while it ran
	 * ({@link EmbeddedNeuro#diagnostics()}), listing each with its fix. Those dismissed or silenced through
	 * {@link EmbeddedNeuro#diagnosticsEngine()} do not count.
	 * @param severity the least severity that fails the test, such as {@link Severity#WARNING}
	 * @return this extension
	 */
	public EmbeddedNeuroExtension failOnDiagnostics(Severity severity) {
		this.failOnDiagnostics = severity;
		return this;
	}

	/**
	 * The running embedded Neuro.
	 * @return the server
	 * @throws IllegalStateException outside the test class's lifetime
	 */
	public EmbeddedNeuro get() {
		if (this.neuro == null) {
			throw new IllegalStateException("The embedded Neuro runs only while the test class runs");
		}
		return this.neuro;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.neuro = this.builder.start();
	}

	/**
	 * Only an extension in an instance field has no embedded Neuro yet: JUnit calls beforeAll for static ones. A
	 * shared one forgets which connection was the game's, so that the game of the test before, closing, is never
	 * taken for this test's.
	 */
	@Override
	public void beforeEach(ExtensionContext context) {
		if (this.neuro == null) {
			this.neuro = this.builder.start();
			this.perTest = true;
		}
		this.neuro.forgetCurrentConnection();
		this.diagnosedBefore = this.neuro.diagnostics().stream().mapToLong(Diagnostic::id).max().orElse(0);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		try {
			if ((this.failOnLintErrors || this.failOnDiagnostics != null) && this.neuro != null) {
				// A frame still on its way belongs to this test, not to the next one.
				this.neuro.settle();
			}
			if (this.failOnLintErrors && this.neuro != null) {
				this.neuro.assertNoLintErrors();
			}
			if (this.failOnDiagnostics != null && this.neuro != null) {
				assertNoDiagnosticsSinceTheTestBegan(this.neuro, this.failOnDiagnostics);
			}
		}
		finally {
			if (this.perTest) {
				close();
			}
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	private void assertNoDiagnosticsSinceTheTestBegan(EmbeddedNeuro neuro, Severity severity) {
		List<Diagnostic> found = neuro.diagnostics()
			.stream()
			.filter((diagnostic) -> diagnostic.id() > this.diagnosedBefore && diagnostic.severity().isAtLeast(severity))
			.toList();
		if (!found.isEmpty()) {
			throw new AssertionError(DiagnosticReport.describe(severity, found));
		}
	}

	private void close() {
		if (this.neuro != null) {
			this.neuro.close();
			this.neuro = null;
		}
	}

}
