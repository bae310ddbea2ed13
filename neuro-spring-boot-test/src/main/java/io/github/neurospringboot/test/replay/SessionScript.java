package io.github.neurospringboot.test.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A session between Neuro and a game, as a script a test can replay: the actions Neuro sent and the results the game
 * gave, in order, and the contexts the game sent between them. Written as JSON (README's "A session becomes a test"
 * describes the format):
 *
 * <pre>{@code
 * {
 *   "version": 1,
 *   "game": "Dice",
 *   "steps": [
 *     {"context": "Your turn.", "silent": true},
 *     {"action": "roll", "data": {"dice": 2}, "result": {"success": true, "message": "You rolled 7."}},
 *     {"action": "roll", "data": "two dice", "result": {"success": false, "message": "Action failed: ..."}}
 *   ]
 * }
 * }</pre>
 *
 * @param game the game's name, as it called itself
 * @param steps what happened, in order
 */
public record SessionScript(String game, List<Step> steps) {

	/** The version of the format this class reads and writes. */
	public static final int VERSION = 1;

	private static final JsonMapper JSON = JsonMapper.shared();

	/**
	 * A script of these steps.
	 * @param game the game's name
	 * @param steps what happened, in order
	 */
	public SessionScript {
		steps = List.copyOf(steps);
	}

	/**
	 * Read a script from JSON.
	 * @param json the script
	 * @return the script
	 * @throws IllegalArgumentException if it is not a script of this version, naming what is wrong where
	 */
	public static SessionScript parse(String json) {
		JsonNode script;
		try {
			script = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The session script is not JSON: " + ex.getOriginalMessage(), ex);
		}
		if (!script.isObject()) {
			throw new IllegalArgumentException("A session script is a JSON object with version, game and steps");
		}
		if (script.path("version").asInt(0) != VERSION) {
			throw new IllegalArgumentException("The session script has version " + script.path("version")
					+ ", but only version " + VERSION + " can be read");
		}
		JsonNode steps = script.path("steps");
		if (!steps.isArray()) {
			throw new IllegalArgumentException("The session script has no steps array");
		}
		List<Step> read = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			read.add(step(steps.get(i), i + 1));
		}
		return new SessionScript(script.path("game").asString(""), read);
	}

	/**
	 * Read a script from a file (UTF-8).
	 * @param file the file
	 * @return the script
	 * @throws IllegalArgumentException if it is not a script
	 * @throws UncheckedIOException if the file cannot be read
	 */
	public static SessionScript read(Path file) {
		try {
			return parse(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the session script " + file, ex);
		}
	}

	/**
	 * The script as JSON, indented, one step per line.
	 * @return the JSON
	 */
	public String toJson() {
		StringBuilder json = new StringBuilder("{\n  \"version\": ").append(VERSION)
			.append(",\n  \"game\": ")
			.append(JSON.writeValueAsString(this.game))
			.append(",\n  \"steps\": [");
		for (int i = 0; i < this.steps.size(); i++) {
			json.append((i == 0) ? "\n    " : ",\n    ").append(toJsonNode(this.steps.get(i)));
		}
		return json.append(this.steps.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
	}

	/**
	 * Write the script to a file (UTF-8), replacing it.
	 * @param file the file
	 * @throws UncheckedIOException if the file cannot be written
	 */
	public void write(Path file) {
		try {
			Files.writeString(file, toJson(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the session script " + file, ex);
		}
	}

	/**
	 * This script without its contexts, for a replay that checks results only.
	 * @return a new script
	 */
	public SessionScript withoutContexts() {
		return new SessionScript(this.game, this.steps.stream().filter(ActionStep.class::isInstance).toList());
	}

	private static JsonNode toJsonNode(Step step) {
		if (step instanceof ContextStep context) {
			return JSON.createObjectNode().put("context", context.message()).put("silent", context.silent());
		}
		ActionStep action = (ActionStep) step;
		ObjectNode node = JSON.createObjectNode().put("action", action.action());
		if (action.data() != null) {
			node.set("data", dataNode(action.data()));
		}
		ObjectNode result = node.putObject("result").put("success", action.success());
		if (action.message() != null) {
			result.put("message", action.message());
		}
		return node;
	}

	/** An object or array as itself, to be read and edited; anything else as the string it was. */
	private static JsonNode dataNode(String data) {
		try {
			JsonNode parsed = JSON.readTree(data);
			if (parsed.isObject() || parsed.isArray()) {
				return parsed;
			}
		}
		catch (JacksonException ex) {
			// Not JSON: Neuro sent it as it is, on purpose or not.
		}
		return JSON.getNodeFactory().stringNode(data);
	}

	private static Step step(JsonNode step, int number) {
		if (step.path("context").isString()) {
			return new ContextStep(step.path("context").stringValue(), step.path("silent").booleanValue(false));
		}
		if (!step.path("action").isString()) {
			throw new IllegalArgumentException("Step " + number + " of the session script has neither an action nor"
					+ " a context (a string)");
		}
		JsonNode result = step.path("result");
		if (!result.path("success").isBoolean()) {
			throw new IllegalArgumentException("Step " + number + " of the session script has no result with a"
					+ " success flag (true or false)");
		}
		JsonNode data = step.path("data");
		JsonNode message = result.path("message");
		return new ActionStep(step.path("action").stringValue(),
				(data.isMissingNode() || data.isNull()) ? null : (data.isString() ? data.stringValue() : data.toString()),
				result.path("success").booleanValue(), message.isString() ? message.stringValue() : null);
	}

	/**
	 * One thing that happened in a session.
	 */
	public sealed interface Step permits ActionStep, ContextStep {

	}

	/**
	 * Neuro sent an action, and the game answered it.
	 *
	 * @param action the action's name
	 * @param data its {@code data}, the JSON-encoded string Neuro sent, or {@code null} for none
	 * @param success the result's {@code success}
	 * @param message the result's {@code message}, {@code null} if it had none
	 */
	public record ActionStep(String action, @Nullable String data, boolean success,
			@Nullable String message) implements Step {

	}

	/**
	 * The game sent a context.
	 *
	 * @param message what it said
	 * @param silent whether it was silent
	 */
	public record ContextStep(String message, boolean silent) implements Step {

	}

}
