package io.github.neurospringboot.test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import java.time.Instant;

import io.github.neurospringboot.test.diagnostics.DiagnosticsEngine;
import io.github.neurospringboot.test.replay.SessionRecorder;
import jakarta.websocket.Session;
import org.jspecify.annotations.Nullable;

/**
 * Every connection the embedded Neuro accepted, and which of them is the game under test's: the newest that is open
 * and not frozen, proven so by a ping round trip (see {@link EmbeddedNeuro#connection()}).
 */
final class GameConnections {

	/** How long a connection has to prove it is still open before it is taken as busy. */
	private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(5);

	private final DiagnosticsEngine diagnostics;

	private final boolean recordSessions;

	private final List<GameConnection> connections = new CopyOnWriteArrayList<>();

	private final List<Integer> closeCodes = new CopyOnWriteArrayList<>();

	/** Action ids, session ids and ping tokens, unique across connections. */
	private final AtomicLong ids = new AtomicLong();

	private final EmbeddedNeuroListener listener;

	private volatile @Nullable GameConnection provenCurrent;

	/**
	 * Keep the connections, and feed each to the diagnostics.
	 * @param diagnostics where what crosses each connection goes
	 * @param recordSessions whether each connection records its session, for {@link GameConnection#exportSession()}
	 * @param listener who hears each connection open and close, and what crosses it
	 */
	GameConnections(DiagnosticsEngine diagnostics, boolean recordSessions, EmbeddedNeuroListener listener) {
		this.diagnostics = diagnostics;
		this.recordSessions = recordSessions;
		this.listener = listener;
	}

	/**
	 * A websocket connection opened.
	 * @param session its session
	 * @return the connection, numbered from 1 in the order they opened
	 */
	GameConnection opened(Session session) {
		GameConnection connection;
		synchronized (this.connections) {
			int number = this.connections.size() + 1;
			connection = new GameConnection(number, session, this.ids,
					this.diagnostics.connectionOpened(Integer.toString(number), Instant.now()),
					this.recordSessions ? new SessionRecorder() : null, this.listener);
			this.connections.add(connection);
		}
		this.listener.connected(connection);
		return connection;
	}

	/**
	 * A websocket connection closed.
	 * @param connection the connection, or {@code null} if it closed before it was known
	 * @param code its close code
	 */
	void closed(@Nullable GameConnection connection, int code) {
		this.closeCodes.add(code);
		if (connection != null) {
			connection.closed(code);
			this.listener.closed(connection, code);
		}
	}

	List<GameConnection> all() {
		return List.copyOf(this.connections);
	}

	int count() {
		return this.connections.size();
	}

	int openCount() {
		return (int) this.connections.stream().filter(GameConnection::isOpen).count();
	}

	List<Integer> closeCodes() {
		return List.copyOf(this.closeCodes);
	}

	/**
	 * The connection of the game under test: the one last proven current, while it is open and the newest; else one
	 * proven now.
	 * @return the connection, empty if no game is connected
	 */
	Optional<GameConnection> current() {
		GameConnection proven = this.provenCurrent;
		if (proven != null && proven.isOpen() && !proven.isFrozen() && proven.number() == this.connections.size()) {
			return Optional.of(proven);
		}
		return synced();
	}

	/**
	 * The connection of the game under test, proven now: the newest whose game answers a ping.
	 * @return the connection, empty if no game is connected
	 */
	Optional<GameConnection> synced() {
		for (int i = this.connections.size() - 1; i >= 0; i--) {
			GameConnection candidate = this.connections.get(i);
			if (candidate.sync(SYNC_TIMEOUT)) {
				this.provenCurrent = candidate;
				return Optional.of(candidate);
			}
		}
		this.provenCurrent = null;
		return Optional.empty();
	}

	/**
	 * The connection of the game under test or, when none is open, the newest one.
	 * @return the connection
	 * @throws AssertionError if no game has connected
	 */
	GameConnection syncedOrNewest() {
		return synced().orElseGet(() -> {
			if (this.connections.isEmpty()) {
				throw new AssertionError("No game has connected to the embedded Neuro");
			}
			return this.connections.get(this.connections.size() - 1);
		});
	}

	/**
	 * Wait until what the games have sent so far has been read, diagnosed and recorded: every open connection
	 * answers a ping or closes (a closed or frozen one at once, a busy one within the sync timeout).
	 */
	void settle() {
		for (GameConnection connection : all()) {
			connection.sync(SYNC_TIMEOUT);
		}
	}

	/** A new test begins: the game under test must prove its connection again. */
	void forgetCurrent() {
		this.provenCurrent = null;
	}

	/**
	 * Freeze or thaw every connection accepted so far.
	 * @param frozen {@code true} to freeze
	 */
	void freezeAll(boolean frozen) {
		this.connections.forEach((connection) -> connection.freeze(frozen));
	}

}
