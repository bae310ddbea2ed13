package io.github.neurospringboot.observation;

import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import io.github.neurospringboot.client.NeuroClient;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the observations of the actions Neuro calls, when there is an {@link ObservationRegistry}
 * (Spring Boot's, or the application's): named by the application's {@link NeuroActionObservationConvention} bean if
 * it has one. Backs off when the application defines its own {@link NeuroActionObservations}.
 */
@AutoConfiguration(after = NeuroAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean({ NeuroClient.class, ObservationRegistry.class })
public final class NeuroObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	NeuroActionObservations neuroActionObservations(ObservationRegistry registry,
			ObjectProvider<NeuroActionObservationConvention> convention) {
		return new NeuroActionObservations(registry, convention.getIfUnique());
	}

}
