package io.github.neurospringboot.sample;

import java.time.Duration;
import java.util.Map;

import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.NeuroCharacter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * With no Neuro configured (neither {@code neuro.url} nor {@code NEURO_SDK_WS_URL}), the sample plays against an
 * embedded Neuro that plays on its own, so that it shows a game out of the box: it starts one, points
 * {@code neuro.url} at it, and makes it a bean, closed with the application.
 *
 * <p>Decided each time the application starts, not by a condition on a configuration class: ahead-of-time processing
 * evaluates conditions once, when the jar is built, and the same jar plays against either Neuro. Nothing starts while
 * the build processes the application ahead of time.
 */
final class EmbeddedNeuroWhenNoneConfigured implements ApplicationListener<ApplicationPreparedEvent> {

	private static final Log logger = LogFactory.getLog(EmbeddedNeuroWhenNoneConfigured.class);

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		GenericApplicationContext context = (GenericApplicationContext) event.getApplicationContext();
		ConfigurableEnvironment environment = context.getEnvironment();
		if (StringUtils.hasText(environment.getProperty("neuro.url"))
				|| StringUtils.hasText(environment.getProperty("NEURO_SDK_WS_URL"))
				|| Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
			return;
		}
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
		environment.getPropertySources()
			.addFirst(new MapPropertySource("embeddedNeuro", Map.of("neuro.url", neuro.url().toString())));
		context.registerBean("embeddedNeuro", EmbeddedNeuro.class, () -> neuro,
				(definition) -> definition.setDestroyMethodName("close"));
	}

}
