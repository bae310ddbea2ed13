package io.github.neurospringboot.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts an {@link EmbeddedNeuro} for test classes annotated {@link EnableEmbeddedNeuro}. Registered in
 * {@code META-INF/spring.factories}.
 */
final class EmbeddedNeuroContextCustomizerFactory implements ContextCustomizerFactory {

	private static final String BEAN_NAME = "embeddedNeuro";

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		MergedAnnotation<EnableEmbeddedNeuro> annotation = MergedAnnotations
			.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
			.get(EnableEmbeddedNeuro.class);
		return annotation.isPresent() ? new EmbeddedNeuroContextCustomizer(annotation.synthesize()) : null;
	}

	/**
	 * Starts the server before the context refreshes; equal for equal settings, so that contexts are cached.
	 */
	private record EmbeddedNeuroContextCustomizer(EnableEmbeddedNeuro settings) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
			EmbeddedNeuro.Builder builder = EmbeddedNeuro.builder()
				.autoPlay(this.settings.autoPlay())
				.forceRetries(this.settings.forceRetries())
				.autoPlayDelay(java.time.Duration.ofMillis(this.settings.autoPlayDelayMillis()));
			if (this.settings.acknowledgeStartup()) {
				builder.acknowledgeAs(this.settings.character());
			}
			EmbeddedNeuro neuro = builder.start();
			context.getBeanFactory().registerSingleton(BEAN_NAME, neuro);
			// Closed with the singletons, after the game has stopped: it unregisters and closes on a live server.
			((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean(BEAN_NAME, neuro::close);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("embeddedNeuro", Map.of("neuro.url", neuro.url().toString())));
		}

	}

}
