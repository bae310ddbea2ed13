package io.github.neurospringboot.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The floor: the least a game can do over the JDK's {@link WebSocket}, on a client whose executor is the calling
 * thread (no thread hand-off: the listener runs on the client's selector thread). It sends {@code startup} and
 * registers {@code place_mark}, then answers every {@code action} frame with a success: parse the frame, take the id,
 * send the result. No validation, no deadline, no bookkeeping of ids; only what the JDK client requires to be correct
 * (reassembling fragmented frames, one send at a time, asking for each next message). After an abrupt loss it
 * connects again at once.
 */
final class RawGame implements LoadGame {

	private final HttpClient http = HttpClient.newBuilder().executor(Runnable::run).build();

	private final URI url;

	private final RawFrames frames;

	/** Whether the game wants a connection: a loss is then answered by a new one. */
	private volatile boolean wanted;

	private volatile @Nullable Answerer answerer;

	RawGame(URI url, String game) {
		this.url = url;
		this.frames = new RawFrames(game);
	}

	@Override
	public void connect() throws Exception {
		this.wanted = true;
		open().get(10, TimeUnit.SECONDS);
	}

	/** Completes once {@code startup} and the registration are sent. */
	private CompletableFuture<WebSocket> open() {
		Answerer listener = new Answerer();
		this.answerer = listener;
		return this.http.newWebSocketBuilder()
			.buildAsync(this.url, listener)
			.thenCompose((webSocket) -> listener.registered);
	}

	/** Connect again at once; an attempt that fails is tried again after 100 ms. */
	private void reconnect(Answerer lost) {
		if (this.wanted && this.answerer == lost) {
			open().whenComplete((webSocket, failure) -> {
				if (failure != null) {
					CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)
						.execute(() -> reconnect(this.answerer));
				}
			});
		}
	}

	@Override
	public void disconnect() throws Exception {
		this.wanted = false;
		Answerer listener = this.answerer;
		if (listener != null) {
			// Every action is answered by now: the close goes out behind the last result.
			listener.sendClose().get(10, TimeUnit.SECONDS);
			this.answerer = null;
		}
	}

	@Override
	public void close() throws Exception {
		disconnect();
	}

	/**
	 * Answers actions on one connection. The JDK calls a listener's methods one at a time, so its state needs no
	 * lock; {@code sent} is volatile only because {@link #sendClose()} reads it from another thread, once nothing else
	 * is sent.
	 */
	private final class Answerer implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		private final CompletableFuture<WebSocket> opened = new CompletableFuture<>();

		/** Completes once {@code startup} and the registration are sent, the first two frames. */
		final CompletableFuture<WebSocket> registered = this.opened
			.thenCompose((webSocket) -> webSocket.sendText(RawGame.this.frames.startup(), true))
			.thenCompose((webSocket) -> webSocket.sendText(RawGame.this.frames.register(), true));

		/** The last send: the JDK allows one outstanding send, so each waits for the one before it. */
		private volatile CompletableFuture<WebSocket> sent = this.registered;

		@Override
		public void onOpen(WebSocket webSocket) {
			this.opened.complete(webSocket);
			webSocket.request(1);
		}

		@Override
		public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			// The data may be reused once this returns, so it is copied or parsed before.
			if (!last) {
				this.partial.append(data);
			}
			else if (this.partial.length() == 0) {
				answer(data.toString());
			}
			else {
				answer(this.partial.append(data).toString());
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			reconnect(this);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			reconnect(this);
		}

		private void answer(String text) {
			String result = RawGame.this.frames.answer(text);
			if (result != null) {
				send(result);
			}
		}

		private void send(String text) {
			this.sent = this.sent.thenCompose((webSocket) -> webSocket.sendText(text, true));
		}

		CompletableFuture<WebSocket> sendClose() {
			return this.sent.thenCompose((webSocket) -> webSocket.sendClose(WebSocket.NORMAL_CLOSURE, ""));
		}

	}

}
