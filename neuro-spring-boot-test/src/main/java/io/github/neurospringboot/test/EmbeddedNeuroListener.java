package io.github.neurospringboot.test;

/**
 * Hears the traffic of an {@link EmbeddedNeuro}, connection by connection, for a tool that shows or checks it (such as
 * a console). Give one to {@link EmbeddedNeuro.Builder#listener}.
 *
 * <p>Methods are called on the server's threads, in the order things happen on each connection (connections apart
 * may interleave). They must return quickly and must not throw: an exception would reach the server's websocket
 * handling.
 */
public interface EmbeddedNeuroListener {

	/**
	 * A game connected.
	 * @param connection its connection, open
	 */
	default void connected(GameConnection connection) {
	}

	/**
	 * The game sent a JSON text frame. Called once the connection has taken it in (its registrations and results are
	 * up to date) and before the embedded Neuro answers it on its own (such as acknowledging {@code startup}).
	 * @param connection where it came
	 * @param frame the frame
	 */
	default void received(GameConnection connection, ReceivedFrame frame) {
	}

	/**
	 * The game sent a text frame that is not JSON.
	 * @param connection where it came
	 * @param text the frame
	 */
	default void receivedNotJson(GameConnection connection, String text) {
	}

	/**
	 * The game sent a binary frame, which the Neuro API does not allow.
	 * @param connection where it came
	 * @param length its size in bytes
	 */
	default void receivedBinary(GameConnection connection, int length) {
	}

	/**
	 * The embedded Neuro is about to send a text frame to the game.
	 * @param connection where it goes
	 * @param text the frame
	 */
	default void sending(GameConnection connection, String text) {
	}

	/**
	 * A connection closed.
	 * @param connection the connection
	 * @param code its close code (1006 when it was cut without a close frame)
	 */
	default void closed(GameConnection connection, int code) {
	}

}
