package io.github.neurospringboot.connection;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.neurospringboot.event.NeuroConnectedEvent;
import io.github.neurospringboot.event.NeuroConnectionFailedEvent;
import io.github.neurospringboot.event.NeuroDisconnectedEvent;
import io.github.neurospringboot.event.NeuroEventPublisher;
import io.github.neurospringboot.protocol.IncomingMessage;
import io.github.neurospringboot.protocol.MalformedMessageException;
import io.github.neurospringboot.protocol.NeuroMessageCodec;
import io.github.neurospringboot.protocol.Startup;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * The connection to Neuro, as a {@link SmartLifecycle}: {@link #start()} returns at once and connects in the
 * background, so the application starts whether or not Neuro is reachable.
 *
 * <p>On every new websocket it sends {@code startup} first, then lets the {@link NeuroLinkHandler} register actions,
 * and only then lets anyone else send. When a working connection is lost, the first attempt to reconnect goes out
 * at once; failed attempts are followed by the configured back-off (exactly one attempt is ever pending; the
 * back-off restarts after a successful connect, and the attempt made at once takes the place of the first interval,
 * so that an outage sees no more attempts than the back-off alone allows). A ping that is still unanswered
 * when the next is due marks a half-open socket, which is closed and replaced. On {@link #stop(Runnable)} the
 * handler gets a last chance to send, then the socket is closed with status 1001 (going away).
 *
 * <p>Logging follows state changes, not attempts: one line when Neuro cannot be reached, one when it is reached
 * again, one per lost connection.
 */
public final class NeuroConnection implements SmartLifecycle, DisposableBean {

	private static final Log logger = LogFactory.getLog(NeuroConnection.class);

	/** Close code for a socket that stopped answering pings (a private-use code, RFC 6455 section 7.4.2). */
	static final CloseStatus PING_TIMEOUT = new CloseStatus(4000, "Neuro did not answer a ping in time");

	private final URI url;

	/** The URL for logs: credentials in its user-info or query must not reach them. */
	private final String shownUrl;

	private final WebSocketClient client;

	private final NeuroMessageCodec codec;

	private final NeuroLinkHandler handler;

	private final @Nullable BackOff reconnectBackOff;

	private final WebSocketSettings settings;

	private final NeuroEventPublisher events;

	/** Two threads, so that closing a stuck socket never delays the reconnect or the pings. */
	private final ScheduledThreadPoolExecutor scheduler;

	private volatile boolean autoStartup = true;

	/** Garbage from Neuro is logged once a minute at most: a server sending nothing else must not flood the log. */
	private final ThrottledWarning unreadableFrames = new ThrottledWarning(logger, Duration.ofMinutes(1));

	private final Object lock = new Object();

	// Everything below is guarded by lock.

	private boolean running;

	/** Identifies the current attempt: callbacks of any earlier attempt are stale and ignored. */
	private long attempt;

	/**
	 * The link being closed because the application stops: its frames are still read, so that an action that
	 * crossed the goodbye is answered (as no longer available) rather than lost.
	 */
	private volatile @Nullable WebSocketLink closingOnPurpose;

	/** Volatile as well, so that every received frame can check cheaply that its link is still the current one. */
	private volatile @Nullable WebSocketLink link;

	private boolean linkReady;

	private boolean everConnected;

	private @Nullable ScheduledFuture<?> pendingAttempt;

	private @Nullable ScheduledFuture<?> pinger;

	private @Nullable BackOffExecution backOffExecution;

	private int failedAttempts;

	/**
	 * The first back-off interval, when the attempt it was for went out at once because a working connection was
	 * lost: added to the delay after that attempt if it fails, so that an outage sees no more attempts than the
	 * back-off alone allows.
	 */
	private Duration borrowedInterval = Duration.ZERO;

	private CompletableFuture<Void> connected = new CompletableFuture<>();

	private long pingSentNanos;

	/** When the latest frame was read, as {@link System#nanoTime()}. */
	private volatile long lastReadNanos;

	private volatile @Nullable Duration roundTripTime;

	/**
	 * Create a connection; nothing happens until {@link #start()}.
	 * @param url the Neuro websocket URL ({@code ws://} or {@code wss://})
	 * @param client the websocket client, destroyed with this connection if it is a {@link DisposableBean}
	 * @param codec turns messages into frames and back
	 * @param handler receives each link's life and messages
	 * @param reconnectBackOff the delays between connection attempts, or {@code null} to never reconnect
	 * @param settings transport settings
	 * @param events where connection events go
	 */
	public NeuroConnection(URI url, WebSocketClient client, NeuroMessageCodec codec, NeuroLinkHandler handler,
			@Nullable BackOff reconnectBackOff, WebSocketSettings settings, NeuroEventPublisher events) {
		this.url = url;
		this.shownUrl = DisplayedUrl.of(url);
		this.client = client;
		this.codec = codec;
		this.handler = handler;
		this.reconnectBackOff = reconnectBackOff;
		this.settings = settings;
		this.events = events;
		this.scheduler = new ScheduledThreadPoolExecutor(2, new CustomizableThreadFactory("neuro-connection-"));
		this.scheduler.setRemoveOnCancelPolicy(true);
	}

	/**
	 * The URL this connection connects to.
	 * @return the URL
	 */
	public URI getUrl() {
		return this.url;
	}

	/**
	 * The open, registered link, if any.
	 * @return the link, or {@code null} while disconnected or still registering
	 */
	@Nullable WebSocketLink currentLink() {
		synchronized (this.lock) {
			return this.linkReady ? this.link : null;
		}
	}

	/**
	 * Whether the game is connected and has registered its actions.
	 * @return {@code true} if connected
	 */
	public boolean isConnected() {
		WebSocketLink current = currentLink();
		return current != null && current.isOpen();
	}

	/**
	 * A future that completes when the game is connected (at once if it is now). Use it with a timeout:
	 * {@code whenConnected().get(5, SECONDS)}. Completing or cancelling the returned future has no effect on the
	 * connection.
	 * @return a future completed on connect
	 */
	public CompletableFuture<Void> whenConnected() {
		synchronized (this.lock) {
			return this.connected.copy();
		}
	}

	/**
	 * The round-trip time of the latest answered ping.
	 * @return the time, or empty before the first pong of the current connection
	 */
	public Optional<Duration> roundTripTime() {
		return Optional.ofNullable(this.roundTripTime);
	}

	/**
	 * Set whether to connect when the application context starts.
	 * @param autoStartup {@code false} to start the connection yourself
	 */
	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public void start() {
		synchronized (this.lock) {
			if (this.running) {
				return;
			}
			this.running = true;
			scheduleAttempt(Duration.ZERO);
		}
		logger.info("Connecting to Neuro at " + this.shownUrl + " as game '" + this.codec.game() + "'");
	}

	@Override
	public boolean isRunning() {
		synchronized (this.lock) {
			return this.running;
		}
	}

	@Override
	public void stop() {
		stop(() -> {
		});
	}

	@Override
	public void stop(Runnable callback) {
		WebSocketLink closing;
		synchronized (this.lock) {
			if (!this.running) {
				callback.run();
				return;
			}
			this.running = false;
			this.attempt++;
			cancel(this.pendingAttempt);
			this.pendingAttempt = null;
			// Detached but left open: the handler still sends its last frames on it before it is closed.
			closing = detachLink();
			this.closingOnPurpose = closing;
		}
		if (closing == null) {
			callback.run();
			return;
		}
		this.scheduler.execute(() -> {
			try {
				closeOnPurpose(closing);
			}
			finally {
				callback.run();
			}
		});
	}

	private void closeOnPurpose(WebSocketLink closing) {
		// Never in the middle of the handshake: the goodbye follows a complete greeting, or there is neither.
		synchronized (closing.lifecycle()) {
			NeuroLinkHandler.LinkListener listener = closing.listener();
			try {
				if (listener != null) {
					listener.onClosing();
					awaitFlushed(closing);
				}
			}
			finally {
				closing.markClosed();
				this.closingOnPurpose = null;
				closeQuietly(closing.session(), CloseStatus.GOING_AWAY);
				if (listener != null) {
					listener.onClose();
				}
			}
		}
		logger.info("Disconnected from Neuro: the application is stopping");
		this.events.publish(new NeuroDisconnectedEvent(this, CloseStatus.GOING_AWAY.getCode(),
				"The application is stopping", false));
	}

	/** Give the last frames the send time limit to leave before the socket is closed under them. */
	private void awaitFlushed(WebSocketLink closing) {
		long deadline = System.nanoTime() + this.settings.sendTimeLimit().toNanos();
		while (!closing.isFlushed() && closing.isOpen() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public void destroy() throws Exception {
		stop();
		this.scheduler.shutdown();
		try {
			if (!this.scheduler.awaitTermination(this.settings.sendTimeLimit().toMillis() + 1000,
					TimeUnit.MILLISECONDS)) {
				this.scheduler.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			this.scheduler.shutdownNow();
			Thread.currentThread().interrupt();
		}
		if (this.client instanceof DisposableBean disposable) {
			disposable.destroy();
		}
	}

	// --- connecting ---------------------------------------------------------------------------------------------

	/** Must hold the lock. Replaces any pending attempt, so that exactly one is ever scheduled. */
	private void scheduleAttempt(Duration delay) {
		cancel(this.pendingAttempt);
		long thisAttempt = ++this.attempt;
		this.pendingAttempt = this.scheduler.schedule(() -> connect(thisAttempt), delay.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private void connect(long thisAttempt) {
		synchronized (this.lock) {
			if (!this.running || thisAttempt != this.attempt) {
				return;
			}
			this.pendingAttempt = null;
		}
		try {
			this.client.execute(new LinkSocketHandler(thisAttempt), null, this.url)
				.orTimeout(this.settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
				.whenComplete((session, failure) -> {
					if (failure != null) {
						attemptFailed(thisAttempt, failure);
					}
				});
		}
		catch (RuntimeException ex) {
			attemptFailed(thisAttempt, ex);
		}
	}

	private void attemptFailed(long failedAttempt, Throwable failure) {
		Throwable cause = (failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null)
				? failure.getCause() : failure;
		int failures;
		Duration nextDelay;
		synchronized (this.lock) {
			if (!this.running || failedAttempt != this.attempt || this.link != null) {
				return;
			}
			failures = ++this.failedAttempts;
			nextDelay = nextReconnectDelay();
			if (nextDelay != null) {
				nextDelay = nextDelay.plus(this.borrowedInterval);
				this.borrowedInterval = Duration.ZERO;
				scheduleAttempt(nextDelay);
			}
		}
		NeuroUnreachableException unreachable = NeuroUnreachableException.of(cause, this.url);
		String description = unreachable.getMessage();
		if (nextDelay == null) {
			logger.error("Cannot reach Neuro at " + this.shownUrl + " (" + description + "); giving up after " + failures
					+ " attempt(s)");
		}
		else if (failures == 1) {
			logger.warn("Cannot reach Neuro at " + this.shownUrl + " (" + description
					+ "); retrying with back-off, next attempt in " + nextDelay.toMillis() + " ms");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Attempt " + failures + " to reach Neuro failed (" + description + "); next in "
					+ nextDelay.toMillis() + " ms");
		}
		this.events.publish(new NeuroConnectionFailedEvent(this, failures, nextDelay, unreachable));
	}

	/** Must hold the lock. */
	private @Nullable Duration nextReconnectDelay() {
		if (this.reconnectBackOff == null) {
			return null;
		}
		if (this.backOffExecution == null) {
			this.backOffExecution = this.reconnectBackOff.start();
		}
		long millis = this.backOffExecution.nextBackOff();
		return (millis == BackOffExecution.STOP) ? null : Duration.ofMillis(millis);
	}

	// --- a link's life --------------------------------------------------------------------------------------------

	/** Adopt the session of the current attempt as the link; close it if the attempt was abandoned meanwhile. */
	private @Nullable WebSocketLink attach(long thisAttempt, WebSocketSession session) {
		synchronized (this.lock) {
			if (!this.running || thisAttempt != this.attempt || this.link != null) {
				closeQuietly(session, CloseStatus.NORMAL);
				return null;
			}
			WebSocketLink attached = new WebSocketLink(session, this.codec, this.url, this.settings, this::givenUp);
			this.link = attached;
			this.linkReady = false;
			return attached;
		}
	}

	private void handshake(WebSocketLink opening) {
		synchronized (opening.lifecycle()) {
			if (!isCurrent(opening)) {
				// Stopped or replaced before the greeting began: say nothing on it at all.
				return;
			}
			// Nobody else can send on this link yet: startup is first, the handler's registration second.
			opening.send(new Startup());
			opening.greeted(this.handler.onOpen(opening));
		}
		int failuresBefore;
		boolean reconnect;
		synchronized (this.lock) {
			if (this.link != opening) {
				return;
			}
			this.linkReady = true;
			failuresBefore = this.failedAttempts;
			this.failedAttempts = 0;
			this.backOffExecution = null;
			this.roundTripTime = null;
			this.pingSentNanos = 0;
			reconnect = this.everConnected;
			this.everConnected = true;
			long interval = this.settings.pingInterval().toMillis();
			this.pinger = this.scheduler.scheduleAtFixedRate(() -> ping(opening), interval, interval,
					TimeUnit.MILLISECONDS);
			this.connected.complete(null);
		}
		logger.info("Connected to Neuro at " + this.shownUrl
				+ ((failuresBefore > 0) ? " after " + failuresBefore + " failed attempt(s)" : ""));
		this.events.publish(new NeuroConnectedEvent(this, this.url, reconnect));
	}

	private void lost(WebSocketLink lostLink, CloseStatus status) {
		Duration nextDelay;
		synchronized (this.lock) {
			if (this.link != lostLink) {
				return;
			}
			// A connection that worked is most likely back at once (a server restart, a network blip): try now.
			boolean wasWorking = this.linkReady;
			detachLink();
			lostLink.markClosed();
			Duration interval = this.running ? nextReconnectDelay() : null;
			nextDelay = (interval != null && wasWorking) ? Duration.ZERO : interval;
			this.borrowedInterval = (interval != null && wasWorking) ? interval : Duration.ZERO;
			if (nextDelay != null) {
				scheduleAttempt(nextDelay);
			}
		}
		// After the handshake, if one is under way: what the handler learns of a link keeps its order.
		synchronized (lostLink.lifecycle()) {
			NeuroLinkHandler.LinkListener listener = lostLink.listener();
			if (listener != null) {
				listener.onClose();
			}
		}
		String reason = describe(status);
		logger.warn("Disconnected from Neuro (" + reason + ")" + ((nextDelay == null) ? ""
				: nextDelay.isZero() ? "; reconnecting now" : "; reconnecting in " + nextDelay.toMillis() + " ms"));
		this.events.publish(new NeuroDisconnectedEvent(this, status.getCode(), reason, nextDelay != null));
	}

	/** Must hold the lock. Forgets the current link, so that its late callbacks are ignored; does not close it. */
	private @Nullable WebSocketLink detachLink() {
		WebSocketLink detached = this.link;
		this.link = null;
		this.linkReady = false;
		cancel(this.pinger);
		this.pinger = null;
		if (this.connected.isDone()) {
			this.connected = new CompletableFuture<>();
		}
		return detached;
	}

	/** Sending on the link failed or stalled: forget it first, so that its late callbacks are ignored, then close it. */
	private void givenUp(WebSocketLink link, CloseStatus reason) {
		lost(link, reason);
		closeQuietly(link.session(), reason);
	}

	private void ping(WebSocketLink pinged) {
		boolean dead;
		synchronized (this.lock) {
			if (this.link != pinged) {
				return;
			}
			// Anything read since the ping proves the link alive: under back-pressure the pong waits behind the
			// frames Neuro sent before it, which the game reads only as fast as it can answer them.
			dead = this.pingSentNanos != 0 && this.lastReadNanos - this.pingSentNanos < 0;
			if (!dead) {
				this.pingSentNanos = System.nanoTime();
			}
		}
		if (dead) {
			// Half-open: the socket looks open but nothing comes back. Forget it first, then close it.
			lost(pinged, PING_TIMEOUT);
			closeQuietly(pinged.session(), PING_TIMEOUT);
		}
		else {
			pinged.sendRaw(new PingMessage(ByteBuffer.wrap(new byte[] { 'n' })));
		}
	}

	private void ponged(WebSocketLink ponged) {
		synchronized (this.lock) {
			if (this.link != ponged || this.pingSentNanos == 0) {
				return;
			}
			this.roundTripTime = Duration.ofNanos(System.nanoTime() - this.pingSentNanos);
			this.pingSentNanos = 0;
		}
	}

	private boolean isCurrent(WebSocketLink candidate) {
		return this.link == candidate;
	}

	private void received(String frame, WebSocketLink from) {
		if (!isCurrent(from) && from != this.closingOnPurpose) {
			// A late frame of a link already given up (a missed pong, a lost socket): its answers could never be
			// sent, and what it says belongs to a session that is over.
			if (logger.isDebugEnabled()) {
				logger.debug("Ignored a frame from a connection to Neuro that is no longer current (" + from.id() + ")");
			}
			return;
		}
		this.lastReadNanos = System.nanoTime();
		IncomingMessage message;
		try {
			message = this.codec.decode(frame);
		}
		catch (MalformedMessageException ex) {
			this.unreadableFrames.warn("Ignored a malformed frame from Neuro: " + ex.getMessage());
			return;
		}
		NeuroLinkHandler.LinkListener listener = from.listener();
		if (listener != null) {
			from.readStarted();
			try {
				listener.onMessage(message);
			}
			finally {
				from.readEnded();
			}
		}
	}

	private static void cancel(@Nullable ScheduledFuture<?> future) {
		if (future != null) {
			future.cancel(false);
		}
	}

	private static void closeQuietly(WebSocketSession session, CloseStatus status) {
		try {
			session.close(status);
		}
		catch (Exception ex) {
			logger.debug("Error while closing a websocket to Neuro: " + ex.getMessage());
		}
	}

	private static String describe(CloseStatus status) {
		String reason = status.getReason();
		return "code " + status.getCode() + ((reason != null && !reason.isEmpty()) ? ", " + reason : "");
	}

	/**
	 * The websocket handler of one connection attempt. Knowing its attempt lets late callbacks of an abandoned
	 * attempt be recognised and ignored.
	 */
	private final class LinkSocketHandler extends AbstractWebSocketHandler {

		private final long ownAttempt;

		private volatile @Nullable WebSocketLink ownLink;

		LinkSocketHandler(long ownAttempt) {
			this.ownAttempt = ownAttempt;
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) {
			WebSocketLink attached = attach(this.ownAttempt, session);
			this.ownLink = attached;
			if (attached != null) {
				handshake(attached);
			}
		}

		@Override
		protected void handleTextMessage(WebSocketSession session, TextMessage message) {
			WebSocketLink own = this.ownLink;
			if (own != null) {
				received(message.getPayload(), own);
			}
		}

		@Override
		protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
			NeuroConnection.this.unreadableFrames.warn("Ignored a binary frame of " + message.getPayloadLength()
					+ " bytes from Neuro: the Neuro Game API uses text frames only");
		}

		@Override
		protected void handlePongMessage(WebSocketSession session, PongMessage message) {
			WebSocketLink own = this.ownLink;
			if (own != null) {
				ponged(own);
			}
		}

		@Override
		public void handleTransportError(WebSocketSession session, Throwable exception) {
			logger.debug("Transport error on the websocket to Neuro: " + exception.getMessage());
			WebSocketLink own = this.ownLink;
			if (own != null) {
				lost(own, own.failure(exception));
				closeQuietly(session, CloseStatus.SERVER_ERROR);
			}
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
			WebSocketLink own = this.ownLink;
			if (own != null) {
				lost(own, status);
			}
		}

	}

}
