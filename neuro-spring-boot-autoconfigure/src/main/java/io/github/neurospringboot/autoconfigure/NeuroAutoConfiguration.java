package io.github.neurospringboot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.neurospringboot.action.ActionDispatcher;
import io.github.neurospringboot.action.ActionRegistry;
import io.github.neurospringboot.client.ConnectionStates;
import io.github.neurospringboot.client.CurrentConnection;
import io.github.neurospringboot.client.DefaultNeuroClient;
import io.github.neurospringboot.client.Forces;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.connection.WebSocketSettings;
import io.github.neurospringboot.event.NeuroEventPublisher;
import io.github.neurospringboot.protocol.NeuroMessageCodec;
import io.github.neurospringboot.registration.Registrations;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.util.StringUtils;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * Auto-configuration of the connection to Neuro: a {@link NeuroConnection} that connects when the application
 * starts, and the {@link NeuroClient} to play with. Turn it off with {@code neuro.enabled=false}. Of its beans, only
 * the {@link NeuroConnectionDetails} back off when the application defines its own: the rest are wired to each other
 * and are not meant to be replaced (customise them with the callbacks and properties README lists).
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
		"org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
		"org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration" })
@ConditionalOnClass({ StandardWebSocketClient.class, WebSocketContainer.class, JsonMapper.class })
@ConditionalOnBooleanProperty(name = "neuro.enabled", matchIfMissing = true)
@EnableConfigurationProperties(NeuroProperties.class)
@Import(NeuroActionsConfiguration.class)
public final class NeuroAutoConfiguration {

	/** Tomcat's client reads its connect timeout from this user property; other containers ignore it. */
	private static final String TOMCAT_IO_TIMEOUT_PROPERTY = "org.apache.tomcat.websocket.IO_TIMEOUT_MS";

	/**
	 * How long Tomcat's client lets one write block (20 s unless told): the send time limit, so that a Neuro that
	 * stopped reading is found out when a write stalls, even with nothing else waiting to be sent.
	 */
	private static final String TOMCAT_BLOCKING_SEND_TIMEOUT_PROPERTY = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

	@Bean
	@ConditionalOnMissingBean
	NeuroConnectionDetails neuroConnectionDetails(NeuroProperties properties, Environment environment) {
		return new PropertiesNeuroConnectionDetails(properties, environment);
	}

	@Bean
	NeuroMessageCodec neuroMessageCodec(NeuroProperties properties, Environment environment,
			ObjectProvider<JsonMapper> jsonMapper) {
		return new NeuroMessageCodec(jsonMapper(jsonMapper), gameName(properties, environment));
	}

	@Bean
	NeuroEventPublisher neuroEventPublisher(ApplicationEventPublisher applicationEventPublisher) {
		return new NeuroEventPublisher(applicationEventPublisher);
	}

	@Bean
	Registrations neuroRegistrations() {
		return new Registrations();
	}

	@Bean
	Forces neuroForces() {
		return new Forces();
	}

	@Bean
	CurrentConnection neuroCurrentConnection() {
		return new CurrentConnection();
	}

	@Bean
	NeuroConnection neuroConnection(NeuroConnectionDetails connectionDetails, NeuroProperties properties,
			NeuroMessageCodec codec, Registrations registrations, Forces forces, ActionDispatcher dispatcher,
			CurrentConnection current, NeuroEventPublisher events, ObjectProvider<SslBundles> sslBundles,
			Environment environment) {
		NeuroProperties.Websocket websocket = properties.websocket();
		WebSocketSettings settings = webSocketSettings(websocket, environment);
		NeuroWebSocketClient client = webSocketClient(websocket, sslBundles.getIfAvailable());
		ConnectionStates states = new ConnectionStates(registrations, forces, dispatcher, current, events);
		NeuroConnection connection = new NeuroConnection(connectionDetails.getUrl(), client, codec, states,
				reconnectBackOff(properties.reconnect(), environment), settings, events);
		connection.setAutoStartup(properties.autoStartup());
		return connection;
	}

	@Bean
	NeuroClient neuroClient(NeuroConnection connection, CurrentConnection current, Registrations registrations,
			ActionRegistry executableActions, Forces forces, NeuroMessageCodec codec) {
		return new DefaultNeuroClient(connection, current, registrations, executableActions, forces, codec.game());
	}

	/** The application's mapper; never a bean of our own, which would replace it. */
	static JsonMapper jsonMapper(ObjectProvider<JsonMapper> jsonMapper) {
		return jsonMapper.getIfAvailable(JsonMapper::shared);
	}

	private static String gameName(NeuroProperties properties, Environment environment) {
		if (properties.game() != null) {
			if (!StringUtils.hasText(properties.game())) {
				throw InvalidNeuroPropertyException.invalidValue("neuro.game", properties.game(),
						"the game's name must not be blank",
						"Set neuro.game to the name Neuro should see, such as 'Tic Tac Toe'.");
			}
			return properties.game();
		}
		String applicationName = environment.getProperty("spring.application.name");
		if (StringUtils.hasText(applicationName)) {
			return applicationName;
		}
		throw InvalidNeuroPropertyException.missing("neuro.game",
				"Neuro needs the game's name, and spring.application.name is not set either",
				"Set neuro.game (or spring.application.name) to the name Neuro should see, such as 'Tic Tac Toe', or "
						+ "set neuro.enabled=false to run without Neuro.");
	}

	private static WebSocketSettings webSocketSettings(NeuroProperties.Websocket websocket, Environment environment) {
		return new WebSocketSettings(
				positive(environment, "neuro.websocket.connect-timeout", websocket.connectTimeout()),
				positive(environment, "neuro.websocket.ping-interval", websocket.pingInterval()),
				positive(environment, "neuro.websocket.send-time-limit", websocket.sendTimeLimit()),
				positive(environment, "neuro.websocket.send-buffer-size-limit", websocket.sendBufferSizeLimit()),
				positive(environment, "neuro.websocket.max-text-message-size", websocket.maxTextMessageSize()));
	}

	private static Duration positive(Environment environment, String property, Duration value) {
		requireValid(environment, property, value, !value.isNegative() && !value.isZero(), "it must be positive",
				"a positive duration");
		return value;
	}

	private static DataSize positive(Environment environment, String property, DataSize value) {
		requireValid(environment, property, value, value.toBytes() > 0, "it must be positive", "a positive size");
		// Buffers are sized with an int
		requireValid(environment, property, value, value.toBytes() <= Integer.MAX_VALUE,
				"it is more than the 2GB a websocket buffer can hold", "a positive size of at most 2047MB");
		return value;
	}

	/**
	 * Fail startup unless a property's value is valid.
	 * @param environment the environment the value was bound from
	 * @param property the property
	 * @param value the value as bound
	 * @param valid whether the value is valid
	 * @param reason why it is not
	 * @param wanted what a valid value is, such as "a positive duration"
	 */
	private static void requireValid(Environment environment, String property, Object value, boolean valid,
			String reason, String wanted) {
		if (!valid) {
			throw InvalidNeuroPropertyException.invalidValue(environment, property, value, reason,
					"Set " + property + " to " + wanted + ", or remove it to use the default.");
		}
	}

	private static NeuroWebSocketClient webSocketClient(NeuroProperties.Websocket websocket,
			@Nullable SslBundles sslBundles) {
		WebSocketContainer container = ContainerProvider.getWebSocketContainer();
		container.setDefaultMaxTextMessageBufferSize((int) websocket.maxTextMessageSize().toBytes());
		// Binary frames are not part of the protocol and are ignored, but one larger than the container's default
		// buffer (8 KB) would close the connection before it could be ignored.
		container.setDefaultMaxBinaryMessageBufferSize((int) websocket.maxTextMessageSize().toBytes());
		NeuroWebSocketClient client = new NeuroWebSocketClient(container);
		client.setTaskExecutor(new SimpleAsyncTaskExecutor("neuro-connect-"));
		client.setUserProperties(
				Map.of(TOMCAT_IO_TIMEOUT_PROPERTY, String.valueOf(websocket.connectTimeout().toMillis()),
						TOMCAT_BLOCKING_SEND_TIMEOUT_PROPERTY, websocket.sendTimeLimit().toMillis()));
		if (websocket.sslBundle() != null) {
			client.setSslContext(sslBundle(websocket.sslBundle(), sslBundles).createSslContext());
		}
		return client;
	}

	private static SslBundle sslBundle(String name, @Nullable SslBundles sslBundles) {
		List<String> names = (sslBundles != null) ? sslBundles.getBundleNames() : List.of();
		if (sslBundles == null || !names.contains(name)) {
			throw InvalidNeuroPropertyException.invalidValue("neuro.websocket.ssl-bundle", name,
					names.isEmpty() ? "no SSL bundles are configured"
							: "no SSL bundle has that name (the bundles are " + String.join(", ", names) + ")",
					"Define the bundle under spring.ssl.bundle, such as spring.ssl.bundle.jks." + name
							+ ".truststore.location, or remove neuro.websocket.ssl-bundle to trust the JVM's "
							+ "trust store.");
		}
		return sslBundles.getBundle(name);
	}

	private static @Nullable ExponentialBackOff reconnectBackOff(NeuroProperties.Reconnect reconnect,
			Environment environment) {
		if (!reconnect.enabled()) {
			return null;
		}
		positive(environment, "neuro.reconnect.initial-interval", reconnect.initialInterval());
		positive(environment, "neuro.reconnect.max-interval", reconnect.maxInterval());
		requireValid(environment, "neuro.reconnect.multiplier", reconnect.multiplier(), reconnect.multiplier() >= 1,
				"the delay between attempts must not shrink", "1 or more");
		requireValid(environment, "neuro.reconnect.jitter", reconnect.jitter(), !reconnect.jitter().isNegative(),
				"it must not be negative", "zero or a positive duration");
		ExponentialBackOff backOff = new ExponentialBackOff(reconnect.initialInterval().toMillis(),
				reconnect.multiplier());
		backOff.setMaxInterval(reconnect.maxInterval().toMillis());
		backOff.setJitter(reconnect.jitter().toMillis());
		return backOff;
	}

}
