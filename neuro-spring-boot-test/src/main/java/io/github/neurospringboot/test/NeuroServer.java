package io.github.neurospringboot.test;

import java.net.URI;
import java.util.List;

import io.github.neurospringboot.test.diagnostics.DiagnosticsEngine;

/**
 * The embedded Neuro's server side: a {@link TomcatServer} behind a {@link TcpRelay}, the connections it accepted,
 * and the faults it can inject into them (cut, frozen, unread, refused connections).
 */
final class NeuroServer implements AutoCloseable {

	private final GameConnections connections;

	private final TomcatServer tomcat;

	private final TcpRelay relay;

	/**
	 * Start serving.
	 * @param port the port to listen on, 0 for a free one
	 * @param secure whether to speak TLS
	 * @param recorder where what the games send goes
	 * @param diagnostics where what crosses each connection goes, both ways
	 * @param recordSessions whether each connection records its session
	 */
	NeuroServer(int port, boolean secure, FrameRecorder recorder, DiagnosticsEngine diagnostics,
			boolean recordSessions) {
		this.connections = new GameConnections(diagnostics, recordSessions);
		this.tomcat = new TomcatServer(secure, () -> new NeuroEndpoint(this.connections, recorder));
		this.relay = new TcpRelay(port, this.tomcat.port());
	}

	GameConnections connections() {
		return this.connections;
	}

	URI url() {
		return URI.create(((this.tomcat.certificate() != null) ? "wss" : "ws") + "://127.0.0.1:" + port() + "/");
	}

	int port() {
		return this.relay.port();
	}

	/**
	 * The trust store that holds the certificate of a secure server.
	 * @return the trust store
	 * @throws IllegalStateException if the server does not use TLS
	 */
	TrustStore trustStore() {
		SelfSignedCertificate certificate = this.tomcat.certificate();
		if (certificate == null) {
			throw new IllegalStateException("This embedded Neuro does not use TLS: see Builder.secure");
		}
		return certificate.trustStore();
	}

	/**
	 * When games tried to connect, refused attempts included.
	 * @return one {@link System#nanoTime()} per TCP connection, oldest first
	 */
	List<Long> connectionAttemptNanos() {
		return this.relay.acceptedNanos();
	}

	/** Cut every connection at once, without a close frame. */
	void dropConnections() {
		this.relay.cutAll();
	}

	/** Freeze every open connection: it stays open, and whatever either side sends on it is lost. */
	void freezeConnections() {
		this.connections.freezeAll(true);
		this.relay.freezeAll(true);
	}

	/** Let frozen connections carry again; what was sent while frozen stays lost. */
	void thawConnections() {
		this.relay.freezeAll(false);
		this.connections.freezeAll(false);
	}

	/**
	 * Stop reading, or read again, what the games send on every open connection.
	 * @param stopped {@code true} to stop
	 */
	void stopReading(boolean stopped) {
		this.relay.stallUpstream(stopped);
	}

	/**
	 * Refuse new connections (and cut the open ones), or accept them again.
	 * @param refuse {@code true} to refuse
	 */
	void refuseConnections(boolean refuse) {
		this.relay.refuse(refuse);
		if (refuse) {
			this.relay.cutAll();
		}
	}

	@Override
	public void close() {
		this.relay.close();
		this.tomcat.close();
	}

}
