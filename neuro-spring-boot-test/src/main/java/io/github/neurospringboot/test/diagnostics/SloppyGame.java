package io.github.neurospringboot.test.diagnostics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.neurospringboot.test.lint.LintRule;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * A deliberately sloppy game, for trying diagnostics out: a raw websocket client (the JDK's
 * {@link java.net.http.WebSocket}, no starter) that plays correctly unless told to {@link #commit} one of the
 * {@link Mistake}s, each of which raises one diagnostic of its {@link Mistake#rule() rule}. It works against any
 * Neuro: the test kit's embedded Neuro, the console, Randy.
 *
 * <pre>{@code
 * try (SloppyGame game = SloppyGame.connect(neuro.url(), "Sloppy")) {
 *     game.startup().register("act", "Do something.");
 *     game.commit(Mistake.TWO_FORCES);                  // several-forces
 *     game.commit(Mistake.LATE_RESULT);                 // the next action is answered late: late-result
 * }
 * }</pre>
 *
 * Unless a mistake says otherwise, it answers each action at once with {@code success: true}. Its messages carry the
 * game name it was given. Thread-safe.
 */
public final class SloppyGame implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.shared();

	/** How long connecting, sending and closing may take. */
	private static final Duration IO_TIMEOUT = Duration.ofSeconds(10);

	private static final String SLOPPY_DESCRIPTION = "A deliberately sloppy action.";

	private final String game;

	private final DiagnosticSettings thresholds;

	private final Instant connectedAt;

	private final WebSocket socket;

	private final CompletableFuture<Void> closedByNeuro;

	/** How to answer the next actions, oldest first; empty: at once, with success. */
	private final Queue<Mistake> nextAnswers = new ConcurrentLinkedQueue<>();

	private final Set<String> registered = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService answers;

	private volatile boolean started;

	private SloppyGame(String game, DiagnosticSettings thresholds, WebSocket socket,
			CompletableFuture<Void> closedByNeuro, ScheduledExecutorService answers) {
		this.game = game;
		this.thresholds = thresholds;
		this.connectedAt = Instant.now();
		this.socket = socket;
		this.closedByNeuro = closedByNeuro;
		this.answers = answers;
	}

	/**
	 * Connect to Neuro; nothing is sent yet, not even {@code startup}. The timing mistakes are late by the default
	 * thresholds.
	 * @param neuro Neuro's URL, such as {@code ws://127.0.0.1:8000}
	 * @param game the game's name
	 * @return the connected game
	 */
	public static SloppyGame connect(URI neuro, String game) {
		return connect(neuro, game, DiagnosticSettings.defaults());
	}

	/**
	 * Connect to Neuro; nothing is sent yet, not even {@code startup}.
	 * @param neuro Neuro's URL, such as {@code ws://127.0.0.1:8000}
	 * @param game the game's name
	 * @param thresholds the thresholds the timing mistakes are late by (those of the Neuro's diagnostics)
	 * @return the connected game
	 */
	public static SloppyGame connect(URI neuro, String game, DiagnosticSettings thresholds) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("sloppy-game-");
		threads.setDaemon(true);
		ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor(threads);
		Listener listener = new Listener(answers);
		try {
			WebSocket socket = await(HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(neuro, listener));
			SloppyGame sloppy = new SloppyGame(game, thresholds, socket, listener.closed, answers);
			listener.game.complete(sloppy);
			return sloppy;
		}
		catch (RuntimeException ex) {
			answers.shutdownNow();
			throw ex;
		}
	}

	/**
	 * The game's name, as its messages carry it.
	 * @return the name
	 */
	public String game() {
		return this.game;
	}

	/**
	 * Send {@code startup}, as a game should, first.
	 * @return this game
	 */
	public SloppyGame startup() {
		this.started = true;
		send("startup", null);
		this.registered.clear();
		return this;
	}

	/**
	 * Register a parameterless action.
	 * @param name its name
	 * @param description its description
	 * @return this game
	 */
	public SloppyGame register(String name, String description) {
		return registerActions(JSON.createArrayNode().add(definition(name, description)));
	}

	/**
	 * Register an action with parameters.
	 * @param name its name
	 * @param description its description
	 * @param schema its schema, as JSON
	 * @return this game
	 */
	public SloppyGame register(String name, String description, String schema) {
		return registerActions(JSON.createArrayNode()
			.add(definition(name, description).set("schema", JSON.readTree(schema))));
	}

	/**
	 * Unregister actions.
	 * @param names their names
	 * @return this game
	 */
	public SloppyGame unregister(String... names) {
		ObjectNode data = JSON.createObjectNode();
		names(data, names);
		send("actions/unregister", data);
		this.registered.removeAll(Set.of(names));
		return this;
	}

	/**
	 * Force Neuro to do one of some actions.
	 * @param query what she is asked to do
	 * @param names the actions
	 * @return this game
	 */
	public SloppyGame force(String query, String... names) {
		ObjectNode data = JSON.createObjectNode().put("query", query);
		names(data, names);
		send("actions/force", data);
		return this;
	}

	/**
	 * Tell Neuro something.
	 * @param message what to say
	 * @return this game
	 */
	public SloppyGame context(String message) {
		send("context", JSON.createObjectNode().put("message", message).put("silent", false));
		return this;
	}

	/**
	 * Send any text as it is.
	 * @param text the frame
	 * @return this game
	 */
	public SloppyGame sendText(String text) {
		synchronized (this.socket) {
			await(this.socket.sendText(text, true));
		}
		return this;
	}

	/**
	 * Make a mistake. Those of the messages are sent at once, after {@code startup} if the game has not sent it yet
	 * (but {@link Mistake#NO_STARTUP} and {@link Mistake#LATE_STARTUP}, which are about it); those of the results
	 * ({@link Mistake#answersNextAction()}) are made when Neuro sends the next action.
	 * @param mistake what to do wrong
	 * @return this game
	 */
	public SloppyGame commit(Mistake mistake) {
		if (mistake.answersNextAction) {
			this.nextAnswers.add(mistake);
			return this;
		}
		if (mistake != Mistake.NO_STARTUP && mistake != Mistake.LATE_STARTUP && !this.started) {
			startup();
		}
		String sloppy = "sloppy_" + mistake.name().toLowerCase(Locale.ROOT);
		switch (mistake) {
			case NO_STARTUP -> context("Hello before startup.");
			case LATE_STARTUP -> {
				pauseUntil(this.connectedAt.plus(this.thresholds.lateStartup().multipliedBy(2)));
				startup();
			}
			case TWO_STARTUPS -> startup();
			case RENAMED_GAME -> sendText(message("context", this.game + " (renamed)",
					JSON.createObjectNode().put("message", "Who am I?").put("silent", false)));
			case NOT_JSON -> sendText("this is not JSON");
			case MALFORMED_MESSAGE -> send("context",
					JSON.createObjectNode().put("message", "Hello.").put("silent", "no"));
			case BINARY_FRAME -> {
				synchronized (this.socket) {
					await(this.socket.sendBinary(ByteBuffer.wrap(new byte[] { 1, 2, 3 }), true));
				}
			}
			case UNKNOWN_COMMAND -> send("actions/result",
					JSON.createObjectNode().put("id", "sloppy-1").put("success", true));
			case DUPLICATE_REGISTRATION -> register(sloppy, SLOPPY_DESCRIPTION).register(sloppy, SLOPPY_DESCRIPTION);
			case CONFLICTING_REGISTRATION -> register(sloppy, SLOPPY_DESCRIPTION).register(sloppy, "Changed.");
			case DUPLICATE_NAME -> registerActions(JSON.createArrayNode()
				.add(definition(sloppy, SLOPPY_DESCRIPTION))
				.add(definition(sloppy, "Again.")));
			case EMPTY_REGISTRATION -> registerActions(JSON.createArrayNode());
			case INVALID_NAME -> register("Sloppy Name", SLOPPY_DESCRIPTION);
			case NO_DESCRIPTION -> register(sloppy, " ");
			case NULL_SCHEMA -> register(sloppy, SLOPPY_DESCRIPTION, "null");
			case ROOT_NOT_OBJECT -> register(sloppy, SLOPPY_DESCRIPTION, "{\"type\":\"string\"}");
			case UNSUPPORTED_KEYWORD -> register(sloppy, SLOPPY_DESCRIPTION, "{\"type\":\"object\",\"properties\":"
					+ "{\"text\":{\"type\":\"string\"}},\"additionalProperties\":false}");
			case UNKNOWN_REQUIRED -> register(sloppy, SLOPPY_DESCRIPTION, "{\"type\":\"object\",\"properties\":"
					+ "{\"text\":{\"type\":\"string\"}},\"required\":[\"txt\"]}");
			case INVALID_SCHEMA -> register(sloppy, SLOPPY_DESCRIPTION, "{\"type\":\"object\",\"properties\":"
					+ "{\"code\":{\"type\":\"string\",\"pattern\":\"[A-Z\"}}}");
			case UNIQUE_ITEMS -> register(sloppy, SLOPPY_DESCRIPTION, "{\"type\":\"object\",\"properties\":"
					+ "{\"cards\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"uniqueItems\":true}}}");
			case EMPTY_SCHEMA -> register(sloppy, SLOPPY_DESCRIPTION, "{}");
			case NO_PROPERTIES -> register(sloppy, SLOPPY_DESCRIPTION, "{\"type\":\"object\"}");
			case UNFILLABLE_SCHEMA -> register(sloppy, SLOPPY_DESCRIPTION, "{\"type\":\"object\",\"properties\":"
					+ "{\"dice\":{\"type\":\"integer\",\"minimum\":6,\"maximum\":1}},\"required\":[\"dice\"]}");
			case UNREGISTER_UNKNOWN -> unregister(sloppy);
			case UNREGISTER_INACTIVE -> register(sloppy, SLOPPY_DESCRIPTION).unregister(sloppy).unregister(sloppy);
			case EMPTY_UNREGISTER -> unregister();
			case EMPTY_FORCE -> force("Do nothing.");
			case FORCE_SOME_UNKNOWN -> force("Do something.", forceable(), sloppy);
			case FORCE_ALL_UNKNOWN -> force("Do something.", sloppy);
			case TWO_FORCES -> force("Do something.", forceable()).force("Do something else.", forceable());
			case UNEXPECTED_RESULT -> result("sloppy-never-sent", true, null);
			default -> {
				// The mistakes of results wait for the next action.
			}
		}
		return this;
	}

	/**
	 * Close the connection normally (1000), and wait a little for Neuro to answer.
	 */
	@Override
	public void close() {
		this.answers.shutdownNow();
		try {
			synchronized (this.socket) {
				await(this.socket.sendClose(WebSocket.NORMAL_CLOSURE, ""));
			}
			await(this.closedByNeuro);
		}
		catch (RuntimeException ex) {
			// Neuro is gone already, or did not answer: nothing is left to close politely.
		}
		finally {
			this.socket.abort();
		}
	}

	private void answer(JsonNode action) {
		String id = action.path("data").path("id").asString("");
		String name = action.path("data").path("name").asString("");
		Mistake mistake = this.nextAnswers.poll();
		if (mistake == null) {
			result(id, true, null);
			return;
		}
		switch (mistake) {
			case FORCE_WHILE_RESULT_PENDING -> force("Do it again.", name).result(id, true, null);
			case LATE_RESULT -> this.answers.schedule(() -> result(id, true, null), lateResultDelay().toMillis(),
					TimeUnit.MILLISECONDS);
			case FAILURE_WITHOUT_MESSAGE -> result(id, false, null);
			default -> {
				// MISSING_RESULT: no answer ever.
			}
		}
	}

	/** Late, and yet well before the timeout: twice the threshold, or halfway to the timeout if that is sooner. */
	private Duration lateResultDelay() {
		Duration twice = this.thresholds.lateResult().multipliedBy(2);
		Duration halfway = this.thresholds.lateResult()
			.plus(this.thresholds.resultTimeout().minus(this.thresholds.lateResult()).dividedBy(2));
		return (twice.compareTo(halfway) < 0) ? twice : halfway;
	}

	/** A registered action to force, registered now if there is none. */
	private String forceable() {
		if (this.registered.isEmpty()) {
			register("sloppy_forced", SLOPPY_DESCRIPTION);
		}
		return this.registered.iterator().next();
	}

	private SloppyGame result(String id, boolean success, @Nullable String message) {
		ObjectNode data = JSON.createObjectNode().put("id", id).put("success", success);
		if (message != null) {
			data.put("message", message);
		}
		send("action/result", data);
		return this;
	}

	private static void names(ObjectNode data, String... names) {
		ArrayNode array = data.putArray("action_names");
		for (String name : names) {
			array.add(name);
		}
	}

	private SloppyGame registerActions(ArrayNode actions) {
		ObjectNode data = JSON.createObjectNode();
		data.set("actions", actions);
		send("actions/register", data);
		actions.forEach((action) -> this.registered.add(action.path("name").asString("")));
		return this;
	}

	private static ObjectNode definition(String name, String description) {
		return JSON.createObjectNode().put("name", name).put("description", description);
	}

	private void send(String command, @Nullable JsonNode data) {
		sendText(message(command, this.game, data));
	}

	private static String message(String command, String game, @Nullable JsonNode data) {
		ObjectNode message = JSON.createObjectNode().put("command", command).put("game", game);
		if (data != null) {
			message.set("data", data);
		}
		return message.toString();
	}

	private static void pauseUntil(Instant when) {
		long millis = Duration.between(Instant.now(), when).toMillis();
		if (millis > 0) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static <T> T await(CompletionStage<T> stage) {
		try {
			return stage.toCompletableFuture().get(IO_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("The sloppy game's websocket failed", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("The sloppy game's websocket did not answer within " + IO_TIMEOUT, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A mistake the sloppy game can make, and the rule whose diagnostic it raises (once, if the game made no other
	 * mistake before).
	 */
	public enum Mistake {

		/** The first message is a context, not {@code startup}; commit it before anything else. */
		NO_STARTUP(DiagnosticRule.STARTUP_MISSING),

		/** {@code startup} twice the late-startup threshold after connecting; commit it before anything else. */
		LATE_STARTUP(DiagnosticRule.LATE_STARTUP),

		/** {@code startup} again. */
		TWO_STARTUPS(DiagnosticRule.SEVERAL_STARTUPS),

		/** A message under another game name. */
		RENAMED_GAME(DiagnosticRule.GAME_RENAMED),

		/** A frame that is not JSON. */
		NOT_JSON(LintRule.INVALID_MESSAGE),

		/** A context whose {@code silent} is not a boolean. */
		MALFORMED_MESSAGE(LintRule.INVALID_MESSAGE),

		/** A binary frame. */
		BINARY_FRAME(LintRule.BINARY_FRAME),

		/** {@code actions/result}, a typo of {@code action/result}. */
		UNKNOWN_COMMAND(LintRule.UNKNOWN_COMMAND),

		/** One action registered twice, identically. */
		DUPLICATE_REGISTRATION(DiagnosticRule.DUPLICATE_REGISTRATION),

		/** One action registered twice, differently. */
		CONFLICTING_REGISTRATION(DiagnosticRule.CONFLICTING_REGISTRATION),

		/** A registration with one name twice. */
		DUPLICATE_NAME(LintRule.DUPLICATE_NAME),

		/** A registration with no actions. */
		EMPTY_REGISTRATION(LintRule.EMPTY_REGISTRATION),

		/** An action named {@code Sloppy Name}. */
		INVALID_NAME(LintRule.INVALID_NAME),

		/** An action with a blank description. */
		NO_DESCRIPTION(LintRule.NO_DESCRIPTION),

		/** An action with {@code "schema": null}. */
		NULL_SCHEMA(LintRule.NULL_SCHEMA),

		/** An action whose schema is {@code {"type": "string"}}. */
		ROOT_NOT_OBJECT(LintRule.ROOT_NOT_OBJECT),

		/** An action whose schema has {@code additionalProperties}. */
		UNSUPPORTED_KEYWORD(LintRule.UNSUPPORTED_KEYWORD),

		/** An action whose schema requires a property it does not describe. */
		UNKNOWN_REQUIRED(LintRule.UNKNOWN_REQUIRED),

		/** An action whose schema has a {@code pattern} that is not a regular expression. */
		INVALID_SCHEMA(LintRule.INVALID_SCHEMA),

		/** An action whose schema has {@code uniqueItems}. */
		UNIQUE_ITEMS(LintRule.UNIQUE_ITEMS),

		/** An action whose schema is {@code {}}. */
		EMPTY_SCHEMA(LintRule.EMPTY_SCHEMA),

		/** An action whose schema is {@code {"type": "object"}}. */
		NO_PROPERTIES(LintRule.NO_PROPERTIES),

		/** An action whose schema requires an integer of at least 6 and at most 1. */
		UNFILLABLE_SCHEMA(LintRule.UNFILLABLE_SCHEMA),

		/** An action unregistered that was never registered. */
		UNREGISTER_UNKNOWN(DiagnosticRule.UNREGISTER_UNKNOWN),

		/** An action registered, then unregistered twice. */
		UNREGISTER_INACTIVE(DiagnosticRule.UNREGISTER_INACTIVE),

		/** An unregistration of no actions. */
		EMPTY_UNREGISTER(LintRule.EMPTY_UNREGISTER),

		/** A force of no actions. */
		EMPTY_FORCE(LintRule.EMPTY_FORCE),

		/** A force of a registered action and an unknown one; the force then waits for Neuro. */
		FORCE_SOME_UNKNOWN(DiagnosticRule.FORCE_SOME_UNKNOWN),

		/** A force of an unknown action only. */
		FORCE_ALL_UNKNOWN(DiagnosticRule.FORCE_ALL_UNKNOWN),

		/** Two forces of a registered action, one after the other; the forces then wait for Neuro. */
		TWO_FORCES(DiagnosticRule.SEVERAL_FORCES),

		/** The next action is answered only after a force of it. */
		FORCE_WHILE_RESULT_PENDING(DiagnosticRule.FORCE_WHILE_RESULT_PENDING, true),

		/** The next action is answered after twice the late-result threshold (or halfway to the timeout). */
		LATE_RESULT(DiagnosticRule.LATE_RESULT, true),

		/** The next action is never answered. */
		MISSING_RESULT(DiagnosticRule.RESULT_TIMEOUT, true),

		/** The next action is answered {@code success: false}, without a message. */
		FAILURE_WITHOUT_MESSAGE(LintRule.FAILURE_WITHOUT_MESSAGE, true),

		/** A result for an id Neuro never sent. */
		UNEXPECTED_RESULT(DiagnosticRule.UNEXPECTED_RESULT);

		private final String rule;

		private final boolean answersNextAction;

		Mistake(DiagnosticRule rule) {
			this(rule.id(), false);
		}

		Mistake(DiagnosticRule rule, boolean answersNextAction) {
			this(rule.id(), answersNextAction);
		}

		Mistake(LintRule rule) {
			this(rule.id(), false);
		}

		Mistake(LintRule rule, boolean answersNextAction) {
			this(rule.id(), answersNextAction);
		}

		Mistake(String rule, boolean answersNextAction) {
			this.rule = rule;
			this.answersNextAction = answersNextAction;
		}

		/**
		 * The id of the rule whose diagnostic the mistake raises.
		 * @return the rule's id, such as {@code several-forces}
		 */
		public String rule() {
			return this.rule;
		}

		/**
		 * Whether the mistake is made in answer to the next action Neuro sends, rather than at once.
		 * @return {@code true} for the mistakes of results
		 */
		public boolean answersNextAction() {
			return this.answersNextAction;
		}

	}

	/**
	 * Reads what Neuro sends: whole text frames, each action answered off the websocket's thread.
	 */
	private static final class Listener implements WebSocket.Listener {

		final CompletableFuture<SloppyGame> game = new CompletableFuture<>();

		final CompletableFuture<Void> closed = new CompletableFuture<>();

		private final ScheduledExecutorService answers;

		private final StringBuilder text = new StringBuilder();

		Listener(ScheduledExecutorService answers) {
			this.answers = answers;
		}

		@Override
		public @Nullable CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				String frame = this.text.toString();
				this.text.setLength(0);
				try {
					this.game.thenAcceptAsync((sloppy) -> received(sloppy, frame), this.answers);
				}
				catch (RejectedExecutionException ex) {
					// Closing: the game answers nothing more.
				}
			}
			socket.request(1);
			return null;
		}

		@Override
		public @Nullable CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
			this.closed.complete(null);
			return null;
		}

		@Override
		public void onError(WebSocket socket, Throwable error) {
			this.closed.complete(null);
		}

		private static void received(SloppyGame sloppy, String frame) {
			JsonNode message;
			try {
				message = JSON.readTree(frame);
			}
			catch (JacksonException ex) {
				// Whatever Neuro sent, it was no action.
				return;
			}
			if (message.path("command").asString("").equals("action")) {
				sloppy.answer(message);
			}
		}

	}

}
