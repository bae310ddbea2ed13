package io.github.neurospringboot.connection;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.neurospringboot.protocol.NeuroMessageCodec;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * A {@link NeuroLink} whose socket is memory, so that a benchmark measures the starter's own work per frame and
 * nothing of the network. Lives in the connection package to reach the link's constructor.
 */
public final class InMemoryLinks {

	private InMemoryLinks() {
	}

	/**
	 * Create a link over an in-memory session.
	 * @param codec the codec frames are encoded with
	 * @param session receives what is sent
	 * @return the link
	 */
	public static NeuroLink over(NeuroMessageCodec codec, LastFrameSession session) {
		return new NeuroLink(session, codec, URI.create("ws://127.0.0.1/"), new WebSocketSettings(Duration.ofSeconds(10),
				Duration.ofSeconds(15), Duration.ofSeconds(10), DataSize.ofKilobytes(512), DataSize.ofKilobytes(64)),
				(link, reason) -> {
					throw new IllegalStateException("An in-memory link cannot stall: " + reason);
				});
	}

	/**
	 * An open session that keeps the last frame sent.
	 */
	public static final class LastFrameSession implements WebSocketSession {

		private volatile @Nullable Object lastPayload;

		/**
		 * The payload of the last frame sent.
		 * @return the payload
		 */
		public @Nullable Object lastPayload() {
			return this.lastPayload;
		}

		@Override
		public void sendMessage(WebSocketMessage<?> message) {
			this.lastPayload = message.getPayload();
		}

		@Override
		public String getId() {
			return "in-memory";
		}

		@Override
		public @Nullable URI getUri() {
			return null;
		}

		@Override
		public HttpHeaders getHandshakeHeaders() {
			return new HttpHeaders();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return Map.of();
		}

		@Override
		public @Nullable Principal getPrincipal() {
			return null;
		}

		@Override
		public @Nullable InetSocketAddress getLocalAddress() {
			return null;
		}

		@Override
		public @Nullable InetSocketAddress getRemoteAddress() {
			return null;
		}

		@Override
		public @Nullable String getAcceptedProtocol() {
			return null;
		}

		@Override
		public void setTextMessageSizeLimit(int messageSizeLimit) {
		}

		@Override
		public int getTextMessageSizeLimit() {
			return Integer.MAX_VALUE;
		}

		@Override
		public void setBinaryMessageSizeLimit(int messageSizeLimit) {
		}

		@Override
		public int getBinaryMessageSizeLimit() {
			return Integer.MAX_VALUE;
		}

		@Override
		public List<WebSocketExtension> getExtensions() {
			return List.of();
		}

		@Override
		public boolean isOpen() {
			return true;
		}

		@Override
		public void close() {
		}

		@Override
		public void close(CloseStatus status) {
		}

	}

}
