package io.github.neurospringboot.console.autoconfigure;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import io.github.neurospringboot.autoconfigure.NeuroConnectionDetails;
import io.github.neurospringboot.console.ForceMode;
import io.github.neurospringboot.console.NeuroConsole;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of the Neuro console inside a game in development: with {@code neuro.console.enabled=true}, it
 * starts a {@link NeuroConsole} in the game's process and connects the game to it with a
 * {@link NeuroConnectionDetails} bean, so that no URL needs configuring. A Neuro URL configured ({@code neuro.url} or
 * {@code NEURO_SDK_WS_URL}) keeps the console off, as does a {@code NeuroConnectionDetails} bean of the application
 * or of a test's embedded Neuro.
 */
@AutoConfiguration(before = NeuroAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "neuro.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "neuro.console.enabled")
@EnableConfigurationProperties(NeuroConsoleProperties.class)
public final class NeuroConsoleAutoConfiguration {

	private static final Log logger = LogFactory.getLog(NeuroConsoleAutoConfiguration.class);

	/** Where a game finds Neuro without the console: the property first, then the SDKs' environment variable. */
	private static final List<String> URL_SOURCES = List.of("neuro.url", "NEURO_SDK_WS_URL");

	/** The console in the game's process. */
	@Configuration(proxyBeanMethods = false)
	@Conditional(NoNeuroUrl.class)
	@ConditionalOnMissingBean(NeuroConnectionDetails.class)
	static final class ConsoleConfiguration {

		@Bean(destroyMethod = "close")
		NeuroConsole neuroConsole(NeuroConsoleProperties properties) {
			NeuroConsole.Builder builder = NeuroConsole.builder()
				.address(address(properties.host()))
				.port(properties.port())
				.forceMode(properties.autoPlay() ? ForceMode.AUTO_PLAY : ForceMode.BY_HAND)
				.thinkDelay(properties.thinkDelay())
				.forceRetries(properties.forceRetries());
			if (properties.seed() != null) {
				builder.seed(properties.seed());
			}
			NeuroConsole console;
			try {
				console = builder.start();
			}
			catch (UncheckedIOException ex) {
				throw new ConsoleStartupException("The Neuro console cannot listen on " + properties.host() + ":"
						+ properties.port() + " (neuro.console.host and neuro.console.port): "
						+ ex.getCause().getMessage() + ".",
						"Stop what listens there (another console, or a Neuro mock server), or set neuro.console.port"
								+ " to another port (0 for a free one).",
						ex);
			}
			logger.info("Neuro console: " + console.url() + " (open it in a browser to watch the game and play as"
					+ " Neuro; games connect at " + console.neuroUrl() + ")");
			return console;
		}

		@Bean
		NeuroConnectionDetails neuroConsoleConnectionDetails(NeuroConsole console) {
			return console::neuroUrl;
		}

		private static InetAddress address(String host) {
			try {
				return InetAddress.getByName(host);
			}
			catch (UnknownHostException ex) {
				throw new ConsoleStartupException("Invalid value '" + host
						+ "' for configuration property 'neuro.console.host': it is not an address of this machine.",
						"Set neuro.console.host to an address to listen on, such as 127.0.0.1.", ex);
			}
		}

	}

	/** A Neuro URL is configured: the console stays off, and says why. */
	@Configuration(proxyBeanMethods = false)
	@Conditional(NeuroUrlConfigured.class)
	static final class ConsoleOffConfiguration {

		@Bean
		InitializingBean neuroConsoleOffNotice(Environment environment) {
			return () -> logger.info("The Neuro console is off although neuro.console.enabled is true: "
					+ String.join(" and ", configuredUrls(environment))
					+ " says where Neuro is, and the game connects there (unset it to play in the console)");
		}

	}

	private static List<String> configuredUrls(Environment environment) {
		return URL_SOURCES.stream().filter((source) -> StringUtils.hasText(environment.getProperty(source))).toList();
	}

	static final class NoNeuroUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return configuredUrls(context.getEnvironment()).isEmpty();
		}

	}

	static final class NeuroUrlConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !configuredUrls(context.getEnvironment()).isEmpty();
		}

	}

}
