package io.github.neurospringboot.test.diagnostics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.neurospringboot.test.lint.LintFinding;
import io.github.neurospringboot.test.lint.LintRule;
import io.github.neurospringboot.test.lint.MessageLint;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one connection has said so far, and the rules over it ({@link DiagnosticRule}): the game's name, its
 * startups, what is registered, the force Neuro is working on, and the actions whose result she waits for. Every
 * message is linted too ({@link MessageLint}); one that is malformed, or of a command Neuro does not know, is
 * ignored by the rules, as the real server ignores it. Used only while its engine is feeding.
 */
final class Conversation {

	/** Each rule is reported at most this many times per connection, so that a game stuck in a mistake is not news. */
	static final int REPORTS_PER_RULE = 100;

	private static final JsonMapper JSON = JsonMapper.shared();

	/** Longer frames are cut short in messages. */
	private static final int EXCERPT_LENGTH = 200;

	private final DiagnosticsEngine engine;

	private final DiagnosticSettings settings;

	private final String connection;

	private final Instant openedAt;

	/** The game's name, as it first called itself; {@code ""} until then. */
	private String game = "";

	/** The name it called itself by last. */
	private String lastName = "";

	/** Whether a message the rules read has come yet. */
	private boolean spoken;

	private int startups;

	private final Map<String, JsonNode> registered = new HashMap<>();

	private final Set<String> everRegistered = new HashSet<>();

	/** Whether Neuro asked for {@code actions/reregister_all}, which makes the next identical registration right. */
	private boolean reregisterAsked;

	private @Nullable Force force;

	/** The actions whose result Neuro waits for, by id; an id Neuro repeats waits for as many results. */
	private final Map<String, Deque<Call>> calls = new LinkedHashMap<>();

	/** Counts what crosses the connection, to tell what came before what. */
	private long sequence;

	private final Map<String, Integer> reports = new HashMap<>();

	private boolean closed;

	Conversation(DiagnosticsEngine engine, String connection, Instant openedAt) {
		this.engine = engine;
		this.settings = engine.settings();
		this.connection = connection;
		this.openedAt = openedAt;
	}

	String connection() {
		return this.connection;
	}

	void fromGame(String text, Instant at) {
		if (!counted()) {
			return;
		}
		JsonNode message = parse(text);
		if (message == null) {
			report(LintRule.INVALID_MESSAGE, "", "A frame is not JSON: " + excerpt(text) + ". Send each message as"
					+ " one JSON object, such as {\"command\": \"startup\", \"game\": \"My Game\"}.", text, "", at);
			return;
		}
		noteName(message, text, at);
		String command = message.path("command").asString("");
		List<LintFinding> findings = MessageLint.lint(message);
		for (LintFinding finding : findings) {
			String action = (finding.rule() == LintRule.FAILURE_WITHOUT_MESSAGE)
					? awaitedName(message.path("data").path("id").asString("")) : finding.action();
			report(finding.rule(), action, finding.message(), text, finding.path(), at);
		}
		if (findings.stream()
			.noneMatch((finding) -> finding.rule() == LintRule.INVALID_MESSAGE
					|| finding.rule() == LintRule.UNKNOWN_COMMAND)) {
			converse(command, message.path("data"), text, at);
		}
	}

	void binaryFromGame(Instant at) {
		if (!counted()) {
			return;
		}
		report(LintRule.BINARY_FRAME, "", "The game sent a binary frame; Neuro accepts text frames only: send each"
				+ " message as a text frame.", null, "", at);
	}

	void fromNeuro(String text, Instant at) {
		if (!counted()) {
			return;
		}
		JsonNode message = parse(text);
		if (message == null) {
			// What Neuro sends wrong is not the game's mistake.
			return;
		}
		switch (message.path("command").asString("")) {
			case "action" -> {
				JsonNode id = message.path("data").path("id");
				if (id.isString()) {
					this.calls.computeIfAbsent(id.stringValue(), (key) -> new ArrayDeque<>())
						.add(new Call(id.stringValue(), message.path("data").path("name").asString(""), text, at,
								this.sequence));
				}
			}
			case "actions/reregister_all" -> this.reregisterAsked = true;
			default -> {
				// Nothing else Neuro sends makes the game owe her anything.
			}
		}
	}

	/** Count a frame of this conversation, unless it is over. */
	private boolean counted() {
		if (this.closed) {
			return false;
		}
		this.sequence++;
		return true;
	}

	/** The frame parsed, or {@code null} when it is not JSON. */
	private static @Nullable JsonNode parse(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	void tick(Instant now) {
		for (Deque<Call> waiting : this.calls.values()) {
			for (Call call : waiting) {
				if (!call.overdue && Duration.between(call.sentAt, now).compareTo(this.settings.resultTimeout()) > 0) {
					overdue(call, now);
				}
			}
		}
	}

	void close() {
		this.closed = true;
		this.calls.clear();
		this.force = null;
	}

	// --- the rules --------------------------------------------------------------------------------------------------

	private void noteName(JsonNode message, String text, Instant at) {
		JsonNode name = message.path("game");
		if (!name.isString() || name.stringValue().isBlank()) {
			return;
		}
		if (this.game.isEmpty()) {
			this.game = name.stringValue();
		}
		else if (!name.stringValue().equals(this.lastName)) {
			report(DiagnosticRule.GAME_RENAMED, "", "The game called itself '" + name.stringValue() + "' on a"
					+ " connection where it was '" + this.lastName + "': send the same game name in every message.",
					text, "/game", at);
		}
		this.lastName = name.stringValue();
	}

	private void converse(String command, JsonNode data, String text, Instant at) {
		if (!this.spoken) {
			this.spoken = true;
			if (!command.equals("startup")) {
				report(DiagnosticRule.STARTUP_MISSING, "", "The first message on this connection was '" + command
						+ "', not 'startup': send startup first on every connection (after each reconnect too), because"
						+ " it tells Neuro which game is there and clears the actions it registered before.", text,
						"/command", at);
			}
		}
		switch (command) {
			case "startup" -> startup(text, at);
			case "actions/register" -> register(data.path("actions"), text, at);
			case "actions/unregister" -> unregister(data.path("action_names"), text, at);
			case "actions/force" -> force(data.path("action_names"), text, at);
			case "action/result" -> result(data, text, at);
			default -> {
				// context and shutdown/ready are right whenever they come.
			}
		}
	}

	private void startup(String text, Instant at) {
		this.startups++;
		Duration after = Duration.between(this.openedAt, at);
		if (this.startups > 1) {
			report(DiagnosticRule.SEVERAL_STARTUPS, "", "The game sent startup again on this connection (startup "
					+ this.startups + "): send it once per connection, as the first message, because each startup"
					+ " clears the game's actions and may reset Neuro's state.", text, "/command", at);
		}
		else if (after.compareTo(this.settings.lateStartup()) > 0) {
			report(DiagnosticRule.LATE_STARTUP, "", "The game sent startup " + millis(after) + " ms after"
					+ " connecting, more than " + this.settings.lateStartup().toMillis() + " ms: send it as soon as the"
					+ " connection opens, before anything else.", text, "/command", at);
		}
		this.registered.clear();
		this.force = null;
	}

	private void register(JsonNode actions, String text, Instant at) {
		// Against what was registered before this message: a name twice in it is the lint's duplicate-name.
		Map<String, JsonNode> before = new HashMap<>(this.registered);
		for (int i = 0; i < actions.size(); i++) {
			JsonNode action = actions.get(i);
			JsonNode name = action.path("name");
			if (!name.isString()) {
				continue;
			}
			JsonNode old = before.get(name.stringValue());
			String pointer = "/data/actions/" + i;
			if (old != null && old.equals(action) && !this.reregisterAsked) {
				report(DiagnosticRule.DUPLICATE_REGISTRATION, name.stringValue(), "'" + name.stringValue() + "' was"
						+ " registered again with the same definition while it was registered: drop the repeat, which"
						+ " only makes Neuro read the action again.", text, pointer, at);
			}
			else if (old != null && !old.equals(action)) {
				report(DiagnosticRule.CONFLICTING_REGISTRATION, name.stringValue(), "'" + name.stringValue() + "' was"
						+ " registered again with a different definition while the first was registered: servers"
						+ " differ on which one they keep, so unregister it first, then register the new definition.",
						text, pointer, at);
			}
			this.registered.put(name.stringValue(), action);
			this.everRegistered.add(name.stringValue());
		}
		this.reregisterAsked = false;
	}

	private void unregister(JsonNode names, String text, Instant at) {
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i).stringValue();
			String pointer = "/data/action_names/" + i;
			if (this.registered.remove(name) != null) {
				continue;
			}
			if (this.everRegistered.contains(name)) {
				report(DiagnosticRule.UNREGISTER_INACTIVE, name, "'" + name + "' was unregistered, but it was not"
						+ " registered any more: drop the repeat.", text, pointer, at);
			}
			else {
				report(DiagnosticRule.UNREGISTER_UNKNOWN, name, "'" + name + "' was unregistered, but it was never"
						+ " registered on this connection, a sign that the game's idea of its actions is out of step"
						+ " with Neuro's (after a reconnect, say): unregister only what was registered since the last"
						+ " startup.", text, pointer, at);
			}
		}
		if (this.force != null && this.force.names.stream().noneMatch(this.registered::containsKey)) {
			// Neuro cannot do any of its actions now: the force is over.
			this.force = null;
		}
	}

	private void force(JsonNode names, String text, Instant at) {
		List<String> known = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		names.forEach((name) -> (this.registered.containsKey(name.stringValue()) ? known : unknown)
			.add(name.stringValue()));
		if (known.isEmpty()) {
			if (!unknown.isEmpty()) {
				report(DiagnosticRule.FORCE_ALL_UNKNOWN, "", "The force names only actions that are not registered ("
						+ quoted(unknown) + "), so Neuro cannot act on it: register the actions before forcing them.",
						text, "/data/action_names", at);
			}
			return;
		}
		if (!unknown.isEmpty()) {
			report(DiagnosticRule.FORCE_SOME_UNKNOWN, "", "The force names actions that are not registered ("
					+ quoted(unknown) + "), and Neuro can choose only among registered ones: register them before the"
					+ " force, or leave them out of action_names.", text, "/data/action_names", at);
		}
		if (this.force != null) {
			report(DiagnosticRule.SEVERAL_FORCES, "", "The game forced actions while its force of "
					+ quoted(List.copyOf(this.force.names)) + " still waited for Neuro: force one thing at a time, and"
					+ " send the next force after a successful result for the one before (or once its actions are"
					+ " unregistered).", text, "", at);
		}
		Call awaited = awaited();
		if (awaited != null) {
			report(DiagnosticRule.FORCE_WHILE_RESULT_PENDING, awaited.name, "The game forced actions while Neuro"
					+ " waited for the result of '" + awaited.name + "' (id " + awaited.id + "): send the result"
					+ " first, then the force.", text, "", at);
		}
		this.force = new Force(Set.copyOf(known), this.sequence);
	}

	private void result(JsonNode data, String text, Instant at) {
		String id = data.path("id").stringValue();
		Deque<Call> waiting = this.calls.get(id);
		Call call = (waiting != null) ? waiting.poll() : null;
		if (waiting != null && waiting.isEmpty()) {
			this.calls.remove(id);
		}
		if (call == null) {
			report(DiagnosticRule.UNEXPECTED_RESULT, "", "The game sent a result for id '" + id + "', which Neuro"
					+ " is not waiting for (she never sent it, or it was answered already): send one result per"
					+ " action, with that action's id.", text, "/data/id", at);
			return;
		}
		Duration took = Duration.between(call.sentAt, at);
		if (!call.overdue && took.compareTo(this.settings.resultTimeout()) > 0) {
			overdue(call, at);
		}
		else if (!call.overdue && took.compareTo(this.settings.lateResult()) > 0) {
			report(DiagnosticRule.LATE_RESULT, call.name, "The result of '" + call.name + "' (id " + id + ") came "
					+ millis(took) + " ms after the action, more than " + this.settings.lateResult().toMillis()
					+ " ms, and Neuro is frozen while she waits: answer as soon as the parameters are checked, and"
					+ " report slow work later with a context message.", text, "", at);
		}
		if (data.path("success").booleanValue() && resolves(call)) {
			this.force = null;
		}
	}

	/** Neuro waited too long for a result: she takes the action as failed, and a force with it as over. */
	private void overdue(Call call, Instant at) {
		call.overdue = true;
		report(DiagnosticRule.RESULT_TIMEOUT, call.name, "Neuro waited more than "
				+ this.settings.resultTimeout().toMillis() + " ms for the result of '" + call.name + "' (id " + call.id
				+ "), frozen: send exactly one result for every action, as soon as its parameters are checked.",
				call.frame, "", at);
		if (resolves(call)) {
			this.force = null;
		}
	}

	/** Whether the call answers the force: one of its actions, sent after it. */
	private boolean resolves(Call call) {
		return this.force != null && this.force.names.contains(call.name) && call.sequence > this.force.sequence;
	}

	/** The oldest action whose result Neuro still waits for. */
	private @Nullable Call awaited() {
		return this.calls.values()
			.stream()
			.flatMap(Deque::stream)
			.filter((call) -> !call.overdue)
			.findFirst()
			.orElse(null);
	}

	private String awaitedName(String id) {
		Deque<Call> waiting = this.calls.get(id);
		return (waiting != null && !waiting.isEmpty()) ? waiting.peek().name : "";
	}

	private void report(LintRule rule, String action, String message, @Nullable String frame, String pointer,
			Instant at) {
		report(rule.id(), Severity.valueOf(rule.severity().name()), action, message, frame, pointer, at);
	}

	private void report(DiagnosticRule rule, String action, String message, @Nullable String frame, String pointer,
			Instant at) {
		report(rule.id(), rule.severity(), action, message, frame, pointer, at);
	}

	private void report(String rule, Severity severity, String action, String message, @Nullable String frame,
			String pointer, Instant at) {
		int count = this.reports.merge(rule, 1, Integer::sum);
		if (count > REPORTS_PER_RULE) {
			return;
		}
		String said = (count < REPORTS_PER_RULE) ? message
				: message + " (Reported " + REPORTS_PER_RULE + " times on this connection; later ones are not.)";
		this.engine.raise(rule, severity, said, this.game, this.connection, action, frame, pointer, at);
	}

	/** Rounded up, so that what is over a threshold never reads as equal to it. */
	private static long millis(Duration duration) {
		return (duration.toNanos() + 999_999) / 1_000_000;
	}

	private static String quoted(List<String> names) {
		return "'" + String.join("', '", names) + "'";
	}

	private static String excerpt(String text) {
		return (text.length() <= EXCERPT_LENGTH) ? text : text.substring(0, EXCERPT_LENGTH) + "…";
	}

	/** A force Neuro works on: its registered actions, and when it came. */
	private record Force(Set<String> names, long sequence) {
	}

	/** An action whose result Neuro waits for. */
	private static final class Call {

		final String id;

		final String name;

		final String frame;

		final Instant sentAt;

		final long sequence;

		/** Whether {@code result-timeout} was raised for it: Neuro no longer waits. */
		boolean overdue;

		Call(String id, String name, String frame, Instant sentAt, long sequence) {
			this.id = id;
			this.name = name;
			this.frame = frame;
			this.sentAt = sentAt;
			this.sequence = sequence;
		}

	}

}
