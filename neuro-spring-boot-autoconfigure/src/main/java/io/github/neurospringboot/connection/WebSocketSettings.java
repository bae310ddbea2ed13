package io.github.neurospringboot.connection;

import java.time.Duration;

import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * Transport settings of a {@link NeuroConnection}.
 *
 * @param connectTimeout how long one connection attempt (TCP, TLS and the websocket handshake) may take
 * @param pingInterval how often a websocket ping is sent; a ping still unanswered when the next one is due marks the
 * connection dead (a half-open socket), which is then closed and re-established
 * @param sendTimeLimit how long one frame may take to send before the connection is considered stuck and closed
 * @param sendBufferSizeLimit how many bytes may wait behind a slow send before the connection is closed
 * @param maxTextMessageSize the largest text frame accepted from Neuro
 */
public record WebSocketSettings(Duration connectTimeout, Duration pingInterval, Duration sendTimeLimit,
		DataSize sendBufferSizeLimit, DataSize maxTextMessageSize) {

	/**
	 * Create settings.
	 * @param connectTimeout how long one connection attempt may take
	 * @param pingInterval how often a websocket ping is sent
	 * @param sendTimeLimit how long one frame may take to send
	 * @param sendBufferSizeLimit how many bytes may wait behind a slow send
	 * @param maxTextMessageSize the largest text frame accepted from Neuro
	 * @throws IllegalArgumentException if a duration or size is not positive
	 */
	public WebSocketSettings {
		Assert.isTrue(isPositive(connectTimeout), "connectTimeout must be positive");
		Assert.isTrue(isPositive(pingInterval), "pingInterval must be positive");
		Assert.isTrue(isPositive(sendTimeLimit), "sendTimeLimit must be positive");
		Assert.isTrue(sendBufferSizeLimit.toBytes() > 0, "sendBufferSizeLimit must be positive");
		Assert.isTrue(maxTextMessageSize.toBytes() > 0, "maxTextMessageSize must be positive");
	}

	private static boolean isPositive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

}
