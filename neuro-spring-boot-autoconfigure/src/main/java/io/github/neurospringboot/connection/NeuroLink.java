package io.github.neurospringboot.connection;

import java.net.URI;

import io.github.neurospringboot.protocol.OutgoingMessage;

/**
 * One open connection to Neuro. Everything that belongs to a connection (an action's result, above all) is sent
 * through the link it arrived on, so that nothing leaks into the next connection after a reconnect. Sending is
 * thread-safe and ordered: messages leave in the order {@link #send} was called.
 */
public interface NeuroLink {

	/**
	 * Send a message to Neuro on this connection, after every message sent on it before.
	 * @param message the message
	 * @return {@code true} if the link took it, {@code false} if the link is closed (the message is dropped)
	 */
	boolean send(OutgoingMessage message);

	/**
	 * Whether this link can still send.
	 * @return {@code true} until the connection closes or the link is replaced
	 */
	boolean isOpen();

	/**
	 * The URL this link is connected to.
	 * @return the URL
	 */
	URI url();

	/**
	 * An id of the connection, useful to correlate log lines.
	 * @return the id
	 */
	String id();

}
