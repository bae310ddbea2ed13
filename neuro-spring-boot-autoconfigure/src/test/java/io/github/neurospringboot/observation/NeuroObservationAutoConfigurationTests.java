package io.github.neurospringboot.observation;

import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conditions of the observations of the actions: there with an observation registry, not without one.
 */
class NeuroObservationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NeuroAutoConfiguration.class,
				NeuroObservationAutoConfiguration.class))
		.withPropertyValues("neuro.game=Test Game", "neuro.auto-startup=false", "neuro.url=ws://127.0.0.1:1/");

	@Test
	void observesTheActionsWithSpringBootsObservationRegistry() {
		this.runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(ObservationRegistry.class)
				.hasSingleBean(NeuroActionObservations.class));
	}

	@Test
	void observesNothingWithoutAnObservationRegistry() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(NeuroActionObservations.class));
	}

	@Test
	void observesNothingWithoutTheStarter() {
		this.runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.withPropertyValues("neuro.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ObservationRegistry.class)
				.doesNotHaveBean(NeuroActionObservations.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwn() {
		NeuroActionObservations own = new NeuroActionObservations(ObservationRegistry.NOOP, null);
		this.runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.withBean("ownObservations", NeuroActionObservations.class, () -> own)
			.run((context) -> assertThat(context).getBean(NeuroActionObservations.class).isSameAs(own));
	}

}
