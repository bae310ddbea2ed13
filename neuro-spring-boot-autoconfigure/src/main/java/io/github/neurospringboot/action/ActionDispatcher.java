package io.github.neurospringboot.action;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.protocol.ActionRequest;
import io.github.neurospringboot.registration.Registrations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

/**
 * Answers every action Neuro calls with exactly one {@code action/result}, on the connection it came on.
 *
 * <p>On the websocket thread it checks the call (a new id, a registered action the game can execute) and accepts
 * it; the {@link ActionInvoker} runs it on the action executor, or right there when the action never blocks. If the
 * action has not finished when the result deadline passes, Neuro is told it timed out and the late outcome is
 * discarded. When the application stops, the connection waits for the results still owed ({@link #awaitResults})
 * before it closes.
 *
 * <p>Policies: an id seen before on the same connection is not executed again; that call gets a failure saying so.
 * A name or id Neuro sent is quoted back in a result only up to its first 64 characters.
 */
public final class ActionDispatcher implements ActionRequestHandler, DisposableBean {

	private static final Log logger = LogFactory.getLog(ActionDispatcher.class);

	/** How much of a name or id Neuro sent is quoted back: enough to recognise it, never a flood. */
	private static final int QUOTED_LENGTH = 64;

	/** How long {@link #awaitResults} waits beyond the result deadline, for the last result to be sent. */
	private static final Duration SEND_GRACE = Duration.ofSeconds(1);

	private final ActionRegistry actions;

	private final Registrations registrations;

	private final ActionInvoker invoker;

	private final Executor executor;

	private final Duration resultTimeout;

	private final List<ActionObserver> observers;

	private final ResultDeadlines deadlines;

	/**
	 * Create a dispatcher.
	 * @param actions the executable actions
	 * @param registrations the actions registered with Neuro
	 * @param invoker runs a call
	 * @param executor runs actions off the websocket thread
	 * @param resultTimeout how long an action may take before Neuro is told it timed out
	 * @param observers follow each executed action, sorted by their {@link org.springframework.core.Ordered order}
	 */
	public ActionDispatcher(ActionRegistry actions, Registrations registrations, ActionInvoker invoker,
			Executor executor, Duration resultTimeout, List<ActionObserver> observers) {
		this.actions = actions;
		this.registrations = registrations;
		this.invoker = invoker;
		this.executor = executor;
		this.resultTimeout = resultTimeout;
		List<ActionObserver> sorted = new ArrayList<>(observers);
		AnnotationAwareOrderComparator.sort(sorted);
		this.observers = List.copyOf(sorted);
		this.deadlines = new ResultDeadlines(resultTimeout);
	}

	@Override
	public void handle(ActionRequest request, ConnectionCalls calls) {
		String id = request.id();
		if (id == null) {
			throw new IllegalArgumentException("An action without an id cannot be answered");
		}
		if (!calls.firstSight(id)) {
			calls.reply(ActionResult.failure("Action id " + quote(id) + " was already received on this connection: "
					+ "each action runs once, so this repeated call was ignored.").toMessage(id));
			return;
		}
		String name = request.name();
		ActionRegistry.Entry entry = (name != null) ? this.actions.find(name).orElse(null) : null;
		if (name == null || entry == null || !this.registrations.contains(name)) {
			calls.reply(ActionResult.failure(unavailable(name, entry != null)).toMessage(id));
			return;
		}
		// The future is the "exactly once": whoever completes it first (the action, the deadline) is sent.
		CompletableFuture<ActionResult> result = new CompletableFuture<>();
		ActionCall call = new ActionCall(id, name, calls.link());
		if (!calls.accept()) {
			// The application is stopping: the actions were unregistered, and this call crossed the goodbye.
			calls.reply(ActionResult.failure(unavailable(name, true)).toMessage(id));
			return;
		}
		notifyObservers((observer) -> observer.accepted(call));
		result.thenAccept((outcome) -> {
			notifyObservers((observer) -> observer.completing(call, outcome));
			calls.answer(call, outcome);
			notifyObservers((observer) -> observer.completed(call));
		});
		try {
			this.deadlines.watch(result, () -> ActionResult.timedOut("Action '" + name + "' timed out: the game did "
					+ "not finish it within " + describe(this.resultTimeout) + "."));
			if (entry.action().mayBlock()) {
				this.executor.execute(() -> run(entry, request, calls, call, result));
			}
			else {
				run(entry, request, calls, call, result);
			}
		}
		catch (RejectedExecutionException ex) {
			result.complete(ActionResult.failure("Action '" + name + "' could not start: the game is shutting down."));
		}
	}

	/**
	 * Wait until every call accepted on the connection has its result sent: at most the result deadline (by then each
	 * has its result, timed out if need be) and a moment to send it.
	 * @param calls the calls of the connection about to be closed
	 */
	@Override
	public void awaitResults(ConnectionCalls calls) {
		int unsent = calls.awaitAnswered(this.resultTimeout.plus(SEND_GRACE));
		if (unsent > 0) {
			logger.warn(unsent + " action result(s) were not sent before the connection to Neuro closed");
		}
	}

	/**
	 * Stop firing deadlines. Results of actions still running are not sent.
	 */
	@Override
	public void destroy() {
		this.deadlines.close();
	}

	private void run(ActionRegistry.Entry entry, ActionRequest request, ConnectionCalls calls, ActionCall call,
			CompletableFuture<ActionResult> result) {
		List<ActionObserver.Scope> scopes = openScopes(call);
		CompletableFuture<ActionResult> outcome;
		try {
			outcome = this.invoker.invoke(entry, request, calls.session());
		}
		finally {
			closeScopes(scopes);
		}
		if (outcome.isDone()) {
			// The usual case, without another stage: the method returned its result.
			settle(call, result, outcome.join());
		}
		else {
			outcome.thenAccept((finished) -> settle(call, result, finished));
		}
	}

	private static void settle(ActionCall call, CompletableFuture<ActionResult> result, ActionResult finished) {
		if (!result.complete(finished)) {
			logger.warn("Action '" + call.name() + "' (id " + call.id() + ") finished after its result "
					+ "deadline; Neuro was told it timed out, and this outcome was discarded: " + finished);
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

	private String unavailable(@Nullable String name, boolean known) {
		if (name == null) {
			return "Action failed: the call named no action.";
		}
		if (known || this.registrations.wasUnregistered(name)) {
			return "Action " + quote(name) + " is no longer available.";
		}
		if (this.registrations.contains(name)) {
			return "Action " + quote(name) + " cannot be executed: the game registered it without a handler.";
		}
		List<String> available = this.registrations.definitions().stream().map(ActionDefinition::name).toList();
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

	private static String describe(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

}
