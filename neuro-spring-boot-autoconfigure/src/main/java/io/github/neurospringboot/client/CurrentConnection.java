package io.github.neurospringboot.client;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.github.neurospringboot.protocol.NeuroSession;
import io.github.neurospringboot.protocol.OutgoingMessage;
import org.jspecify.annotations.Nullable;

/**
 * The connection Neuro is on now: the single place that says which {@link ConnectionState} is current, for those who
 * send outside any call (context, {@code shutdown/ready}). It becomes current once its actions are registered, so
 * whatever is sent on it follows the registration.
 */
public final class CurrentConnection {

	private final AtomicReference<@Nullable ConnectionState> state = new AtomicReference<>();

	/**
	 * Send a message on the current connection.
	 * @param message the message
	 * @return {@code true} if sent, {@code false} while disconnected (it is dropped)
	 */
	public boolean send(OutgoingMessage message) {
		ConnectionState current = this.state.get();
		return current != null && current.link().send(message);
	}

	/**
	 * The session Neuro described in her acknowledgement of the current connection's {@code startup}.
	 * @return the session, or empty while disconnected or when no acknowledgement came (it is optional)
	 */
	public Optional<NeuroSession> session() {
		ConnectionState current = this.state.get();
		return (current != null) ? current.session() : Optional.empty();
	}

	void opened(ConnectionState opened) {
		this.state.set(opened);
	}

	void closed(ConnectionState closed) {
		this.state.compareAndSet(closed, null);
	}

}
