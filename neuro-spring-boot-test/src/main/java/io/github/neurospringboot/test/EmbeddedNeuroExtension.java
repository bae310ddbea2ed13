package io.github.neurospringboot.test;

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
	}

	@Override
	public void afterEach(ExtensionContext context) {
		try {
			if (this.failOnLintErrors && this.neuro != null) {
				this.neuro.assertNoLintErrors();
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

	private void close() {
		if (this.neuro != null) {
			this.neuro.close();
			this.neuro = null;
		}
	}

}
