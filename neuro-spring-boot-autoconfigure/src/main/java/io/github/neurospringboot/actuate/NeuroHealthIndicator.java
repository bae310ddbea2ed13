package io.github.neurospringboot.actuate;

import java.net.URI;

import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.connection.DisplayedUrl;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.connection.NeuroUnreachableException;
import io.github.neurospringboot.event.NeuroConnectedEvent;
import io.github.neurospringboot.event.NeuroConnectionFailedEvent;
import io.github.neurospringboot.event.NeuroDisconnectedEvent;
import io.github.neurospringboot.event.NeuroEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.core.NestedExceptionUtils;

/**
 * The health of the connection to Neuro, as the {@code neuro} health component.
 *
 * <ul>
 * <li>{@code UP} while connected with the actions registered; details: {@code url}, {@code game},
 * {@code registeredActions}, and {@code characterId} and {@code displayName} once Neuro acknowledged {@code startup}
 * (the acknowledgement is optional);</li>
 * <li>{@code DOWN} while the connection is trying to connect or reconnect; {@code reason} says why it is not
 * connected (the latest failed attempt or lost connection);</li>
 * <li>{@code OUT_OF_SERVICE} while the connection is stopped on purpose ({@code neuro.auto-startup=false}, or the
 * application is stopping).</li>
 * </ul>
 *
 * The URL is shown without user-info and query, and the reason with them masked, since either may hold credentials.
 */
public final class NeuroHealthIndicator implements HealthIndicator, ApplicationListener<NeuroEvent> {

	private final NeuroConnection connection;

	private final NeuroClient client;

	/** Why the latest connection or attempt ended; {@code null} before the first one ends and after a connect. */
	private volatile @Nullable String problem;

	/**
	 * Create a health indicator.
	 * @param connection the connection to Neuro
	 * @param client the client, for the game, the session and the registered actions
	 */
	public NeuroHealthIndicator(NeuroConnection connection, NeuroClient client) {
		this.connection = connection;
		this.client = client;
	}

	@Override
	public Health health() {
		URI url = this.connection.getUrl();
		Health.Builder health = new Health.Builder().withDetail("url", DisplayedUrl.of(url))
			.withDetail("game", this.client.game());
		// Read live rather than from events, which arrive a moment after the change.
		if (this.connection.isConnected()) {
			health.up();
			this.client.session().ifPresent((session) -> health.withDetail("characterId", session.characterId())
				.withDetail("displayName", session.displayName()));
			return health.withDetail("registeredActions", this.client.registeredActions().size()).build();
		}
		if (!this.connection.isRunning()) {
			return health.outOfService()
				.withDetail("reason", "The connection to Neuro is stopped: it was not started "
						+ "(neuro.auto-startup=false) or the application is stopping.")
				.build();
		}
		String reason = this.problem;
		return health.down()
			.withDetail("reason", DisplayedUrl.scrub((reason != null) ? reason : "Connecting to Neuro.", url))
			.build();
	}

	@Override
	public void onApplicationEvent(NeuroEvent event) {
		if (event instanceof NeuroConnectedEvent) {
			this.problem = null;
		}
		else if (event instanceof NeuroDisconnectedEvent disconnected) {
			this.problem = "Disconnected from Neuro (close " + closeDescription(disconnected) + ")"
					+ (disconnected.willReconnect() ? "; reconnecting." : "; not reconnecting.");
		}
		else if (event instanceof NeuroConnectionFailedEvent failed) {
			String description = (failed.getCause() instanceof NeuroUnreachableException unreachable)
					? unreachable.getReason() : NestedExceptionUtils.getMostSpecificCause(failed.getCause()).toString();
			this.problem = "Cannot reach Neuro (" + description + "): " + failed.getAttempt() + " failed attempt(s)"
					+ failed.getNextAttemptIn()
						.map((delay) -> ", next in " + delay.toMillis() + " ms.")
						.orElse(", giving up.");
		}
	}

	/**
	 * The close code and the reason: {@code code 1011, Server error}. The connection's reasons already start with
	 * the code, which must not be said twice.
	 */
	private static String closeDescription(NeuroDisconnectedEvent disconnected) {
		String code = "code " + disconnected.getCloseCode();
		String reason = disconnected.getReason();
		if (reason.equals(code) || reason.startsWith(code + ", ")) {
			return reason;
		}
		return reason.isEmpty() ? code : code + ", " + reason;
	}

}
