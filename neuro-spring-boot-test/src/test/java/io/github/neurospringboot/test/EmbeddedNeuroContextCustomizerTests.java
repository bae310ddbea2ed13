package io.github.neurospringboot.test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import io.github.neurospringboot.autoconfigure.NeuroConnectionDetails;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link EnableEmbeddedNeuro} does when the application says elsewhere where Neuro is: the embedded Neuro wins,
 * and says so. The customizer is applied as the Spring TestContext Framework applies it, to a game started here, so
 * that the line it logs while the context starts can be captured.
 */
class EmbeddedNeuroContextCustomizerTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.from(EmbeddedNeuroContextCustomizerFactory.class);

	private final ApplicationContextRunner game = new ApplicationContextRunner()
		.withInitializer(EmbeddedNeuroContextCustomizerTests::customize)
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ValidationAutoConfiguration.class,
				NeuroAutoConfiguration.class))
		.withBean(EmbeddedNeuroTests.Dice.class)
		.withPropertyValues("neuro.game=Dice");

	@Test
	void anExplicitNeuroUrlIsLeftAsConfiguredAndGivesWayToTheEmbeddedNeuro() {
		String elsewhere = "ws://player:hunter2@127.0.0.1:1/?token=s3cr3t";
		this.game.withPropertyValues("neuro.url=" + elsewhere).run((context) -> {
			EmbeddedNeuro neuro = context.getBean(EmbeddedNeuro.class);
			neuro.awaitActionRegistered("roll", WAIT);
			neuro.execute("roll", "{\"dice\":2}").assertSuccess();
			assertThat(context.getEnvironment().getProperty("neuro.url")).isEqualTo(elsewhere);
			assertThat(this.logs.lines()).singleElement().satisfies((line) -> {
				assertThat(line.level()).isEqualTo(Level.INFO);
				assertThat(line.message()).isEqualTo("The game connects to the embedded Neuro at " + neuro.url()
						+ ": in a test annotated @EnableEmbeddedNeuro it takes the place of neuro.url");
			});
		});
	}

	@Test
	void aConnectionDetailsBeanOfTheApplicationGivesWayToTheEmbeddedNeuro() {
		URI elsewhere = URI.create("ws://127.0.0.1:1/");
		this.game.withBean(NeuroConnectionDetails.class, () -> () -> elsewhere).run((context) -> {
			EmbeddedNeuro neuro = context.getBean(EmbeddedNeuro.class);
			assertThat(context.getBean(NeuroConnectionDetails.class).getUrl()).isEqualTo(neuro.url());
			neuro.awaitActionRegistered("roll", WAIT);
			neuro.execute("roll", "{\"dice\":5}").assertSuccess();
		});
	}

	private static void customize(ConfigurableApplicationContext context) {
		ContextCustomizer customizer = new EmbeddedNeuroContextCustomizerFactory()
			.createContextCustomizer(AnnotatedTest.class, List.of());
		assertThat(customizer).isNotNull();
		customizer.customizeContext(context,
				new MergedContextConfiguration(AnnotatedTest.class, null, null, null, null));
	}

	@EnableEmbeddedNeuro
	static class AnnotatedTest {

	}

}
