package io.github.neurospringboot.autoconfigure;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.channels.NetworkChannel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Spring's standard websocket client on a container of its own, released when the connection is destroyed. Tomcat's
 * client container holds a share of a thread pool that every container of the JVM uses, from its first connection
 * until it is destroyed; the pool ends with the last share, so a closed application leaves no threads behind.
 *
 * <p>It keeps the URL's credentials out of every log: Spring's {@code AbstractWebSocketClient.execute} logs the whole
 * URI at DEBUG, so this client connects through {@link StandardWebSocketClient}'s {@code executeInternal} instead,
 * and Tomcat's trace of each connection, which shows the URI too, is filtered out. On Tomcat it also turns Nagle's
 * algorithm off for each connection, and silences the warning Tomcat logs for every connection that is cut.
 * Handshake headers are not supported: the Neuro API has none.
 */
final class NeuroWebSocketClient implements WebSocketClient, DisposableBean {

	private static final Log logger = LogFactory.getLog(NeuroWebSocketClient.class);

	private static final boolean TOMCAT_PRESENT = ClassUtils.isPresent(
			"org.apache.tomcat.websocket.WsWebSocketContainer", NeuroWebSocketClient.class.getClassLoader());

	private final ReleasableContainer container;

	private final Connector connector;

	NeuroWebSocketClient(WebSocketContainer container) {
		this.container = new ReleasableContainer(container);
		this.connector = new Connector(this.container);
		if (TOMCAT_PRESENT) {
			TomcatLogging.quieten();
		}
	}

	/**
	 * Set the executor that opens connections.
	 * @param taskExecutor the executor
	 * @see StandardWebSocketClient#setTaskExecutor
	 */
	void setTaskExecutor(AsyncTaskExecutor taskExecutor) {
		this.connector.setTaskExecutor(taskExecutor);
	}

	/**
	 * Set the user properties of every handshake.
	 * @param userProperties the properties
	 * @see StandardWebSocketClient#setUserProperties
	 */
	void setUserProperties(Map<String, Object> userProperties) {
		this.connector.setUserProperties(userProperties);
	}

	/**
	 * Set the SSL context of {@code wss://} connections.
	 * @param sslContext the context
	 * @see StandardWebSocketClient#setSslContext
	 */
	void setSslContext(SSLContext sslContext) {
		this.connector.setSslContext(sslContext);
	}

	@Override
	public CompletableFuture<WebSocketSession> execute(WebSocketHandler webSocketHandler, String uriTemplate,
			@Nullable Object... uriVariables) {
		return execute(webSocketHandler, null,
				UriComponentsBuilder.fromUriString(uriTemplate).buildAndExpand(uriVariables).encode().toUri());
	}

	@Override
	public CompletableFuture<WebSocketSession> execute(WebSocketHandler webSocketHandler,
			@Nullable WebSocketHttpHeaders headers, URI uri) {
		Assert.isTrue(headers == null || headers.isEmpty(), "The Neuro handshake takes no headers");
		return this.connector.connect(webSocketHandler, uri);
	}

	/** Interrupts a connection attempt in progress, then releases the container; later attempts fail. */
	@Override
	public void destroy() {
		this.container.release();
	}

	/**
	 * Spring's standard client, entered below the {@code execute} that logs the URI. What {@code execute} does besides
	 * logging is kept: the checks of the handler and the URI; handshake headers, sub-protocols and extensions, which
	 * it would take from the headers, are none.
	 */
	private static final class Connector extends StandardWebSocketClient {

		Connector(WebSocketContainer container) {
			super(container);
		}

		CompletableFuture<WebSocketSession> connect(WebSocketHandler webSocketHandler, URI uri) {
			Assert.notNull(webSocketHandler, "WebSocketHandler must not be null");
			assertUri(uri);
			return executeInternal(webSocketHandler, new HttpHeaders(), uri, List.of(), List.of(), Map.of());
		}

	}

	/**
	 * A container that refuses to connect once released. Without that, an attempt that started its handshake only
	 * after the release (a reconnect racing with shutdown) would take a new share of Tomcat's pool, never returned.
	 */
	private static final class ReleasableContainer implements WebSocketContainer {

		private final WebSocketContainer delegate;

		/** Connecting holds the read lock, releasing the write lock: a release waits for connections being made. */
		private final ReadWriteLock lock = new ReentrantReadWriteLock();

		/** The threads opening a connection now. */
		private final Set<Thread> connecting = ConcurrentHashMap.newKeySet();

		private volatile boolean released;

		/** Guarded by the write lock. */
		private boolean destroyed;

		ReleasableContainer(WebSocketContainer delegate) {
			this.delegate = delegate;
		}

		/**
		 * Refuse new connections, interrupt the handshakes in progress (a Neuro that accepts but never answers would
		 * otherwise hold the shutdown for the whole connect timeout), wait for them to give up, then release.
		 */
		void release() {
			this.released = true;
			this.connecting.forEach(Thread::interrupt);
			this.lock.writeLock().lock();
			try {
				if (TOMCAT_PRESENT && !this.destroyed) {
					this.destroyed = true;
					Tomcat.destroy(this.delegate);
				}
			}
			finally {
				this.lock.writeLock().unlock();
			}
		}

		private Session connect(Connection connection) throws DeploymentException, IOException {
			this.lock.readLock().lock();
			// Listed before the check: a release either sees this thread to interrupt, or is seen by the check.
			this.connecting.add(Thread.currentThread());
			try {
				if (this.released) {
					throw new DeploymentException("The application is stopping: no new connection to Neuro");
				}
				return connection.open();
			}
			finally {
				this.connecting.remove(Thread.currentThread());
				this.lock.readLock().unlock();
			}
		}

		@Override
		public Session connectToServer(Object annotatedEndpoint, URI path) throws DeploymentException, IOException {
			return connect(() -> this.delegate.connectToServer(annotatedEndpoint, path));
		}

		@Override
		public Session connectToServer(Class<?> annotatedEndpointClass, URI path)
				throws DeploymentException, IOException {
			return connect(() -> this.delegate.connectToServer(annotatedEndpointClass, path));
		}

		/** The one Spring's client uses. */
		@Override
		public Session connectToServer(Endpoint endpoint, ClientEndpointConfig config, URI path)
				throws DeploymentException, IOException {
			Endpoint opened = (TOMCAT_PRESENT) ? Tomcat.withNoDelay(this.delegate, endpoint) : endpoint;
			return connect(() -> this.delegate.connectToServer(opened, config, path));
		}

		@Override
		public Session connectToServer(Class<? extends Endpoint> endpointClass, ClientEndpointConfig config, URI path)
				throws DeploymentException, IOException {
			return connect(() -> this.delegate.connectToServer(endpointClass, config, path));
		}

		@Override
		public long getDefaultAsyncSendTimeout() {
			return this.delegate.getDefaultAsyncSendTimeout();
		}

		@Override
		public void setAsyncSendTimeout(long timeout) {
			this.delegate.setAsyncSendTimeout(timeout);
		}

		@Override
		public long getDefaultMaxSessionIdleTimeout() {
			return this.delegate.getDefaultMaxSessionIdleTimeout();
		}

		@Override
		public void setDefaultMaxSessionIdleTimeout(long timeout) {
			this.delegate.setDefaultMaxSessionIdleTimeout(timeout);
		}

		@Override
		public int getDefaultMaxBinaryMessageBufferSize() {
			return this.delegate.getDefaultMaxBinaryMessageBufferSize();
		}

		@Override
		public void setDefaultMaxBinaryMessageBufferSize(int max) {
			this.delegate.setDefaultMaxBinaryMessageBufferSize(max);
		}

		@Override
		public int getDefaultMaxTextMessageBufferSize() {
			return this.delegate.getDefaultMaxTextMessageBufferSize();
		}

		@Override
		public void setDefaultMaxTextMessageBufferSize(int max) {
			this.delegate.setDefaultMaxTextMessageBufferSize(max);
		}

		@Override
		public Set<Extension> getInstalledExtensions() {
			return this.delegate.getInstalledExtensions();
		}

		/** Opening one connection. */
		@FunctionalInterface
		private interface Connection {

			Session open() throws DeploymentException, IOException;

		}

	}

	/** Touches Tomcat's classes only when they are there. */
	private static final class Tomcat {

		static void destroy(WebSocketContainer container) {
			if (container instanceof WsWebSocketContainer tomcat) {
				tomcat.destroy();
			}
		}

		static Endpoint withNoDelay(WebSocketContainer container, Endpoint endpoint) {
			return (container instanceof WsWebSocketContainer) ? new NoDelayEndpoint(endpoint) : endpoint;
		}

	}

	/**
	 * An endpoint that turns Nagle's algorithm off on its socket before anything is sent on it. Tomcat's client never
	 * sets {@code TCP_NODELAY}, so the second of two small frames sent back-to-back (an {@code actions/unregister}
	 * and the {@code action/result} that follows it) waits until the first is acknowledged, which a peer that delays
	 * its acknowledgements does only after some 40 ms. There is no public way to the socket: it is reached through
	 * Tomcat's private fields, {@code WsSession.wsRemoteEndpoint} ({@code WsRemoteEndpointImplClient}),
	 * {@code .channel} ({@code AsyncChannelWrapperNonSecure}, or {@code AsyncChannelWrapperSecure} for TLS), then
	 * {@code .socketChannel}. Where they are not found, the connection works as it would without.
	 */
	private static final class NoDelayEndpoint extends Endpoint {

		private final Endpoint delegate;

		NoDelayEndpoint(Endpoint delegate) {
			this.delegate = delegate;
		}

		@Override
		public void onOpen(Session session, EndpointConfig config) {
			try {
				Object socket = field(field(field(session, "wsRemoteEndpoint"), "channel"), "socketChannel");
				((NetworkChannel) socket).setOption(StandardSocketOptions.TCP_NODELAY, true);
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Could not set TCP_NODELAY on the websocket to Neuro (" + ex
						+ "); frames sent back-to-back may be delayed");
			}
			this.delegate.onOpen(session, config);
		}

		@Override
		public void onClose(Session session, CloseReason closeReason) {
			this.delegate.onClose(session, closeReason);
		}

		@Override
		public void onError(Session session, Throwable failure) {
			this.delegate.onError(session, failure);
		}

		private static Object field(Object target, String name) {
			Field field = ReflectionUtils.findField(target.getClass(), name);
			Assert.state(field != null, () -> target.getClass().getName() + " has no field '" + name + "'");
			ReflectionUtils.makeAccessible(field);
			Object value = ReflectionUtils.getField(field, target);
			Assert.state(value != null, () -> target.getClass().getName() + "." + name + " is null");
			return value;
		}

	}

	/**
	 * Levels and filters of Tomcat's client loggers (java.util.logging, where Tomcat logs by default), each set only
	 * where the application has not set one. The loggers are held here because java.util.logging holds them weakly:
	 * a logger that is collected comes back without its level or filter.
	 */
	private static final class TomcatLogging {

		/**
		 * Logs a WARNING, stack trace included, each time a connection is cut without a close frame: Tomcat then
		 * tries to send one on the dead socket. {@code NeuroConnection} reports the lost connection in a line of its
		 * own, so only failures above warnings are kept.
		 */
		private static final Logger WRITE_FAILURES = Logger
			.getLogger("org.apache.tomcat.websocket.WsRemoteEndpointImplClient");

		/**
		 * Traces the URI of each connection, user-info and query included. Its trace is dropped (the other line, the
		 * size of the upgrade request, goes with it); debug and above pass.
		 */
		private static final Logger CONNECTIONS = Logger.getLogger("org.apache.tomcat.websocket.WsWebSocketContainer");

		static synchronized void quieten() {
			if (WRITE_FAILURES.getLevel() == null) {
				WRITE_FAILURES.setLevel(Level.SEVERE);
			}
			if (CONNECTIONS.getFilter() == null) {
				CONNECTIONS.setFilter((record) -> record.getLevel().intValue() >= Level.FINE.intValue());
			}
		}

	}

}
