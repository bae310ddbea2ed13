package io.github.neurospringboot.console;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import io.github.neurospringboot.test.AutoPlayer;
import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.EmbeddedNeuroListener;
import io.github.neurospringboot.test.GameConnection;
import io.github.neurospringboot.test.NeuroCharacter;
import io.github.neurospringboot.test.ReceivedFrame;
import io.github.neurospringboot.test.diagnostics.Diagnostic;
import io.github.neurospringboot.test.schema.SchemaDataGenerator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the console knows, kept up to date from the embedded Neuro's traffic: the games and their forces, the frame
 * log, the results, the diagnostics and the settings. Every change becomes an event for the pages, published under
 * this object's lock, so that each page sees the changes in the order they happened, after its snapshot.
 */
final class ConsoleState implements EmbeddedNeuroListener {

	/** The log keeps the latest this many frames. */
	static final int LOG_LIMIT = 10_000;

	/** The latest this many results are kept for a page that opens later. */
	private static final int RESULT_LIMIT = 200;

	private static final JsonMapper JSON = JsonMapper.shared();

	private final ConsoleEvents events = new ConsoleEvents();

	private @Nullable ConsoleDiagnostics diagnostics;

	private final Map<Integer, GameView> games = new TreeMap<>();

	private final ArrayDeque<ObjectNode> log = new ArrayDeque<>();

	private final ArrayDeque<ObjectNode> results = new ArrayDeque<>();

	/** The actions sent and not answered yet, by connection and id. */
	private final Map<String, SentAction> sentActions = new HashMap<>();

	/** Parameters for the page's editor; unseeded, unlike auto-play. */
	private final SchemaDataGenerator samples = new SchemaDataGenerator(new Random());

	private ConsoleSettings settings;

	private @Nullable AutoPlayer player;

	private String neuroUrl = "";

	private long sequence;

	ConsoleState(ConsoleSettings settings) {
		this.settings = settings;
	}

	/**
	 * The embedded Neuro has started: its URL is shown, and its diagnostics listed.
	 * @param neuro the embedded Neuro
	 */
	void attach(EmbeddedNeuro neuro) {
		synchronized (this) {
			this.neuroUrl = neuro.url().toString();
			this.diagnostics = new ConsoleDiagnostics(neuro.diagnosticsEngine());
		}
		neuro.diagnosticsEngine().addListener(this::diagnosed);
	}

	/**
	 * The diagnostics engine found something wrong.
	 * @param diagnostic what
	 */
	synchronized void diagnosed(Diagnostic diagnostic) {
		publish(event("diagnostic").set("diagnostic", ConsoleDiagnostics.toJson(diagnostic)));
	}

	// --- the traffic --------------------------------------------------------------------------------------------

	@Override
	public synchronized void connected(GameConnection connection) {
		GameView view = new GameView(connection);
		this.games.put(connection.number(), view);
		logSystem(connection.number(), "Game connection #" + connection.number() + " opened");
		publishGame(view);
	}

	@Override
	public void received(GameConnection connection, ReceivedFrame frame) {
		@Nullable NeuroCharacter acknowledgeAs;
		synchronized (this) {
			GameView view = view(connection);
			boolean changed = view.named(frame.json().path("game").asString(""));
			if (changed) {
				forgetClosed(view);
			}
			logFrame(connection.number(), "game", frame.command(), frame.text());
			acknowledgeAs = null;
			switch (frame.command()) {
				case "startup" -> {
					view.clearForces();
					acknowledgeAs = this.settings.acknowledgeAs();
					changed = true;
				}
				case "actions/register", "actions/unregister" -> changed = true;
				case "actions/force" -> changed = forced(view, frame.data());
				case "action/result" -> changed = resultReceived(view, frame.data());
				default -> {
					// context and the rest change no view; the page reads them from the log
				}
			}
			if (changed) {
				publishGame(view);
			}
		}
		if (acknowledgeAs != null) {
			NeuroCharacter character = acknowledgeAs;
			sendQuietly(connection, (open) -> open.sendStartupAcknowledgement(character));
		}
	}

	@Override
	public synchronized void receivedNotJson(GameConnection connection, String text) {
		view(connection);
		logFrame(connection.number(), "game", "", text);
	}

	@Override
	public synchronized void receivedBinary(GameConnection connection, int length) {
		view(connection);
		logFrame(connection.number(), "game", "", "(a binary frame of " + length + " bytes)");
	}

	@Override
	public synchronized void sending(GameConnection connection, String text) {
		String command = "";
		try {
			JsonNode frame = JSON.readTree(text);
			command = frame.path("command").asString("");
			if (command.equals("action")) {
				this.sentActions.put(key(connection.number(), frame.path("data").path("id").asString("")),
						new SentAction(frame.path("data").path("name").asString(""), System.nanoTime()));
			}
		}
		catch (JacksonException ex) {
			// Sent on purpose (garbage for a test): logged as it is
		}
		logFrame(connection.number(), "neuro", command, text);
	}

	@Override
	public synchronized void closed(GameConnection connection, int code) {
		GameView view = view(connection);
		view.closed(code);
		this.sentActions.keySet().removeIf((key) -> key.startsWith(connection.number() + "\n"));
		logSystem(connection.number(), "Game connection #" + connection.number() + " closed (code " + code + ")");
		if (view.game().isEmpty()) {
			this.games.remove(view.number());
			publish(event("game-removed").put("connection", view.number()));
		}
		else {
			publishGame(view);
		}
	}

	// --- what the page does -------------------------------------------------------------------------------------

	/**
	 * A page opened its event stream.
	 * @return its stream, which starts with a snapshot
	 */
	synchronized ConsoleEvents.Subscriber subscribe() {
		ObjectNode snapshot = event("snapshot");
		snapshot.put("neuroUrl", this.neuroUrl);
		snapshot.put("logLimit", LOG_LIMIT);
		snapshot.set("settings", this.settings.toJson());
		ArrayNode games = snapshot.putArray("games");
		this.games.values().forEach((view) -> games.add(view.toJson()));
		ArrayNode log = snapshot.putArray("log");
		this.log.forEach(log::add);
		ArrayNode results = snapshot.putArray("results");
		this.results.forEach(results::add);
		if (this.diagnostics != null) {
			snapshot.setAll(this.diagnostics.toJson());
		}
		else {
			snapshot.putArray("diagnostics");
			snapshot.putArray("silenced");
		}
		return this.events.subscribe(snapshot.toString());
	}

	/**
	 * Execute an action on a game, as Neuro does.
	 * @param number the game's connection
	 * @param action the action's name
	 * @param data the parameters as the editor holds them; blank for none
	 * @param check whether to check them against the action's schema first
	 * @return what keeps them from being sent, empty once sent
	 */
	List<String> execute(int number, String action, String data, boolean check) {
		GameConnection connection;
		synchronized (this) {
			GameView view = this.games.get(number);
			if (view == null || !view.isOpen()) {
				return List.of(notConnected(number));
			}
			connection = view.connection();
			if (check) {
				List<String> problems = ParameterCheck.check(action, connection.registeredAction(action), data);
				if (!problems.isEmpty()) {
					return problems;
				}
			}
		}
		try {
			connection.executeAsync(action, data.isBlank() ? null : data);
			return List.of();
		}
		catch (IllegalStateException | UncheckedIOException ex) {
			return List.of(notConnected(number));
		}
	}

	/**
	 * Random valid parameters for an action, from its schema.
	 * @param number the game's connection
	 * @param action the action's name
	 * @return the parameters as indented JSON, or {@code ""} when the action takes none
	 * @throws IllegalArgumentException if the game or the action is not there, or its schema cannot be satisfied
	 */
	String sample(int number, String action) {
		JsonNode schema;
		synchronized (this) {
			GameView view = this.games.get(number);
			if (view == null || !view.isOpen()) {
				throw new IllegalArgumentException(notConnected(number));
			}
			schema = view.connection()
				.registeredAction(action)
				.orElseThrow(() -> new IllegalArgumentException("'" + action + "' is not registered on game #"
						+ number + "."))
				.path("schema");
			if (schema.isMissingNode() || schema.isNull()) {
				return "";
			}
			if (!schema.isObject()) {
				throw new IllegalArgumentException("The schema of '" + action + "' is not a JSON object, so no"
						+ " parameters can be made from it.");
			}
			return this.samples.generate((ObjectNode) schema).toPrettyString();
		}
	}

	/**
	 * Send a game what Neuro sends.
	 * @param number the game's connection
	 * @param message which message: {@link NeuroMessage}
	 * @throws IllegalArgumentException if the game is not connected
	 */
	void send(int number, NeuroMessage message) {
		GameConnection connection;
		synchronized (this) {
			GameView view = this.games.get(number);
			if (view == null || !view.isOpen()) {
				throw new IllegalArgumentException(notConnected(number));
			}
			connection = view.connection();
		}
		try {
			message.sendOn(connection);
		}
		catch (IllegalStateException | UncheckedIOException ex) {
			throw new IllegalArgumentException(notConnected(number), ex);
		}
	}

	/**
	 * Ignore the forces a game is waiting on.
	 * @param number the game's connection
	 */
	synchronized void ignoreForces(int number) {
		GameView view = this.games.get(number);
		if (view != null) {
			view.clearForces();
			publishGame(view);
		}
	}

	synchronized ConsoleSettings settings() {
		return this.settings;
	}

	/**
	 * Change the settings. Switching to auto-play plays the forces waiting; switching away stops it at once.
	 * @param change how
	 */
	synchronized void changeSettings(UnaryOperator<ConsoleSettings> change) {
		ConsoleSettings before = this.settings;
		this.settings = change.apply(before);
		if (this.player != null
				&& (this.settings.forceMode() != ForceMode.AUTO_PLAY || !before.playsLike(this.settings))) {
			this.player.close();
			this.player = null;
		}
		if (this.settings.forceMode() == ForceMode.AUTO_PLAY && before.forceMode() != ForceMode.AUTO_PLAY) {
			this.games.values()
				.stream()
				.filter(GameView::isOpen)
				.forEach((view) -> view.forces().forEach((force) -> player().forced(view.connection(), force)));
		}
		publish(event("settings").set("settings", this.settings.toJson()));
	}

	/**
	 * Note in the log something the console did, such as a network fault.
	 * @param message what happened
	 */
	synchronized void note(String message) {
		logSystem(0, message);
	}

	synchronized void clearLog() {
		this.log.clear();
		this.results.clear();
		publish(event("log-cleared"));
	}

	/**
	 * The session on a game's connection so far, as a script a JUnit test replays ({@code SessionReplay}).
	 * @param number the game's connection
	 * @return the script, as JSON
	 * @throws IllegalArgumentException if the game is not there
	 */
	String exportSession(int number) {
		GameView view;
		synchronized (this) {
			view = this.games.get(number);
		}
		if (view == null) {
			throw new IllegalArgumentException("There is no game #" + number + ".");
		}
		return view.connection().exportSession().toJson();
	}

	/**
	 * The log, for a bug report.
	 * @return a JSON document with every frame kept
	 */
	synchronized String export() {
		ObjectNode export = JSON.createObjectNode();
		export.put("format", "neuro-console-log");
		export.put("version", 1);
		export.put("exported", Instant.now().toString());
		export.put("neuroUrl", this.neuroUrl);
		ArrayNode frames = export.putArray("frames");
		for (ObjectNode entry : this.log) {
			ObjectNode frame = frames.addObject();
			frame.put("time", Instant.ofEpochMilli(entry.path("time").asLong()).toString());
			frame.put("connection", entry.path("connection").asInt());
			frame.put("game", entry.path("game").asString(""));
			frame.put("direction", entry.path("direction").asString(""));
			frame.put("text", entry.path("text").asString(""));
		}
		return export.toPrettyString();
	}

	synchronized void dismissDiagnostic(long id) {
		diagnostics().dismiss(id);
		publish(event("diagnostics").setAll(diagnostics().toJson()));
	}

	synchronized void silence(String game, String rule, boolean silenced) {
		diagnostics().silence(game, rule, silenced);
		publish(event("diagnostics").setAll(diagnostics().toJson()));
	}

	/** The pages' streams end, and auto-play stops. */
	synchronized void close() {
		this.events.close();
		if (this.player != null) {
			this.player.close();
			this.player = null;
		}
	}

	// --- inside -------------------------------------------------------------------------------------------------

	private GameView view(GameConnection connection) {
		// Connected before any frame, so always there; a view removed since (closed, unnamed) is made again.
		return this.games.computeIfAbsent(connection.number(), (number) -> new GameView(connection));
	}

	/** A game that named itself replaces its own closed connections on the page. */
	private void forgetClosed(GameView named) {
		List<Integer> replaced = new ArrayList<>();
		this.games.values()
			.stream()
			.filter((view) -> view != named && !view.isOpen() && view.game().equals(named.game()))
			.forEach((view) -> replaced.add(view.number()));
		replaced.forEach((number) -> {
			this.games.remove(number);
			publish(event("game-removed").put("connection", number));
		});
	}

	private boolean forced(GameView view, JsonNode force) {
		switch (this.settings.forceMode()) {
			case BY_HAND -> view.forced(force);
			case AUTO_PLAY -> {
				view.forced(force);
				player().forced(view.connection(), force);
			}
			case IGNORE -> {
				return false;
			}
		}
		return true;
	}

	private boolean resultReceived(GameView view, JsonNode data) {
		String id = data.path("id").asString("");
		SentAction sent = this.sentActions.remove(key(view.number(), id));
		ObjectNode result = event("result");
		result.put("time", System.currentTimeMillis());
		result.put("connection", view.number());
		result.put("game", view.game());
		result.put("id", id);
		result.put("action", (sent != null) ? sent.name() : "");
		result.put("success", data.path("success").asBoolean(false));
		JsonNode message = data.path("message");
		if (message.isString()) {
			result.put("message", message.asString());
		}
		if (sent != null) {
			result.put("latencyMillis", (System.nanoTime() - sent.sentNanos()) / 1_000_000);
		}
		this.results.addLast(result);
		if (this.results.size() > RESULT_LIMIT) {
			this.results.removeFirst();
		}
		publish(result);
		return sent != null && result.path("success").asBoolean() && view.answered(sent.name());
	}

	private ConsoleDiagnostics diagnostics() {
		if (this.diagnostics == null) {
			throw new IllegalStateException("The console is still starting");
		}
		return this.diagnostics;
	}

	private AutoPlayer player() {
		if (this.player == null) {
			this.player = new AutoPlayer(this.settings.seed(), this.settings.thinkDelay(),
					this.settings.forceRetries());
		}
		return this.player;
	}

	private void logFrame(int connection, String direction, String command, String text) {
		GameView view = this.games.get(connection);
		ObjectNode entry = event("frame");
		entry.put("seq", ++this.sequence);
		entry.put("time", System.currentTimeMillis());
		entry.put("connection", connection);
		entry.put("game", (view != null) ? view.game() : "");
		entry.put("direction", direction);
		entry.put("command", command);
		entry.put("text", text);
		this.log.addLast(entry);
		if (this.log.size() > LOG_LIMIT) {
			this.log.removeFirst();
		}
		publish(entry);
	}

	private void logSystem(int connection, String message) {
		logFrame(connection, "console", "", message);
	}

	private void publishGame(GameView view) {
		publish(event("game").set("game", view.toJson()));
	}

	private void publish(ObjectNode event) {
		this.events.publish(event.toString());
	}

	private static ObjectNode event(String type) {
		return JSON.createObjectNode().put("type", type);
	}

	private static String key(int connection, String id) {
		return connection + "\n" + id;
	}

	private static String notConnected(int number) {
		return "Game #" + number + " is not connected.";
	}

	/** A send the game may no longer be there for: the page learns of the close from the log. */
	private static void sendQuietly(GameConnection connection, Consumer<GameConnection> send) {
		try {
			send.accept(connection);
		}
		catch (IllegalStateException | UncheckedIOException ex) {
			// Closed meanwhile
		}
	}

	/** An action sent and not answered yet. */
	private record SentAction(String name, long sentNanos) {

	}

}
