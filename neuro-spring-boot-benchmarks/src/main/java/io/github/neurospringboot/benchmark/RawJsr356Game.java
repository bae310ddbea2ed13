package io.github.neurospringboot.benchmark;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.channels.NetworkChannel;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import org.eclipse.jetty.ee11.websocket.jakarta.client.JakartaWebSocketClientContainerProvider;
import org.jspecify.annotations.Nullable;

/**
 * The least a game can do over a JSR-356 client container: Tomcat's, the one the starter uses (the floor of its
 * transport), or Jetty's. It sends {@code startup} and registers {@code place_mark}, then answers every
 * {@code action} frame with a success on the thread that read it, one blocking send each, on a socket with
 * {@code TCP_NODELAY} (set as the starter sets it on Tomcat's; Jetty's client sets it itself). No validation, no
 * deadline, no bookkeeping, no reconnecting (it takes part in the load table only).
 */
final class RawJsr356Game implements LoadGame {

	private final URI url;

	private final RawFrames frames;

	private volatile @Nullable Session session;

	private final Container kind;

	private final WebSocketContainer container;

	RawJsr356Game(URI url, String game, Container kind) {
		this.url = url;
		this.frames = new RawFrames(game);
		this.kind = kind;
		// The first provider on the class path is Tomcat's, as for the starter
		this.container = (kind == Container.JETTY) ? JakartaWebSocketClientContainerProvider.getContainer(null)
				: ContainerProvider.getWebSocketContainer();
	}

	@Override
	public void connect() throws IOException, DeploymentException {
		Session opened = this.container
			.connectToServer(new Answerer(), ClientEndpointConfig.Builder.create().build(), this.url);
		synchronized (opened) {
			opened.getBasicRemote().sendText(this.frames.startup());
			opened.getBasicRemote().sendText(this.frames.register());
		}
		this.session = opened;
	}

	@Override
	public void disconnect() throws IOException {
		Session open = this.session;
		if (open != null) {
			open.close();
			this.session = null;
		}
	}

	@Override
	public void close() throws IOException {
		disconnect();
	}

	/** Answers on the reading thread; sends are serialised on the session, as the container requires. */
	private final class Answerer extends Endpoint {

		@Override
		public void onOpen(Session session, EndpointConfig config) {
			if (RawJsr356Game.this.kind == Container.TOMCAT) {
				noDelay(session);
			}
			session.addMessageHandler(String.class, (MessageHandler.Whole<String>) (text) -> {
				String result = RawJsr356Game.this.frames.answer(text);
				if (result != null) {
					synchronized (session) {
						try {
							session.getBasicRemote().sendText(result);
						}
						catch (IOException ex) {
							throw new IllegalStateException("Could not answer an action", ex);
						}
					}
				}
			});
		}

		/** As the starter does: Tomcat's client never sets it, and its socket is reached through private fields. */
		private static void noDelay(Session session) {
			try {
				Object endpoint = field(session, "wsRemoteEndpoint");
				Object socket = field(field(endpoint, "channel"), "socketChannel");
				((NetworkChannel) socket).setOption(StandardSocketOptions.TCP_NODELAY, true);
			}
			catch (IOException | ReflectiveOperationException ex) {
				throw new IllegalStateException("Could not set TCP_NODELAY", ex);
			}
		}

		private static Object field(Object owner, String name) throws ReflectiveOperationException {
			for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
				try {
					Field field = type.getDeclaredField(name);
					field.setAccessible(true);
					return field.get(owner);
				}
				catch (NoSuchFieldException ex) {
					// Declared higher up
				}
			}
			throw new NoSuchFieldException(name);
		}

	}

	/** Whose client container. */
	enum Container {

		/** Tomcat's, the starter's. */
		TOMCAT,

		/** Jetty's. */
		JETTY

	}

}
