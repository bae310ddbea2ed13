package io.github.neurospringboot.test;

import java.net.URI;

import io.github.neurospringboot.autoconfigure.NeuroConnectionDetails;

/**
 * Where the game of a test annotated {@link EnableEmbeddedNeuro} finds Neuro: at its embedded Neuro.
 */
final class EmbeddedNeuroConnectionDetails implements NeuroConnectionDetails {

	private final EmbeddedNeuro neuro;

	EmbeddedNeuroConnectionDetails(EmbeddedNeuro neuro) {
		this.neuro = neuro;
	}

	@Override
	public URI getUrl() {
		return this.neuro.url();
	}

}
