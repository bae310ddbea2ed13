package io.github.neurospringboot.actuate;

import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.window.ActionWindows;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the production support for the connection to Neuro, each part active only when its library
 * is on the classpath: the {@code neuro} health indicator (Spring Boot's health module, off with
 * {@code management.health.neuro.enabled=false}), the {@code neuro} Actuator endpoint (when available, that is
 * enabled and exposed), and Micrometer meters (when there is a {@link MeterRegistry}). Every bean backs off when the
 * application defines its own.
 */
@AutoConfiguration(after = NeuroAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBean({ NeuroConnection.class, NeuroClient.class })
public final class NeuroActuatorAutoConfiguration {

	// A condition annotation of an optional module is named in the class's @ConditionalOnClass (an annotation whose
	// class is missing is skipped silently, and its bean would be defined), and used on the bean method, where it is
	// only read once the class condition holds (Spring loads every condition of a class before evaluating any).

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnEnabledHealthIndicator("neuro")
		NeuroHealthIndicator neuroHealthIndicator(NeuroConnection connection, NeuroClient client) {
			return new NeuroHealthIndicator(connection, client);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint
		NeuroEndpoint neuroEndpoint(NeuroClient client, NeuroConnection connection, ActionWindows windows) {
			return new NeuroEndpoint(client, connection, windows);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		NeuroMetrics neuroMetrics(MeterRegistry registry) {
			return new NeuroMetrics(registry);
		}

		@Bean
		@ConditionalOnMissingBean
		NeuroConnectionMetrics neuroConnectionMetrics(MeterRegistry registry, NeuroConnection connection) {
			return new NeuroConnectionMetrics(registry, connection);
		}

	}

}
