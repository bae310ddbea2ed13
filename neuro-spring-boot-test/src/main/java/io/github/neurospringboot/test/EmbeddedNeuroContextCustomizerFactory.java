package io.github.neurospringboot.test;

import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.StringUtils;

/**
 * Starts an {@link EmbeddedNeuro} for test classes annotated {@link EnableEmbeddedNeuro}, and connects the game to it
 * with a primary {@link io.github.neurospringboot.autoconfigure.NeuroConnectionDetails} bean. Registered in
 * {@code META-INF/spring.factories}.
 */
final class EmbeddedNeuroContextCustomizerFactory implements ContextCustomizerFactory {

	private static final Log logger = LogFactory.getLog(EmbeddedNeuroContextCustomizerFactory.class);

	private static final String BEAN_NAME = "embeddedNeuro";

	private static final String CONNECTION_DETAILS_BEAN_NAME = "embeddedNeuroConnectionDetails";

	/** Where a game finds Neuro without the kit: the property first, then the SDKs' environment variable. */
	private static final List<String> URL_SOURCES = List.of("neuro.url", "NEURO_SDK_WS_URL");

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
				.autoPlayDelay(Duration.ofMillis(this.settings.autoPlayDelayMillis()));
			if (this.settings.acknowledgeStartup()) {
				builder.acknowledgeAs(this.settings.character());
			}
			EmbeddedNeuro neuro = builder.start();
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			beanFactory.registerSingleton(BEAN_NAME, neuro);
			// Closed with the singletons, after the game has stopped: it unregisters and closes on a live server.
			((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(BEAN_NAME, neuro::close);
			// Present before any configuration is read, so the auto-configuration's own bean backs off; primary, so
			// that it wins over one the application declares too.
			RootBeanDefinition connectionDetails = new RootBeanDefinition(EmbeddedNeuroConnectionDetails.class);
			connectionDetails.getConstructorArgumentValues()
				.addIndexedArgumentValue(0, new RuntimeBeanReference(BEAN_NAME));
			connectionDetails.setPrimary(true);
			((BeanDefinitionRegistry) beanFactory).registerBeanDefinition(CONNECTION_DETAILS_BEAN_NAME,
					connectionDetails);
			reportUrlsGivingWay(context.getEnvironment(), neuro);
		}

		/** A configured URL is left as it is, but not used: say so, without the URL, which may hold secrets. */
		private static void reportUrlsGivingWay(Environment environment, EmbeddedNeuro neuro) {
			List<String> configured = URL_SOURCES.stream()
				.filter((source) -> StringUtils.hasText(environment.getProperty(source)))
				.toList();
			if (!configured.isEmpty()) {
				logger.info("The game connects to the embedded Neuro at " + neuro.url() + ": in a test annotated"
						+ " @EnableEmbeddedNeuro it takes the place of " + String.join(" and ", configured));
			}
		}

	}

}
