package io.github.neurospringboot.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A game written without the starter, as any SDK's: the JDK's own websocket client, frames written by hand. It
 * answers every action with what its answerer says.
 */
final class RawGame implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final String game;

	private final WebSocket socket;

	private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

	private volatile Function<JsonNode, String> answerer = (action) -> "Done.";

	private RawGame(String game, URI url) throws Exception {
		this.game = game;
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(url, new Listener())
			.get(10, TimeUnit.SECONDS);
	}

	static RawGame connect(String game, URI url) throws Exception {
		RawGame raw = new RawGame(game, url);
		raw.send("startup", null);
		return raw;
	}

	void answerWith(Function<JsonNode, String> answerer) {
		this.answerer = answerer;
	}

	/** Send a frame of the game's, with its name. */
	void send(String command, JsonNode data) {
		ObjectNode frame = JSON.createObjectNode().put("command", command).put("game", this.game);
		if (data != null) {
			frame.set("data", data);
		}
		sendText(frame.toString());
	}

	void sendText(String text) {
		this.socket.sendText(text, true).join();
	}

	void register(JsonNode... actions) {
		ObjectNode data = JSON.createObjectNode();
		for (JsonNode action : actions) {
			data.withArray("actions").add(action);
		}
		send("actions/register", data);
	}

	static ObjectNode action(String name, String description, String schemaJson) {
		ObjectNode action = JSON.createObjectNode().put("name", name).put("description", description);
		if (schemaJson != null) {
			action.set("schema", JSON.readTree(schemaJson));
		}
		return action;
	}

	JsonNode awaitFrame(String command) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode frame = this.received.poll(100, TimeUnit.MILLISECONDS);
			if (frame != null && frame.path("command").asString("").equals(command)) {
				return frame;
			}
		}
		throw new AssertionError("The console sent no " + command);
	}

	@Override
	public void close() {
		this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder text = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				JsonNode frame = JSON.readTree(this.text.toString());
				this.text.setLength(0);
				RawGame.this.received.add(frame);
				if (frame.path("command").asString("").equals("action")) {
					JsonNode action = frame.path("data");
					send("action/result", JSON.createObjectNode()
						.put("id", action.path("id").asString())
						.put("success", true)
						.put("message", RawGame.this.answerer.apply(action)));
				}
			}
			webSocket.request(1);
			return CompletableFuture.completedFuture(null);
		}

	}

}
