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
import org.jspecify.annotations.Nullable;

/**
 * The floor of the starter's own transport: the least a game can do over Tomcat's JSR-356 client, the one the
 * starter uses. It sends {@code startup} and registers {@code place_mark}, then answers every {@code action} frame
 * with a success on the thread that read it, one blocking send each, on a socket with {@code TCP_NODELAY} as the
 * starter's. No validation, no deadline, no bookkeeping, no reconnecting (it takes part in the load table only).
 */
final class RawTomcatGame implements LoadGame {

	private final URI url;

	private final RawFrames frames;

	private volatile @Nullable Session session;

	RawTomcatGame(URI url, String game) {
		this.url = url;
		this.frames = new RawFrames(game);
	}

	@Override
	public void connect() throws IOException, DeploymentException {
		Session opened = ContainerProvider.getWebSocketContainer()
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
			noDelay(session);
			session.addMessageHandler(String.class, (MessageHandler.Whole<String>) (text) -> {
				String result = RawTomcatGame.this.frames.answer(text);
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

}
