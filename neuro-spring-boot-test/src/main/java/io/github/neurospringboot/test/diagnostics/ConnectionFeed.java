package io.github.neurospringboot.test.diagnostics;

import java.time.Instant;

/**
 * Where what crosses one game connection is fed to its {@link DiagnosticsEngine}, in the order it crossed. Made by
 * {@link DiagnosticsEngine#connectionOpened}; after {@link #closed}, whatever is fed is ignored, as frames of a
 * closed connection are. Thread-safe.
 */
public final class ConnectionFeed {

	private final DiagnosticsEngine engine;

	private final Conversation conversation;

	ConnectionFeed(DiagnosticsEngine engine, Conversation conversation) {
		this.engine = engine;
		this.conversation = conversation;
	}

	/**
	 * How diagnostics name this connection.
	 * @return the name given to {@link DiagnosticsEngine#connectionOpened}
	 */
	public String connection() {
		return this.conversation.connection();
	}

	/**
	 * The game sent a text frame.
	 * @param text the frame
	 * @param at when it was received
	 */
	public void fromGame(String text, Instant at) {
		this.engine.feed(() -> this.conversation.fromGame(text, at));
	}

	/**
	 * The game sent a binary frame, which Neuro does not read.
	 * @param at when it was received
	 */
	public void binaryFromGame(Instant at) {
		this.engine.feed(() -> this.conversation.binaryFromGame(at));
	}

	/**
	 * Neuro sent a text frame to the game. Feed it before it goes out, so that the game's answer cannot come
	 * first.
	 * @param text the frame
	 * @param at when it was sent
	 */
	public void fromNeuro(String text, Instant at) {
		this.engine.feed(() -> this.conversation.fromNeuro(text, at));
	}

	/**
	 * The connection closed: what Neuro waited for on it is forgotten, as the real server forgets it.
	 */
	public void closed() {
		this.engine.feed(() -> {
			this.conversation.close();
			this.engine.closed(this.conversation);
		});
	}

}
