package io.github.neurospringboot.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The baseline contender: the least a game can do over the JDK's {@link WebSocket}. It sends {@code startup} and
 * registers {@code place_mark}, then answers every {@code action} frame with a success: parse the frame, take the id,
 * send the result. No validation, no deadline, no bookkeeping of ids; only what the JDK client requires to be
 * correct (reassembling fragmented frames, one send at a time, asking for each next message).
 */
final class RawGame implements LoadGame {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String STARTUP = "{\"command\":\"startup\",\"game\":\"" + GAME + "\"}";

	private static final String REGISTER = "{\"command\":\"actions/register\",\"game\":\"" + GAME + "\",\"data\":{"
			+ "\"actions\":[{\"name\":\"place_mark\",\"description\":\"Place your mark on an empty cell.\",\"schema\":{"
			+ "\"type\":\"object\",\"properties\":{\"cell\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":8}},"
			+ "\"required\":[\"cell\"]}}]}}";

	private final HttpClient http = HttpClient.newHttpClient();

	private final URI url;

	private @Nullable WebSocket socket;

	private @Nullable Answerer answerer;

	RawGame(URI url) {
		this.url = url;
	}

	@Override
	public String name() {
		return "raw JDK client";
	}

	@Override
	public void connect() throws Exception {
		Answerer listener = new Answerer();
		this.socket = this.http.newWebSocketBuilder().buildAsync(this.url, listener).get(10, TimeUnit.SECONDS);
		this.answerer = listener;
		listener.registered.get(10, TimeUnit.SECONDS);
	}

	@Override
	public void disconnect() throws Exception {
		if (this.socket != null && this.answerer != null) {
			// Every action is answered by now: the close goes out behind the last result.
			this.answerer.sendClose().get(10, TimeUnit.SECONDS);
			this.socket = null;
			this.answerer = null;
		}
	}

	@Override
	public void close() throws Exception {
		disconnect();
	}

	/**
	 * Answers actions. The JDK calls a listener's methods one at a time, so its state needs no lock; {@code sent} is
	 * volatile only because {@link #sendClose()} reads it from another thread, once nothing else is sent.
	 */
	private static final class Answerer implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		private final CompletableFuture<WebSocket> opened = new CompletableFuture<>();

		/** Completes once {@code startup} and the registration are sent, the first two frames. */
		final CompletableFuture<WebSocket> registered = this.opened
			.thenCompose((webSocket) -> webSocket.sendText(STARTUP, true))
			.thenCompose((webSocket) -> webSocket.sendText(REGISTER, true));

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

		private void answer(String text) {
			JsonNode frame = JSON.readTree(text);
			if ("action".equals(frame.path("command").asString(""))) {
				ObjectNode result = JSON.createObjectNode().put("command", "action/result").put("game", GAME);
				result.putObject("data").put("id", frame.path("data").path("id").asString("")).put("success", true);
				send(result.toString());
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
