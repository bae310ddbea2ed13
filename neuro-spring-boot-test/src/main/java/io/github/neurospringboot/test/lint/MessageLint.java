package io.github.neurospringboot.test.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Lints one message a game sends to Neuro, alone, as the Neuro API defines it: its envelope ({@code command},
 * {@code game}), the fields of its {@code data} and their types, and for {@code actions/register} the actions, with
 * {@link SchemaLint}. It finds:
 * <ul>
 * <li>{@link LintRule#INVALID_MESSAGE}: not an object, no {@code command}, no {@code game} (or a blank one), no
 * {@code data} where the command needs it, a field missing, of the wrong type, or {@code null} where it should be
 * left out;</li>
 * <li>{@link LintRule#UNKNOWN_COMMAND}: a command the API does not define, with the nearest one it does as a
 * suggestion;</li>
 * <li>{@link LintRule#EMPTY_FORCE}, {@link LintRule#EMPTY_UNREGISTER}: no action names;</li>
 * <li>{@link LintRule#FAILURE_WITHOUT_MESSAGE}: {@code success: false} with no message, or a blank one;</li>
 * <li>every rule of {@link SchemaLint} in a registration.</li>
 * </ul>
 * What depends on the messages before (is the action registered? is a result pending?) is not its business: that is
 * the diagnostics engine's, which uses it on every message.
 */
public final class MessageLint {

	/** The commands a game may send, in the order the API lists them. */
	private static final List<String> COMMANDS = List.of("startup", "context", "actions/register",
			"actions/unregister", "actions/force", "action/result", "shutdown/ready");

	private static final Set<String> PRIORITIES = Set.of("low", "medium", "high", "critical");

	/** A command at most this many edits away from a known one is taken for a typo of it. */
	private static final int TYPO_DISTANCE = 3;

	/** Longer values are cut short in messages. */
	private static final int EXCERPT_LENGTH = 40;

	private MessageLint() {
	}

	/**
	 * Lint a message the game sent.
	 * @param message the message, parsed
	 * @return the findings, with paths into the message, such as {@code /data/action_names}; empty when it is fine
	 */
	public static List<LintFinding> lint(JsonNode message) {
		List<LintFinding> findings = new ArrayList<>();
		if (!message.isObject()) {
			findings.add(invalid("", "A message must be a JSON object, such as {\"command\": \"startup\", \"game\":"
					+ " \"My Game\"}, but was " + excerpt(message) + "."));
			return List.copyOf(findings);
		}
		JsonNode command = message.get("command");
		if (command == null || !command.isString()) {
			findings.add(invalid("/command", "The message has no command: say what it is, such as \"command\":"
					+ " \"context\"" + ((command != null) ? ", instead of " + excerpt(command) : "") + "."));
			return List.copyOf(findings);
		}
		lintGame(message.get("game"), findings);
		String name = command.stringValue();
		if (!COMMANDS.contains(name)) {
			findings.add(new LintFinding(LintRule.UNKNOWN_COMMAND, "", "/command", "Neuro does not know the command '"
					+ excerpt(name) + "' and ignores it: " + nearest(name).map((known) -> "did you mean '" + known + "'?")
						.orElse("send only the commands of the Neuro API (" + String.join(", ", COMMANDS) + ").")));
		}
		else if (!name.equals("startup") && !name.equals("shutdown/ready")) {
			lintData(name, message.get("data"), findings);
		}
		return List.copyOf(findings);
	}

	private static void lintGame(JsonNode game, List<LintFinding> findings) {
		if (game == null) {
			findings.add(invalid("/game", "The message has no 'game': every message names the game, the same way"
					+ " each time."));
		}
		else if (!game.isString()) {
			findings.add(invalid("/game", "'game' must be the game's name as a string, but was " + excerpt(game)
					+ "."));
		}
		else if (game.stringValue().isBlank()) {
			findings.add(invalid("/game", "'game' is blank: every message names the game, as Neuro should see it."));
		}
	}

	private static void lintData(String command, JsonNode data, List<LintFinding> findings) {
		if (data == null || !data.isObject()) {
			findings.add(invalid("/data", "The " + command + " message has no data object: send its fields inside"
					+ " \"data\": {...}" + ((data != null) ? ", instead of " + excerpt(data) : "") + "."));
			return;
		}
		Fields fields = new Fields(command, data, findings);
		switch (command) {
			case "context" -> {
				fields.text("message");
				fields.bool("silent", true);
			}
			case "actions/register" -> SchemaLint.lintRegistration(data)
				.forEach((finding) -> findings.add(new LintFinding(finding.rule(), finding.action(),
						"/data" + finding.path(), finding.message())));
			case "actions/unregister" -> {
				if (fields.names() == 0) {
					findings.add(new LintFinding(LintRule.EMPTY_UNREGISTER, "", "/data/action_names", "The"
							+ " unregistration names no actions: send none when there is nothing to unregister."));
				}
			}
			case "actions/force" -> {
				fields.optionalString("state");
				fields.text("query");
				fields.bool("ephemeral_context", false);
				fields.priority();
				if (fields.names() == 0) {
					findings.add(new LintFinding(LintRule.EMPTY_FORCE, "", "/data/action_names", "The force names no"
							+ " actions, so Neuro has nothing to choose from: name at least one registered action in"
							+ " action_names."));
				}
			}
			default -> lintResult(fields, data, findings);
		}
	}

	private static void lintResult(Fields fields, JsonNode data, List<LintFinding> findings) {
		fields.string("id");
		boolean success = fields.bool("success", true);
		boolean messageValid = fields.optionalString("message");
		JsonNode message = data.get("message");
		if (!success && data.path("success").isBoolean() && messageValid
				&& (message == null || message.stringValue().isBlank())) {
			findings.add(new LintFinding(LintRule.FAILURE_WITHOUT_MESSAGE, "", "/data/message", "The result says"
					+ " success: false without a message, so Neuro cannot tell why the action failed or how to"
					+ " succeed: say what went wrong and what to do instead."));
		}
	}

	/** The known command a typo most likely meant. */
	private static Optional<String> nearest(String command) {
		return COMMANDS.stream()
			.filter((known) -> distance(command, known) <= TYPO_DISTANCE)
			.min(Comparator.comparingInt((known) -> distance(command, known)));
	}

	/** The edit distance (Levenshtein) between two strings. */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static LintFinding invalid(String path, String message) {
		return new LintFinding(LintRule.INVALID_MESSAGE, "", path, message);
	}

	private static String excerpt(JsonNode value) {
		return excerpt(value.toString());
	}

	private static String excerpt(String text) {
		return (text.length() <= EXCERPT_LENGTH) ? text : text.substring(0, EXCERPT_LENGTH) + "…";
	}

	/**
	 * Checks the fields of one message's data, reporting each problem.
	 */
	private record Fields(String command, JsonNode data, List<LintFinding> findings) {

		/** A required string. */
		boolean string(String name) {
			JsonNode value = this.data.get(name);
			if (value == null) {
				return missing(name, "a string");
			}
			return value.isString() || wrongType(name, "a string", value);
		}

		/** A required string that says something. */
		void text(String name) {
			if (string(name) && this.data.get(name).stringValue().isBlank()) {
				this.findings.add(invalid("/data/" + name, "'" + name + "' of the " + this.command + " message is"
						+ " blank: Neuro reads it, so say something."));
			}
		}

		/** An optional string, which is left out rather than sent as null. */
		boolean optionalString(String name) {
			JsonNode value = this.data.get(name);
			if (value == null) {
				return true;
			}
			if (value.isNull()) {
				return sentAsNull(name);
			}
			return value.isString() || wrongType(name, "a string", value);
		}

		/** A boolean; the value it has when valid, else false. */
		boolean bool(String name, boolean required) {
			JsonNode value = this.data.get(name);
			if (value == null) {
				return required && missing(name, "a boolean");
			}
			if (value.isNull() && !required) {
				return sentAsNull(name);
			}
			return value.isBoolean() ? value.booleanValue() : wrongType(name, "a boolean", value);
		}

		void priority() {
			JsonNode value = this.data.get("priority");
			if (value == null) {
				return;
			}
			if (value.isNull()) {
				sentAsNull("priority");
			}
			else if (!value.isString() || !PRIORITIES.contains(value.stringValue())) {
				this.findings.add(invalid("/data/priority", "'priority' of the " + this.command + " message must be"
						+ " \"low\", \"medium\", \"high\" or \"critical\" (or left out, for \"low\"), but was "
						+ excerpt(value) + "."));
			}
		}

		/**
		 * The action names, an array of strings.
		 * @return how many there are, or -1 when they are not an array of strings
		 */
		int names() {
			JsonNode names = this.data.get("action_names");
			if (names == null) {
				missing("action_names", "an array of action names");
				return -1;
			}
			if (!names.isArray()) {
				wrongType("action_names", "an array of action names", names);
				return -1;
			}
			int valid = names.size();
			for (int i = 0; i < names.size(); i++) {
				if (!names.get(i).isString()) {
					this.findings.add(invalid("/data/action_names/" + i, "Each of action_names must be an action's"
							+ " name as a string, but one was " + excerpt(names.get(i)) + "."));
					valid = -1;
				}
			}
			return valid;
		}

		private boolean missing(String name, String type) {
			this.findings.add(invalid("/data/" + name, "The " + this.command + " message has no '" + name + "' in its"
					+ " data: send it, as " + type + "."));
			return false;
		}

		private boolean wrongType(String name, String type, JsonNode value) {
			this.findings.add(invalid("/data/" + name, "'" + name + "' of the " + this.command + " message must be "
					+ type + ", but was " + excerpt(value) + "."));
			return false;
		}

		private boolean sentAsNull(String name) {
			this.findings.add(invalid("/data/" + name, "'" + name + "' of the " + this.command + " message is null:"
					+ " leave it out instead, because some servers reject null."));
			return false;
		}

	}

}
