package io.github.neurospringboot.testing;

import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import io.github.neurospringboot.test.EmbeddedNeuro;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/**
 * Games for the wire tests: applications with the starter, Jackson and Bean Validation, called "Test Game".
 */
public final class TestGames {

	private TestGames() {
	}

	/**
	 * A game that connects to an embedded Neuro; add its actions and properties.
	 * @param neuro where it connects
	 * @return the runner
	 */
	public static ApplicationContextRunner connectedTo(EmbeddedNeuro neuro) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ValidationAutoConfiguration.class,
					NeuroAutoConfiguration.class))
			.withPropertyValues("neuro.game=Test Game", "neuro.url=" + neuro.url());
	}

}
