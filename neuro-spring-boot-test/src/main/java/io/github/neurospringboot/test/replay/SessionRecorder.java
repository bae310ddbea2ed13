package io.github.neurospringboot.test.replay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.neurospringboot.test.replay.SessionScript.ActionStep;
import io.github.neurospringboot.test.replay.SessionScript.ContextStep;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records one connection's session as a {@link SessionScript}: fed the frames both ways in the order they crossed,
 * it keeps each action Neuro sent with the result the game gave, and each context the game sent, in order. Knows
 * nothing of websockets, so any server can feed it (the embedded Neuro feeds one per connection). Thread-safe.
 */
public final class SessionRecorder {

	private static final JsonMapper JSON = JsonMapper.shared();

	/** What happened, in order; an action's result fills it in later. */
	private final List<Recorded> recorded = new ArrayList<>();

	/** The actions still waiting for their result, by id. */
	private final Map<String, Deque<Recorded>> waiting = new HashMap<>();

	private String game = "";

	/**
	 * Neuro sent a text frame: an action is recorded.
	 * @param text the frame
	 */
	public synchronized void fromNeuro(String text) {
		JsonNode message = parse(text);
		JsonNode data = (message != null) ? message.path("data") : null;
		if (data == null || !message.path("command").asString("").equals("action") || !data.path("id").isString()) {
			return;
		}
		JsonNode parameters = data.path("data");
		Recorded action = new Recorded(data.path("name").asString(""), parameters.isString()
				? parameters.stringValue() : ((parameters.isMissingNode() || parameters.isNull()) ? null
						: parameters.toString()));
		this.recorded.add(action);
		this.waiting.computeIfAbsent(data.path("id").stringValue(), (id) -> new ArrayDeque<>()).add(action);
	}

	/**
	 * The game sent a text frame: a result or a context is recorded.
	 * @param text the frame
	 */
	public synchronized void fromGame(String text) {
		JsonNode message = parse(text);
		if (message == null) {
			return;
		}
		if (this.game.isEmpty() && message.path("game").isString()) {
			this.game = message.path("game").stringValue();
		}
		JsonNode data = message.path("data");
		switch (message.path("command").asString("")) {
			case "context" -> {
				if (data.path("message").isString()) {
					this.recorded.add(new Recorded(new ContextStep(data.path("message").stringValue(),
							data.path("silent").booleanValue(false))));
				}
			}
			case "action/result" -> {
				Deque<Recorded> actions = this.waiting.get(data.path("id").asString(""));
				Recorded action = (actions != null) ? actions.poll() : null;
				if (action != null && data.path("success").isBoolean()) {
					JsonNode said = data.path("message");
					action.answered(data.path("success").booleanValue(), said.isString() ? said.stringValue() : null);
				}
			}
			default -> {
				// Nothing else is part of a script.
			}
		}
	}

	/**
	 * The session so far: every context, and every action the game has answered (those it has not are left out).
	 * @return the script
	 */
	public synchronized SessionScript script() {
		return new SessionScript(this.game, this.recorded.stream()
			.map(Recorded::step)
			.filter(Objects::nonNull)
			.toList());
	}

	private static @Nullable JsonNode parse(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** A step as it is being recorded: an action is a step once answered. */
	private static final class Recorded {

		private final String action;

		private final @Nullable String data;

		private SessionScript.@Nullable Step step;

		Recorded(String action, @Nullable String data) {
			this.action = action;
			this.data = data;
		}

		Recorded(ContextStep context) {
			this.action = "";
			this.data = null;
			this.step = context;
		}

		void answered(boolean success, @Nullable String message) {
			this.step = new ActionStep(this.action, this.data, success, message);
		}

		SessionScript.@Nullable Step step() {
			return this.step;
		}

	}

}
