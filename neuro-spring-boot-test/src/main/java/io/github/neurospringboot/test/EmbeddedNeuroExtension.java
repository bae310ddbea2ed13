package io.github.neurospringboot.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jspecify.annotations.Nullable;

/**
 * Runs an {@link EmbeddedNeuro} for the tests of a class, outside Spring:
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
public final class EmbeddedNeuroExtension implements BeforeAllCallback, AfterAllCallback {

	private final EmbeddedNeuro.Builder builder;

	private @Nullable EmbeddedNeuro neuro;

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

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.neuro != null) {
			this.neuro.close();
			this.neuro = null;
		}
	}

}
