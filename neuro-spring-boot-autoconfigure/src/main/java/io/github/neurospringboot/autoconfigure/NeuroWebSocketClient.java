package io.github.neurospringboot.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import org.apache.tomcat.websocket.WsWebSocketContainer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.ClassUtils;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * Spring's standard websocket client on a container of its own, released when the connection is destroyed. Tomcat's
 * client container holds a share of a thread pool that every container of the JVM uses, from its first connection
 * until it is destroyed; the pool ends with the last share, so a closed application leaves no threads behind.
 */
final class NeuroWebSocketClient extends StandardWebSocketClient implements DisposableBean {

	private final ReleasableContainer container;

	NeuroWebSocketClient(WebSocketContainer container) {
		this(new ReleasableContainer(container));
	}

	private NeuroWebSocketClient(ReleasableContainer container) {
		super(container);
		this.container = container;
	}

	/** Waits for a connection attempt in progress, then releases the container; later attempts fail. */
	@Override
	public void destroy() {
		this.container.release();
	}

	/**
	 * A container that refuses to connect once released. Without that, an attempt that started its handshake only
	 * after the release (a reconnect racing with shutdown) would take a new share of Tomcat's pool, never returned.
	 */
	private static final class ReleasableContainer implements WebSocketContainer {

		private static final boolean TOMCAT_PRESENT = ClassUtils.isPresent(
				"org.apache.tomcat.websocket.WsWebSocketContainer", ReleasableContainer.class.getClassLoader());

		private final WebSocketContainer delegate;

		/** Connecting holds the read lock, releasing the write lock: a release waits for connections being made. */
		private final ReadWriteLock lock = new ReentrantReadWriteLock();

		private boolean released;

		ReleasableContainer(WebSocketContainer delegate) {
			this.delegate = delegate;
		}

		void release() {
			this.lock.writeLock().lock();
			try {
				if (!this.released) {
					this.released = true;
					if (TOMCAT_PRESENT) {
						Tomcat.destroy(this.delegate);
					}
				}
			}
			finally {
				this.lock.writeLock().unlock();
			}
		}

		private Session connect(Connection connection) throws DeploymentException, IOException {
			this.lock.readLock().lock();
			try {
				if (this.released) {
					throw new DeploymentException("The application is stopping: no new connection to Neuro");
				}
				return connection.open();
			}
			finally {
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

		@Override
		public Session connectToServer(Endpoint endpoint, ClientEndpointConfig config, URI path)
				throws DeploymentException, IOException {
			return connect(() -> this.delegate.connectToServer(endpoint, config, path));
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

	}

}
