package io.github.neurospringboot.test;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.github.neurospringboot.test.diagnostics.DiagnosticsEngine;
import jakarta.servlet.http.HttpServlet;
import org.jspecify.annotations.Nullable;

/**
 * The embedded Neuro's server side: a {@link TomcatServer} behind a {@link TcpRelay}, the connections it accepted,
 * the faults it can inject into them (cut, frozen, delayed, unread, refused connections), and, if asked to, plain
 * HTTP on the same port.
 */
final class NeuroServer implements AutoCloseable {

	private final GameConnections connections;

	private final InetAddress address;

	private final TomcatServer tomcat;

	private final TcpRelay relay;

	/**
	 * Start serving.
	 * @param address the address to listen on
	 * @param port the port to listen on, 0 for a free one
	 * @param secure whether to speak TLS
	 * @param http what answers plain HTTP requests on the same port, or {@code null} for none
	 * @param recorder where what the games send goes
	 * @param diagnostics where what crosses each connection goes, both ways
	 * @param recordSessions whether each connection records its session
	 * @param listener who hears the connections open and close, and what is sent on them
	 */
	NeuroServer(InetAddress address, int port, boolean secure, @Nullable HttpServlet http, FrameRecorder recorder,
			DiagnosticsEngine diagnostics, boolean recordSessions, EmbeddedNeuroListener listener) {
		this.address = address;
		this.connections = new GameConnections(diagnostics, recordSessions, listener);
		this.tomcat = new TomcatServer(secure, () -> new NeuroEndpoint(this.connections, recorder), http);
		this.relay = new TcpRelay(address, port, this.tomcat.port(), http != null);
	}

	GameConnections connections() {
		return this.connections;
	}

	URI url() {
		return URI.create(((this.tomcat.certificate() != null) ? "wss" : "ws") + "://" + host() + ":" + port() + "/");
	}

	/** Where a game on this machine reaches the server: loopback, unless it listens on one address only. */
	private String host() {
		if (this.address.isAnyLocalAddress() || this.address.isLoopbackAddress()) {
			return "127.0.0.1";
		}
		String host = this.address.getHostAddress();
		return host.contains(":") ? "[" + host + "]" : host;
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
	 * Delay what every game's connection carries, each way, from now on.
	 * @param latency the delay, zero for none
	 */
	void injectLatency(Duration latency) {
		this.relay.latency(latency);
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
