package io.github.neurospringboot.autoconfigure;

import java.util.Map;

import io.github.neurospringboot.action.ActionRegistry;
import io.github.neurospringboot.client.ActionRequestHandler;
import io.github.neurospringboot.client.DefaultNeuroClient;
import io.github.neurospringboot.client.ForceQueue;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.client.NeuroMessageRouter;
import io.github.neurospringboot.client.RegisteredActions;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.connection.WebSocketSettings;
import io.github.neurospringboot.event.NeuroEventPublisher;
import io.github.neurospringboot.protocol.NeuroMessageCodec;
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
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.util.StringUtils;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * Auto-configuration of the connection to Neuro: a {@link NeuroConnection} that connects when the application
 * starts, and the {@link NeuroClient} to play with. Turn it off with {@code neuro.enabled=false}. Every bean backs
 * off when the application defines its own.
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
	@ConditionalOnMissingBean
	NeuroMessageCodec neuroMessageCodec(NeuroProperties properties, Environment environment,
			ObjectProvider<JsonMapper> jsonMapper) {
		return new NeuroMessageCodec(jsonMapper(jsonMapper), gameName(properties, environment));
	}

	@Bean
	NeuroEventPublisher neuroEventPublisher(ApplicationEventPublisher applicationEventPublisher) {
		return new NeuroEventPublisher(applicationEventPublisher);
	}

	@Bean
	@ConditionalOnMissingBean
	RegisteredActions neuroRegisteredActions() {
		return new RegisteredActions();
	}

	@Bean
	@ConditionalOnMissingBean
	ForceQueue neuroForceQueue(RegisteredActions actions) {
		return new ForceQueue(actions);
	}

	@Bean
	@ConditionalOnMissingBean
	NeuroMessageRouter neuroMessageRouter(RegisteredActions actions, ForceQueue forces,
			ObjectProvider<ActionRequestHandler> actionRequestHandler, NeuroEventPublisher events) {
		return new NeuroMessageRouter(actions, forces, actionRequestHandler::getObject, events);
	}

	@Bean
	@ConditionalOnMissingBean
	NeuroConnection neuroConnection(NeuroConnectionDetails connectionDetails, NeuroProperties properties,
			NeuroMessageCodec codec, NeuroMessageRouter router, NeuroEventPublisher events,
			ObjectProvider<SslBundles> sslBundles) {
		NeuroProperties.Websocket websocket = properties.websocket();
		WebSocketSettings settings = new WebSocketSettings(websocket.connectTimeout(), websocket.pingInterval(),
				websocket.sendTimeLimit(), websocket.sendBufferSizeLimit(), websocket.maxTextMessageSize());
		NeuroWebSocketClient client = webSocketClient(websocket, sslBundles.getIfAvailable());
		NeuroConnection connection = new NeuroConnection(connectionDetails.getUrl(), client, codec, router,
				reconnectBackOff(properties.reconnect()), settings, events);
		connection.setAutoStartup(properties.autoStartup());
		return connection;
	}

	@Bean
	@ConditionalOnMissingBean
	NeuroClient neuroClient(NeuroConnection connection, RegisteredActions actions, ActionRegistry executableActions,
			NeuroMessageRouter router, ForceQueue forces, NeuroMessageCodec codec) {
		return new DefaultNeuroClient(connection, actions, executableActions, router, forces, codec.game());
	}

	/** The application's mapper; never a bean of our own, which would replace it. */
	static JsonMapper jsonMapper(ObjectProvider<JsonMapper> jsonMapper) {
		return jsonMapper.getIfAvailable(JsonMapper::shared);
	}

	private static String gameName(NeuroProperties properties, Environment environment) {
		if (properties.game() != null) {
			if (!StringUtils.hasText(properties.game())) {
				throw new InvalidConfigurationPropertyValueException("neuro.game", properties.game(),
						"The game name must not be blank. Set neuro.game to the name Neuro should see, such as "
								+ "'Tic Tac Toe'.");
			}
			return properties.game();
		}
		String applicationName = environment.getProperty("spring.application.name");
		if (StringUtils.hasText(applicationName)) {
			return applicationName;
		}
		throw new InvalidConfigurationPropertyValueException("neuro.game", null,
				"Neuro needs the game's name. Set neuro.game (or spring.application.name) to the name Neuro should "
						+ "see, such as 'Tic Tac Toe', or set neuro.enabled=false to run without Neuro.");
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
			if (sslBundles == null) {
				throw new InvalidConfigurationPropertyValueException("neuro.websocket.ssl-bundle",
						websocket.sslBundle(), "No SSL bundles are configured. Define the bundle under spring.ssl.bundle.");
			}
			client.setSslContext(sslBundles.getBundle(websocket.sslBundle()).createSslContext());
		}
		return client;
	}

	private static @Nullable ExponentialBackOff reconnectBackOff(NeuroProperties.Reconnect reconnect) {
		if (!reconnect.enabled()) {
			return null;
		}
		ExponentialBackOff backOff = new ExponentialBackOff(reconnect.initialInterval().toMillis(),
				reconnect.multiplier());
		backOff.setMaxInterval(reconnect.maxInterval().toMillis());
		backOff.setJitter(reconnect.jitter().toMillis());
		return backOff;
	}

}
