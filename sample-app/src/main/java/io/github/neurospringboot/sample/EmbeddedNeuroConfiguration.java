package io.github.neurospringboot.sample;

import java.time.Duration;

import io.github.neurospringboot.autoconfigure.NeuroConnectionDetails;
import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.NeuroCharacter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * With no Neuro configured (neither {@code neuro.url} nor {@code NEURO_SDK_WS_URL}), the sample plays against an
 * embedded Neuro that plays on its own, so that it shows a game out of the box. A test annotated
 * {@code @EnableEmbeddedNeuro} brings its own embedded Neuro, and its connection details bean, before any
 * configuration is read: then this configuration backs off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedNeuroConfiguration.NoNeuroConfigured.class)
@ConditionalOnMissingBean(NeuroConnectionDetails.class)
class EmbeddedNeuroConfiguration {

	private static final Log logger = LogFactory.getLog(EmbeddedNeuroConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedNeuro embeddedNeuro() {
		EmbeddedNeuro neuro = EmbeddedNeuro.builder()
			.autoPlay(true)
			// A second per try, so that a person can follow the game.
			.autoPlayDelay(Duration.ofSeconds(1))
			// It picks cells at random, but never one refused earlier in the turn: eight retries find a free cell.
			.forceRetries(8)
			.acknowledgeAs(NeuroCharacter.NEURO)
			.start();
		logger.info("No Neuro configured: playing against an embedded Neuro at " + neuro.url()
				+ " (set NEURO_SDK_WS_URL or neuro.url to play against a real one)");
		return neuro;
	}

	@Bean
	NeuroConnectionDetails embeddedNeuroConnectionDetails(EmbeddedNeuro neuro) {
		return neuro::url;
	}

	static class NoNeuroConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("neuro.url"))
					&& !StringUtils.hasText(context.getEnvironment().getProperty("NEURO_SDK_WS_URL"));
		}

	}

}
