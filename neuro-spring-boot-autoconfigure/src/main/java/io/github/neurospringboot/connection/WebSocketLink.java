package io.github.neurospringboot.connection;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.channels.WritePendingException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

import io.github.neurospringboot.protocol.NeuroMessageCodec;
import io.github.neurospringboot.protocol.OutgoingMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/**
 * A {@link NeuroLink} over an open websocket session.
 *
 * <p>Sending is thread-safe and ordered: frames leave in the order {@link #send} was called, as text frames, through
 * a {@link ConcurrentWebSocketSessionDecorator}. Sending applies back-pressure instead of dropping: while the frames
 * waiting behind a slow send exceed the send buffer size limit, a sender waits for room. A link where nothing can be
 * sent for the send time limit (Neuro stopped reading) is given up: it is closed and its connection reconnects; no
 * frame is reported sent on it from then on.
 */
final class WebSocketLink implements NeuroLink {

	/** How often a sender waiting for room looks again: the writer says nothing when it drains. */
	private static final long ROOM_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

	private final WebSocketSession session;

	private final ConcurrentWebSocketSessionDecorator writer;

	private final NeuroMessageCodec codec;

	private final URI url;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final WebSocketSettings settings;

	private final BiConsumer<WebSocketLink, CloseStatus> onGiveUp;

	/** Set by the writer when it takes a frame into its buffer: a frame it refused silently is not reported sent. */
	private static final ThreadLocal<@Nullable WebSocketMessage<?>> taken = new ThreadLocal<>();

	/** Held while greeting Neuro, saying goodbye and announcing the end, so that those never interleave. */
	private final Object lifecycle = new Object();

	/** What receives the rest of the link's life, once {@code startup} was sent; set under {@link #lifecycle}. */
	private volatile NeuroLinkHandler.@Nullable LinkListener listener;

	/**
	 * Create a link.
	 * @param session the open websocket session
	 * @param codec encodes the frames
	 * @param url where it is connected
	 * @param settings the send limits
	 * @param onGiveUp told, once, when the link is given up because sending failed or stalled, with the reason
	 */
	WebSocketLink(WebSocketSession session, NeuroMessageCodec codec, URI url, WebSocketSettings settings,
			BiConsumer<WebSocketLink, CloseStatus> onGiveUp) {
		this.session = session;
		// Senders wait for room below the configured limit; the writer's own limit, twice that, only catches the
		// overshoot of senders that found room at the same moment.
		this.writer = new ConcurrentWebSocketSessionDecorator(session, (int) settings.sendTimeLimit().toMillis(),
				(int) Math.min(Integer.MAX_VALUE, 2 * settings.sendBufferSizeLimit().toBytes()));
		this.writer.setMessageCallback(taken::set);
		this.codec = codec;
		this.url = url;
		this.settings = settings;
		this.onGiveUp = onGiveUp;
	}

	/**
	 * {@inheritDoc}
	 * <p>While the send buffer is full, waits for room (at most the send time limit). A link given up while sending
	 * closes, and its connection reconnects.
	 */
	@Override
	public boolean send(OutgoingMessage message) {
		return sendRaw(new TextMessage(this.codec.encode(message)));
	}

	boolean sendRaw(WebSocketMessage<?> frame) {
		if (!awaitRoom()) {
			return false;
		}
		long started = System.nanoTime();
		try {
			this.writer.sendMessage(frame);
			return taken.get() == frame && isOpen();
		}
		catch (SessionLimitExceededException ex) {
			giveUp(stalled());
			return false;
		}
		catch (IOException | RuntimeException ex) {
			boolean tookTheLimit = System.nanoTime() - started >= this.settings.sendTimeLimit().toNanos();
			giveUp(tookTheLimit ? stalled() : failure(ex));
			return false;
		}
		finally {
			taken.remove();
		}
	}

	/**
	 * Wait while the frames waiting to be written exceed the buffer limit.
	 * @return {@code true} once there is room, {@code false} if the link is closed or nothing drained in time
	 */
	private boolean awaitRoom() {
		long limit = this.settings.sendBufferSizeLimit().toBytes();
		long deadline = 0;
		while (isOpen()) {
			if (this.writer.getBufferSize() < limit) {
				return true;
			}
			long now = System.nanoTime();
			if (deadline == 0) {
				deadline = now + this.settings.sendTimeLimit().toNanos();
			}
			else if (now - deadline > 0) {
				giveUp(stalled());
				return false;
			}
			LockSupport.parkNanos(ROOM_POLL_NANOS);
		}
		return false;
	}

	/** Once: nothing more is reported sent on this link, and its connection learns why it is over. */
	private void giveUp(CloseStatus reason) {
		if (markClosed()) {
			this.onGiveUp.accept(this, reason);
		}
	}

	/**
	 * Why the link failed, for the connection's log and events.
	 * @param failure what sending or the transport reported
	 * @return the status to close with
	 */
	CloseStatus failure(Throwable failure) {
		return isStall(failure) ? stalled() : CloseStatus.SERVER_ERROR.withReason(describe(failure));
	}

	/** The failure and, when it wraps one, its root cause: "the handshake failed" alone tells nobody why. */
	static String describe(Throwable failure) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		return summary(failure) + ((root != failure) ? ", caused by " + summary(root) : "");
	}

	/** The root cause's message, or its type when it has none: "Connection refused". */
	static String reason(Throwable failure) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

	private static String summary(Throwable failure) {
		String message = failure.getMessage();
		return failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	private CloseStatus stalled() {
		return CloseStatus.SESSION_NOT_RELIABLE.withReason("Neuro took nothing the game sent for "
				+ this.settings.sendTimeLimit().toMillis() + " ms, the limit set by neuro.websocket.send-time-limit");
	}

	/** A write that timed out, or found an earlier one still pending: Neuro is not taking what is sent. */
	private static boolean isStall(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException
					|| cause instanceof WritePendingException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public boolean isOpen() {
		return !this.closed.get() && this.session.isOpen();
	}

	@Override
	public URI url() {
		return this.url;
	}

	@Override
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

	Object lifecycle() {
		return this.lifecycle;
	}

	/**
	 * Must hold {@link #lifecycle()}. The link was greeted: from now on its life goes to the listener.
	 * @param greetedBy what receives it
	 */
	void greeted(NeuroLinkHandler.LinkListener greetedBy) {
		this.listener = greetedBy;
	}

	/**
	 * What receives the link's life.
	 * @return the listener, or {@code null} before the greeting was complete
	 */
	NeuroLinkHandler.@Nullable LinkListener listener() {
		return this.listener;
	}

	@Override
	public String toString() {
		return "NeuroLink[" + this.session.getId() + " to " + DisplayedUrl.of(this.url) + "]";
	}

}
