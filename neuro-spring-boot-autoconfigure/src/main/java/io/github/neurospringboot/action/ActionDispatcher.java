package io.github.neurospringboot.action;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.neurospringboot.client.ActionRequestHandler;
import io.github.neurospringboot.client.RegisteredActions;
import io.github.neurospringboot.connection.NeuroLink;
import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.protocol.ActionRequest;
import io.github.neurospringboot.protocol.NeuroSession;
import io.github.neurospringboot.schema.SchemaViolation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.DisposableBean;

/**
 * Answers every action Neuro calls with exactly one {@code action/result}, on the connection it came on.
 *
 * <p>On the websocket thread it only looks the action up; everything else runs on the action executor: parse the
 * {@code data} string (absent or blank means no parameters), validate it against the schema that was advertised,
 * execute, convert the outcome. A failure caused by bad data says how to succeed: the parameter, the rule, the
 * allowed values. If the action has not finished when the result deadline passes, Neuro is told it timed out and the
 * late outcome is discarded. When the application stops, the connection waits for the results still pending
 * ({@link #awaitResults}) before it closes.
 *
 * <p>Policies: extra parameters Neuro sends are ignored. An id seen before on the same connection is not executed
 * again; that call gets a failure saying so (ids are scoped to a connection because servers restart their
 * numbering; the latest 1,000,000 ids of a connection are remembered). A name or id Neuro sent is quoted back in a
 * result only up to its first 64 characters.
 */
public final class ActionDispatcher implements ActionRequestHandler, DisposableBean {

	private static final Log logger = LogFactory.getLog(ActionDispatcher.class);

	/** How much of a name or id Neuro sent is quoted back: enough to recognise it, never a flood. */
	private static final int QUOTED_LENGTH = 64;

	/**
	 * How many actions of one connection may wait for their result at once; beyond that the game stops reading until
	 * one is answered, so that results never pile up faster than they can be sent.
	 */
	static final int MAX_UNANSWERED = 1024;

	private static final long ADMISSION_RECHECK_MILLIS = 50;

	/** How long {@link #awaitResults} waits beyond the result deadline, for the last result to be sent. */
	private static final Duration SEND_GRACE = Duration.ofSeconds(1);

	private final ActionRegistry actions;

	private final RegisteredActions registered;

	private final ActionResultConverter converter;

	private final Executor executor;

	private final Duration resultTimeout;

	private final JsonMapper mapper;

	private final Supplier<Optional<NeuroSession>> session;

	private final List<ActionObserver> observers;

	private final ResultDeadlines deadlines;

	/** Weak keys: a closed link's ids go with it. */
	private final Map<NeuroLink, SeenActionIds> seenIds = Collections.synchronizedMap(new WeakHashMap<>());

	/** How many accepted actions have no result sent yet, per link; links with none are absent. Its own lock. */
	private final Map<NeuroLink, Integer> pendingResults = new HashMap<>();

	/**
	 * Create a dispatcher.
	 * @param actions the executable actions
	 * @param registered the actions registered with Neuro right now
	 * @param converter turns outcomes into results
	 * @param executor runs actions off the websocket thread
	 * @param resultTimeout how long an action may take before Neuro is told it timed out
	 * @param mapper parses the parameters
	 * @param session who is playing
	 * @param observers follow each executed action, in this order
	 */
	public ActionDispatcher(ActionRegistry actions, RegisteredActions registered, ActionResultConverter converter,
			Executor executor, Duration resultTimeout, JsonMapper mapper, Supplier<Optional<NeuroSession>> session,
			List<ActionObserver> observers) {
		this.actions = actions;
		this.registered = registered;
		this.converter = converter;
		this.executor = executor;
		this.resultTimeout = resultTimeout;
		this.mapper = mapper;
		this.session = session;
		this.observers = List.copyOf(observers);
		this.deadlines = new ResultDeadlines(resultTimeout);
	}

	@Override
	public void handle(ActionRequest request, NeuroLink link) {
		String id = request.id();
		if (id == null) {
			throw new IllegalArgumentException("An action without an id cannot be answered");
		}
		if (!firstSight(link, id)) {
			link.send(ActionResult.failure("Action id " + quote(id) + " was already received on this connection: each "
					+ "action runs once, so this repeated call was ignored.").toMessage(id));
			return;
		}
		String name = request.name();
		ActionRegistry.Entry entry = (name != null) ? this.actions.find(name).orElse(null) : null;
		if (name == null || entry == null || !this.registered.contains(name)) {
			link.send(ActionResult.failure(unavailable(name, entry != null)).toMessage(id));
			return;
		}
		// The future is the "exactly once": whoever completes it first (the action, the deadline) is sent.
		CompletableFuture<ActionResult> result = new CompletableFuture<>();
		ActionCall call = new ActionCall(id, name, link);
		awaitAdmission(link);
		countPending(link, 1);
		notifyObservers((observer) -> observer.accepted(call));
		result.thenAccept((outcome) -> {
			notifyObservers((observer) -> observer.completing(call, outcome));
			link.send(outcome.toMessage(id));
			countPending(link, -1);
			notifyObservers((observer) -> observer.completed(call));
		});
		try {
			this.deadlines.watch(result, () -> ActionResult.timedOut("Action '" + name + "' timed out: the game did "
					+ "not finish it within " + describe(this.resultTimeout) + "."));
			this.executor.execute(() -> run(entry, request, call, result));
		}
		catch (RejectedExecutionException ex) {
			result.complete(ActionResult.failure("Action '" + name + "' could not start: the game is shutting down."));
		}
	}

	/** An observer's failure must never cost Neuro her result. */
	private void notifyObservers(Consumer<ActionObserver> notification) {
		for (ActionObserver observer : this.observers) {
			try {
				notification.accept(observer);
			}
			catch (RuntimeException ex) {
				logger.error("An action observer failed", ex);
			}
		}
	}

	/**
	 * Wait until every action accepted on the link has its result sent: at most the result deadline (by then each
	 * has its result, timed out if need be) and a moment to send it.
	 * @param link the link about to be closed
	 */
	@Override
	public void awaitResults(NeuroLink link) {
		long deadline = System.nanoTime() + this.resultTimeout.plus(SEND_GRACE).toNanos();
		synchronized (this.pendingResults) {
			while (this.pendingResults.containsKey(link)) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					logger.warn(this.pendingResults.get(link) + " action result(s) were not sent before the "
							+ "connection to Neuro closed");
					return;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.pendingResults, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * Back-pressure: while the link has {@link #MAX_UNANSWERED} actions without a result, wait (this runs on the
	 * thread that reads the link, so Neuro's further frames wait in the network until results have left).
	 */
	private void awaitAdmission(NeuroLink link) {
		synchronized (this.pendingResults) {
			while (this.pendingResults.getOrDefault(link, 0) >= MAX_UNANSWERED && link.isOpen()) {
				try {
					// Timed, to notice a link that closed meanwhile.
					this.pendingResults.wait(ADMISSION_RECHECK_MILLIS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private void countPending(NeuroLink link, int change) {
		synchronized (this.pendingResults) {
			int pending = this.pendingResults.getOrDefault(link, 0) + change;
			if (pending == 0) {
				this.pendingResults.remove(link);
			}
			else {
				this.pendingResults.put(link, pending);
			}
			// Wake whoever waits for no result pending (closing), or for room to admit one more action.
			if (pending == 0 || pending == MAX_UNANSWERED - 1) {
				this.pendingResults.notifyAll();
			}
		}
	}

	/**
	 * Stop firing deadlines. Results of actions still running are not sent.
	 */
	@Override
	public void destroy() {
		this.deadlines.close();
	}

	private void run(ActionRegistry.Entry entry, ActionRequest request, ActionCall call,
			CompletableFuture<ActionResult> result) {
		List<ActionObserver.Scope> scopes = openScopes(call);
		ActionResult outcome;
		try {
			outcome = execute(entry, request, call.id(), call.name(), result);
		}
		finally {
			closeScopes(scopes);
		}
		if (outcome != null) {
			finish(result, outcome, call.id(), call.name());
		}
	}

	/**
	 * Parse, validate and invoke.
	 * @return the outcome, or {@code null} when the method returned a {@code CompletionStage}, which completes the
	 * result itself
	 */
	private @Nullable ActionResult execute(ActionRegistry.Entry entry, ActionRequest request, String id, String name,
			CompletableFuture<ActionResult> result) {
		ObjectNode parameters;
		try {
			parameters = parameters(request.data(), name);
		}
		catch (InvalidParametersException ex) {
			return ActionResult.failure(ex.getMessage());
		}
		if (entry.validator() != null) {
			List<SchemaViolation> violations = entry.validator().validate(parameters);
			if (!violations.isEmpty()) {
				return ActionResult.failure("Action failed: invalid parameters for '" + name + "'. "
						+ violations.stream().map(SchemaViolation::message).collect(Collectors.joining(" ")));
			}
		}
		ActionContext context = new ActionContext(id, name, request.data(), parameters, this.session.get());
		try {
			Object value = entry.action().execute(context);
			if (value instanceof CompletionStage<?> stage) {
				stage.whenComplete((asyncValue, failure) -> finish(result, outcome(asyncValue, failure, context), id,
						name));
				return null;
			}
			return this.converter.fromValue(value);
		}
		catch (Throwable ex) {
			return outcome(null, ex, context);
		}
	}

	/** Each observer's scope, in their order; an observer that fails to open one is left out. */
	private List<ActionObserver.Scope> openScopes(ActionCall call) {
		List<ActionObserver.Scope> scopes = new ArrayList<>(this.observers.size());
		notifyObservers((observer) -> scopes.add(observer.running(call)));
		return scopes;
	}

	/** In the reverse order of their opening. */
	private static void closeScopes(List<ActionObserver.Scope> scopes) {
		for (int i = scopes.size() - 1; i >= 0; i--) {
			try {
				scopes.get(i).close();
			}
			catch (RuntimeException ex) {
				logger.error("An action observer failed", ex);
			}
		}
	}

	private ActionResult outcome(@Nullable Object value, @Nullable Throwable failure, ActionContext context) {
		if (failure != null) {
			Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
					? failure.getCause() : failure;
			return this.converter.fromFailure(cause, context);
		}
		try {
			return this.converter.fromValue(value);
		}
		catch (RuntimeException ex) {
			return this.converter.fromFailure(ex, context);
		}
	}

	private static void finish(CompletableFuture<ActionResult> result, ActionResult outcome, String id, String name) {
		if (!result.complete(outcome)) {
			logger.warn("Action '" + name + "' (id " + id + ") finished after its result "
					+ "deadline; Neuro was told it timed out, and this outcome was discarded: " + outcome);
		}
	}

	private ObjectNode parameters(@Nullable String data, String name) {
		if (data == null || data.isBlank()) {
			return this.mapper.createObjectNode();
		}
		JsonNode node;
		try {
			node = this.mapper.readTree(data);
		}
		catch (JacksonException ex) {
			// The parser's own words (a character code, a column) mean nothing to Neuro, who reads this on stream.
			throw new InvalidParametersException("Action failed: the parameters of '" + name + "' were not valid "
					+ "JSON. Send one JSON object, with names and text in double quotes, such as " + example(name)
					+ ".");
		}
		if (!(node instanceof ObjectNode object)) {
			throw new InvalidParametersException("Action failed: the parameters of '" + name + "' must be one JSON "
					+ "object, such as " + example(name) + ", but were " + describe(node) + ".");
		}
		return object;
	}

	/** A skeleton of the parameters, with the property names of the action's schema, to show the expected shape. */
	private String example(String name) {
		ActionDefinition definition = this.actions.find(name).map((entry) -> entry.action().definition()).orElse(null);
		if (definition == null || definition.schema() == null) {
			return "{}";
		}
		List<String> properties = definition.schema().path("properties").propertyNames().stream().toList();
		return properties.stream().map((property) -> "\"" + property + "\": …")
			.collect(Collectors.joining(", ", "{", "}"));
	}

	private String unavailable(@Nullable String name, boolean known) {
		if (name == null) {
			return "Action failed: the call named no action.";
		}
		if (known || this.registered.wasUnregistered(name)) {
			return "Action " + quote(name) + " is no longer available.";
		}
		if (this.registered.contains(name)) {
			return "Action " + quote(name) + " cannot be executed: the game registered it without a handler.";
		}
		List<String> available = this.registered.definitions().stream().map(ActionDefinition::name).toList();
		return "Unknown action " + quote(name) + "." + (available.isEmpty() ? " No actions are available right now."
				: " Available actions: " + String.join(", ", available) + ".");
	}

	/**
	 * A name or id Neuro sent, in quotes, cut short when long. The ellipsis goes outside the quotes, where it cannot
	 * be taken for part of the text.
	 */
	private static String quote(String text) {
		if (text.codePointCount(0, text.length()) <= QUOTED_LENGTH) {
			return "'" + text + "'";
		}
		return "'" + text.substring(0, text.offsetByCodePoints(0, QUOTED_LENGTH)) + "'…";
	}

	private boolean firstSight(NeuroLink link, String id) {
		return this.seenIds.computeIfAbsent(link, (key) -> new SeenActionIds()).add(id);
	}

	private static String describe(JsonNode node) {
		return switch (node.getNodeType()) {
			case ARRAY -> "an array";
			case NULL -> "null";
			case STRING -> "a string";
			case BOOLEAN -> "a boolean";
			case NUMBER -> "a number";
			default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
		};
	}

	private static String describe(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

	/** Parameters that are not one JSON object; the message is meant for Neuro. */
	private static final class InvalidParametersException extends RuntimeException {

		InvalidParametersException(String message) {
			super(message);
		}

	}

}
