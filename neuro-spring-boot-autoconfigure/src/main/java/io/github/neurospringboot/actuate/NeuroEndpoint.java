package io.github.neurospringboot.actuate;

import java.util.List;

import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.connection.DisplayedUrl;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.protocol.NeuroSession;
import io.github.neurospringboot.window.ActionWindows;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code neuro} Actuator endpoint: what Neuro sees of the game right now. The registered actions with their
 * schemas, the open action windows, and the session.
 */
@Endpoint(id = "neuro")
public final class NeuroEndpoint {

	private final NeuroClient client;

	private final NeuroConnection connection;

	private final ActionWindows windows;

	/**
	 * Create the endpoint.
	 * @param client the client, for the game, the session and the registered actions
	 * @param connection the connection, for its URL and state
	 * @param windows the action windows
	 */
	public NeuroEndpoint(NeuroClient client, NeuroConnection connection, ActionWindows windows) {
		this.client = client;
		this.connection = connection;
		this.windows = windows;
	}

	/**
	 * Describe the game as Neuro sees it.
	 * @return the description
	 */
	@ReadOperation
	public NeuroDescriptor neuro() {
		List<WindowDescriptor> open = this.windows.openWindows()
			.stream()
			.map((window) -> new WindowDescriptor(window.actionNames()))
			.toList();
		return new NeuroDescriptor(this.client.game(), DisplayedUrl.of(this.connection.getUrl()),
				this.connection.isConnected(), this.client.session().map(SessionDescriptor::new).orElse(null),
				this.client.registeredActions(), open);
	}

	/**
	 * What Neuro sees of the game.
	 *
	 * @param game the game's name
	 * @param url the Neuro URL, without user-info and query
	 * @param connected whether the game is connected and its actions registered
	 * @param session who is playing, or {@code null} until Neuro acknowledges {@code startup} (which is optional)
	 * @param actions the registered actions, in registration order, each as sent in {@code actions/register}
	 * (name, description, and schema unless it has no parameters); registrations outlive connections
	 * @param windows the open action windows, oldest first
	 */
	public record NeuroDescriptor(String game, String url, boolean connected, @Nullable SessionDescriptor session,
			List<ActionDefinition> actions, List<WindowDescriptor> windows) implements OperationResponseBody {

	}

	/**
	 * Who is playing, as Neuro said when she acknowledged {@code startup}.
	 *
	 * @param sessionId the session id, or {@code null} if she sent none
	 * @param characterId {@code neuro} or {@code evil}
	 * @param displayName the character's display name
	 */
	public record SessionDescriptor(@Nullable String sessionId, String characterId, String displayName) {

		SessionDescriptor(NeuroSession session) {
			this(session.sessionId(), session.characterId(), session.displayName());
		}

	}

	/**
	 * An open action window.
	 *
	 * @param actions the names of its actions
	 */
	public record WindowDescriptor(List<String> actions) {

	}

}
