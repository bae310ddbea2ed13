package io.github.neurospringboot.actuate;

import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.connection.NeuroConnection;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conditions of the production support: each part is there only with its library, and the application starts
 * without any of them.
 */
class NeuroActuatorAutoConfigurationTests {

	private static final String[] ACTUATOR_PACKAGES = { "org.springframework.boot.health.",
			"org.springframework.boot.actuate." };

	private static final String MICROMETER_PACKAGE = "io.micrometer.core.";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NeuroAutoConfiguration.class,
				MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, NeuroActuatorAutoConfiguration.class))
		.withPropertyValues("neuro.game=Test Game", "neuro.auto-startup=false", "neuro.url=ws://user:pw@127.0.0.1:1/",
				"management.endpoints.web.exposure.include=neuro");

	@Test
	void definesHealthEndpointAndMetersWithTheirLibraries() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(NeuroHealthIndicator.class)
			.hasBean("neuroHealthIndicator")
			.hasSingleBean(NeuroEndpoint.class)
			.hasSingleBean(NeuroMetrics.class));
	}

	@Test
	void healthIsOutOfServiceWhileTheConnectionIsNotStarted() {
		this.runner.run((context) -> {
			Health health = context.getBean(NeuroHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(health.getDetails()).containsEntry("url", "ws://127.0.0.1:1/")
				.containsEntry("game", "Test Game")
				.containsKey("reason");
		});
	}

	@Test
	void connectionStateIsZeroWhileNotConnected() {
		this.runner.run((context) -> assertThat(
				context.getBean(MeterRegistry.class).get("neuro.connection.state").gauge().value())
			.isZero());
	}

	@Test
	void startsWithoutActuatorAndMicrometer() {
		String[] hidden = { ACTUATOR_PACKAGES[0], ACTUATOR_PACKAGES[1], MICROMETER_PACKAGE };
		this.runner.withClassLoader(new FilteredClassLoader(hidden))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(NeuroClient.class)
				.doesNotHaveBean(NeuroHealthIndicator.class)
				.doesNotHaveBean(NeuroEndpoint.class)
				.doesNotHaveBean(NeuroMetrics.class));
	}

	@Test
	void definesOnlyTheMetersWithoutActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(ACTUATOR_PACKAGES))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(NeuroHealthIndicator.class)
				.doesNotHaveBean(NeuroEndpoint.class)
				.hasSingleBean(NeuroMetrics.class));
	}

	@Test
	void definesNoMetersWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(MICROMETER_PACKAGE))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(NeuroHealthIndicator.class)
				.hasSingleBean(NeuroEndpoint.class)
				.doesNotHaveBean(NeuroMetrics.class));
	}

	@Test
	void definesNoMetersWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NeuroAutoConfiguration.class,
					NeuroActuatorAutoConfiguration.class))
			.withPropertyValues("neuro.game=Test Game", "neuro.auto-startup=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(NeuroHealthIndicator.class)
				.doesNotHaveBean(NeuroMetrics.class));
	}

	@Test
	void healthIndicatorCanBeDisabled() {
		this.runner.withPropertyValues("management.health.neuro.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(NeuroHealthIndicator.class)
				.hasSingleBean(NeuroEndpoint.class));
	}

	@Test
	void endpointIsDefinedOnlyWhenExposed() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).doesNotHaveBean(NeuroEndpoint.class)
				.hasSingleBean(NeuroHealthIndicator.class));
	}

	@Test
	void definesNothingWhenNeuroIsDisabled() {
		this.runner.withPropertyValues("neuro.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(NeuroHealthIndicator.class)
				.doesNotHaveBean(NeuroEndpoint.class)
				.doesNotHaveBean(NeuroMetrics.class));
	}

	@Test
	void backsOffFromTheApplicationsOwnBeans() {
		this.runner.withUserConfiguration(OwnBeans.class)
			.run((context) -> assertThat(context.getBeansOfType(NeuroHealthIndicator.class)).containsOnlyKeys("own"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeans {

		@Bean
		NeuroHealthIndicator own(NeuroConnection connection, NeuroClient client) {
			return new NeuroHealthIndicator(connection, client);
		}

	}

}
