package io.github.neurospringboot.connection;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.neurospringboot.protocol.NeuroMessageCodec;
import io.github.neurospringboot.protocol.OutgoingMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * One open websocket connection to Neuro. Everything that belongs to a connection (an action's result, above all)
 * is sent through the link it arrived on, so that nothing leaks into the next connection after a reconnect.
 *
 * <p>Sending is thread-safe and ordered: frames leave in the order {@link #send} was called, as text frames, through
 * a {@link ConcurrentWebSocketSessionDecorator} that closes the session when a send stalls or the buffer overflows.
 */
public final class NeuroLink {

	private static final Log logger = LogFactory.getLog(NeuroLink.class);

	private final WebSocketSession session;

	private final ConcurrentWebSocketSessionDecorator writer;

	private final NeuroMessageCodec codec;

	private final URI url;

	private final AtomicBoolean closed = new AtomicBoolean();

	NeuroLink(WebSocketSession session, NeuroMessageCodec codec, URI url, WebSocketSettings settings) {
		this.session = session;
		this.writer = new ConcurrentWebSocketSessionDecorator(session, (int) settings.sendTimeLimit().toMillis(),
				(int) settings.sendBufferSizeLimit().toBytes());
		this.codec = codec;
		this.url = url;
	}

	/**
	 * Send a message to Neuro on this connection.
	 * @param message the message
	 * @return {@code true} if the frame was handed to the socket, {@code false} if this link is already closed or
	 * the socket refused it (the link then closes and the connection reconnects)
	 */
	public boolean send(OutgoingMessage message) {
		return sendRaw(new TextMessage(this.codec.encode(message)));
	}

	boolean sendRaw(org.springframework.web.socket.WebSocketMessage<?> frame) {
		if (!isOpen()) {
			return false;
		}
		try {
			this.writer.sendMessage(frame);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not send to Neuro on " + this.session.getId() + ": " + ex.getMessage());
			return false;
		}
	}

	/**
	 * Whether this link can still send.
	 * @return {@code true} until the socket closes or the link is replaced
	 */
	public boolean isOpen() {
		return !this.closed.get() && this.session.isOpen();
	}

	/**
	 * The URL this link is connected to.
	 * @return the URL
	 */
	public URI url() {
		return this.url;
	}

	/**
	 * The websocket session id, useful to correlate log lines.
	 * @return the id
	 */
	public String id() {
		return this.session.getId();
	}

	/**
	 * Whether every frame handed to {@link #send} has been written to the socket.
	 */
	boolean isFlushed() {
		return this.writer.getBufferSize() == 0 && this.writer.getTimeSinceSendStarted() == 0;
	}

	/**
	 * Mark the link closed so that nothing more is sent on it.
	 * @return {@code true} if this call closed it, {@code false} if it was closed already
	 */
	boolean markClosed() {
		return this.closed.compareAndSet(false, true);
	}

	WebSocketSession session() {
		return this.writer;
	}

	@Override
	public String toString() {
		return "NeuroLink[" + this.session.getId() + " to " + DisplayedUrl.of(this.url) + "]";
	}

}
