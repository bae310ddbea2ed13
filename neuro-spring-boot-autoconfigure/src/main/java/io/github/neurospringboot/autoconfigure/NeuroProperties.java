package io.github.neurospringboot.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the Neuro Game API integration.
 *
 * <p>The URL is bound as text and parsed by the auto-configuration: a malformed one then fails startup with its
 * user-info and query masked, where the binder would show the value as configured, credentials and all.
 *
 * @param enabled whether to connect to Neuro at all
 * @param game the game's display name, sent with every message; defaults to spring.application.name
 * @param url the Neuro websocket URL (ws:// or wss://); defaults to the NEURO_SDK_WS_URL environment variable, then
 * to ws://localhost:8000
 * @param autoStartup whether to connect when the application starts; when false, start the NeuroConnection bean
 * yourself
 * @param reconnect reconnecting after a lost connection or a failed attempt
 * @param websocket the websocket transport
 * @param actions executing the actions Neuro calls
 */
@ConfigurationProperties("neuro")
public record NeuroProperties(@DefaultValue("true") boolean enabled, @Nullable String game, @Nullable String url,
		@DefaultValue("true") boolean autoStartup, @DefaultValue Reconnect reconnect,
		@DefaultValue Websocket websocket, @DefaultValue Actions actions) {

	/**
	 * Executing the actions Neuro calls.
	 *
	 * @param resultTimeout how long an action may run before Neuro is told it timed out (its late outcome is then
	 * discarded); at most 20s, because Neuro waits only a little over 20 seconds, frozen, then takes the action as
	 * failed and does not retry its force: the game's own time-out, a failure she retries inside a force, must come
	 * first
	 * @param exposeExceptionMessages whether Neuro may read the message of an unexpected exception thrown by an action;
	 * off by default, because Neuro speaks on stream and such messages are written for developers
	 * @param retryOnError whether an unexpected exception is a failure Neuro retries inside a force (success: false),
	 * rather than a success carrying the error text, which avoids a retry loop on a bug
	 */
	public record Actions(@DefaultValue("5s") Duration resultTimeout,
			@DefaultValue("false") boolean exposeExceptionMessages, @DefaultValue("true") boolean retryOnError) {
	}

	/**
	 * Reconnecting, with exponential back-off and jitter.
	 *
	 * @param enabled whether to reconnect after a lost connection or a failed attempt
	 * @param initialInterval the delay before the first reconnect attempt
	 * @param multiplier by how much the delay grows after each failed attempt
	 * @param maxInterval the longest delay between attempts
	 * @param jitter the random spread applied to each delay, so that many games do not reconnect in lockstep; grows
	 * with the multiplier, never below the initial interval or above the maximum
	 */
	public record Reconnect(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration initialInterval,
			@DefaultValue("2.0") double multiplier, @DefaultValue("30s") Duration maxInterval,
			@DefaultValue("500ms") Duration jitter) {
	}

	/**
	 * The websocket transport.
	 *
	 * @param connectTimeout how long one connection attempt, handshake included, may take
	 * @param pingInterval how often to ping Neuro; a ping still unanswered when the next is due marks the connection
	 * dead, and it is closed and re-established
	 * @param sendTimeLimit how long one frame may take to send before the connection is closed as stuck
	 * @param sendBufferSizeLimit how much may queue behind a slow send before the connection is closed as stuck
	 * @param maxTextMessageSize the largest frame accepted from Neuro (binary frames, which are ignored, included); a
	 * larger one closes the connection with 1009, and the game reconnects
	 * @param sslBundle the name of an SSL bundle (spring.ssl.bundle.*) to trust a wss:// server with; by default the
	 * JVM's trust store is used
	 */
	public record Websocket(@DefaultValue("10s") Duration connectTimeout, @DefaultValue("15s") Duration pingInterval,
			@DefaultValue("10s") Duration sendTimeLimit, @DefaultValue("512KB") DataSize sendBufferSizeLimit,
			@DefaultValue("64KB") DataSize maxTextMessageSize, @Nullable String sslBundle) {
	}

}
