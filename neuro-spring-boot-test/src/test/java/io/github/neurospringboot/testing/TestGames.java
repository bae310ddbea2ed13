package io.github.neurospringboot.testing;

import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import java.time.Duration;

import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.EmbeddedNeuroExtension;
import io.github.neurospringboot.test.diagnostics.DiagnosticSettings;
import io.github.neurospringboot.test.diagnostics.Severity;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/**
 * Games for the wire tests: applications with the starter, Jackson and Bean Validation, called "Test Game".
 */
public final class TestGames {

	/** Thresholds no healthy run on loopback reaches, however loaded the machine: lateness is not what is tested. */
	private static final DiagnosticSettings UNHURRIED = new DiagnosticSettings(Duration.ofSeconds(10),
			Duration.ofSeconds(10), Duration.ofSeconds(20));

	private TestGames() {
	}

	/**
	 * An embedded Neuro, fresh for each test when held in an instance field, that fails each test in which the game
	 * did anything wrong at {@link Severity#WARNING} or above: the starter's games must raise no diagnostic there.
	 * Timing counts only when something takes seconds.
	 * @return the extension
	 */
	public static EmbeddedNeuroExtension diagnosedNeuro() {
		return diagnosedNeuro(EmbeddedNeuro.builder());
	}

	/**
	 * An embedded Neuro as described, that fails each test as {@link #diagnosedNeuro()} does.
	 * @param neuro the description, whose diagnostics' thresholds are replaced
	 * @return the extension
	 */
	public static EmbeddedNeuroExtension diagnosedNeuro(EmbeddedNeuro.Builder neuro) {
		return new EmbeddedNeuroExtension(neuro.diagnostics(UNHURRIED)).failOnDiagnostics(Severity.WARNING);
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
