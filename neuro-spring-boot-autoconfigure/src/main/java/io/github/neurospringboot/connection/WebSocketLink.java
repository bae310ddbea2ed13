package io.github.neurospringboot.connection;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.channels.WritePendingException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

import io.github.neurospringboot.protocol.NeuroMessageCodec;
import io.github.neurospringboot.protocol.OutgoingMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * A {@link NeuroLink} over an open websocket session.
 *
 * <p>Sending is thread-safe and ordered: frames leave in the order {@link #send} was called, as text frames, through
 * a {@link FrameWriter}, which writes the frames sent while another is being written together with it. The answers
 * the reading thread sends during a burst (a frame that arrived right after the previous one was handled, as when
 * Neuro sent several at once) are left to the writer's own thread, so that reading goes on and they leave together;
 * an answer to a frame that came alone is written at once. Sending applies back-pressure instead of dropping: while
 * the frames waiting to be written exceed the send buffer size limit, a sender waits for room. A link where nothing
 * can be sent for the send time limit (Neuro stopped reading) is given up: it is closed and its connection
 * reconnects; no frame is reported sent on it from then on.
 */
final class WebSocketLink implements NeuroLink {

	/** How often a sender waiting for room looks again: the writer says nothing when it drains. */
	private static final long ROOM_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

	/**
	 * A frame that arrives within this time of the end of the previous one's handling was already waiting: the game
	 * is reading a burst (Neuro sent several at once), and its answers are better gathered. A lone frame arrives a
	 * network round trip after its predecessor's answer.
	 */
	private static final long BURST_GAP_NANOS = TimeUnit.MICROSECONDS.toNanos(10);

	/** How long the writer's own thread stays when it has nothing to write. */
	private static final long WRITER_KEEP_ALIVE_SECONDS = 10;

	private final WebSocketSession session;

	private final FrameWriter writer;

	private final ThreadPoolExecutor writerThread = writerThread();

	/** The thread handing a frame of this link to its listener right now, if any. */
	private volatile @Nullable Thread reading;

	/** When the reading thread finished with the previous frame. Only the thread reading uses it (one at a time). */
	private long previousReadEnded;

	/** Whether the frame being read came right after the previous one. Only the thread reading uses it. */
	private boolean inBurst;

	private final NeuroMessageCodec codec;

	private final URI url;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final WebSocketSettings settings;

	private final BiConsumer<WebSocketLink, CloseStatus> onGiveUp;

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
		this.writer = new FrameWriter(session, this.writerThread, (failure) -> giveUp(failure(failure)));
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
			if (this.reading == Thread.currentThread() && this.inBurst) {
				this.writer.writeSoon(frame);
			}
			else {
				this.writer.write(frame);
			}
		}
		catch (IOException | RuntimeException ex) {
			boolean tookTheLimit = System.nanoTime() - started >= this.settings.sendTimeLimit().toNanos();
			giveUp(tookTheLimit ? stalled() : failure(ex));
			return false;
		}
		if (this.writer.writingForNanos() >= this.settings.sendTimeLimit().toNanos()) {
			// Left to a write that has been stuck for the limit: Neuro stopped reading.
			giveUp(stalled());
		}
		return isOpen();
	}

	/**
	 * The calling thread is about to hand a frame of this link to its listener.
	 */
	void readStarted() {
		long now = System.nanoTime();
		this.inBurst = this.previousReadEnded != 0 && now - this.previousReadEnded < BURST_GAP_NANOS;
		this.reading = Thread.currentThread();
	}

	/**
	 * The reading thread is done with the frame.
	 */
	void readEnded() {
		this.reading = null;
		this.previousReadEnded = System.nanoTime();
	}

	/** One thread per link, there only while it has frames to write: a stalled link holds up no other. */
	private static ThreadPoolExecutor writerThread() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("neuro-writer-");
		threads.setDaemon(true);
		ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, WRITER_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), threads);
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

	/**
	 * Wait while the frames waiting to be written exceed the buffer limit.
	 * @return {@code true} once there is room, {@code false} if the link is closed or nothing drained in time
	 */
	private boolean awaitRoom() {
		long limit = this.settings.sendBufferSizeLimit().toBytes();
		long deadline = 0;
		while (isOpen()) {
			if (this.writer.waitingBytes() < limit) {
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
		return this.writer.isFlushed();
	}

	/**
	 * Mark the link closed so that nothing more is sent on it.
	 * @return {@code true} if this call closed it, {@code false} if it was closed already
	 */
	boolean markClosed() {
		if (!this.closed.compareAndSet(false, true)) {
			return false;
		}
		// What it was given still leaves; it takes nothing more.
		this.writerThread.shutdown();
		return true;
	}

	WebSocketSession session() {
		return this.session;
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
