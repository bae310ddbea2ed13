package io.github.neurospringboot.test;

import java.time.Duration;

import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import io.github.neurospringboot.autoconfigure.NeuroConnectionDetails;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EnableEmbeddedNeuro} on a Spring Boot test, with nothing else saying where Neuro is: the game finds the
 * embedded Neuro through the {@link NeuroConnectionDetails} bean the kit contributes, and no property is changed.
 */
@SpringBootTest(classes = EnableEmbeddedNeuroTests.Game.class,
		properties = { "neuro.game=Dice", "spring.main.banner-mode=off" })
@EnableEmbeddedNeuro
class EnableEmbeddedNeuroTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	private ApplicationContext context;

	@Autowired
	private EmbeddedNeuro neuro;

	@Test
	void theGameConnectsToTheEmbeddedNeuroThroughTheContributedConnectionDetails() {
		assertThat(this.context.getBeansOfType(NeuroConnectionDetails.class).values()).singleElement()
			.satisfies((details) -> assertThat(details.getUrl()).isEqualTo(this.neuro.url()));
		assertThat(this.context.getEnvironment().getProperty("neuro.url")).isNull();
		this.neuro.awaitActionRegistered("roll", WAIT);
		assertThat(this.neuro.execute("roll", "{\"dice\":3}").assertSuccess().message()).isEqualTo("Rolled 3 dice.");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, ValidationAutoConfiguration.class,
			NeuroAutoConfiguration.class })
	@Import(EmbeddedNeuroTests.Dice.class)
	static class Game {

	}

}
