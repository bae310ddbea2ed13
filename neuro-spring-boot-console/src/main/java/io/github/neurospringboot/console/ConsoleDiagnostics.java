package io.github.neurospringboot.console;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The diagnostics the page lists: what was found wrong in what the games sent, each dismissible, and silenced per
 * game. Whatever finds them reports here; the console's lock guards it.
 */
final class ConsoleDiagnostics {

	/** The oldest diagnostics drop off past this many. */
	private static final int LIMIT = 2_000;

	private final ArrayDeque<ObjectNode> diagnostics = new ArrayDeque<>();

	private final Set<String> silencedGames = new LinkedHashSet<>();

	private long ids;

	/**
	 * Note a diagnostic.
	 * @param connection the connection it was found on
	 * @param game the game's name, {@code ""} when not known yet
	 * @param severity {@code ERROR}, {@code WARNING} or {@code INFO}
	 * @param rule which check found it
	 * @param action the action concerned, {@code ""} for none
	 * @param message what is wrong and how to fix it
	 * @return the diagnostic, to publish
	 */
	ObjectNode add(int connection, String game, String severity, String rule, String action, String message) {
		ObjectNode diagnostic = JsonMapper.shared().createObjectNode();
		diagnostic.put("id", ++this.ids);
		diagnostic.put("time", System.currentTimeMillis());
		diagnostic.put("connection", connection);
		diagnostic.put("game", game);
		diagnostic.put("severity", severity);
		diagnostic.put("rule", rule);
		diagnostic.put("action", action);
		diagnostic.put("message", message);
		diagnostic.put("dismissed", false);
		this.diagnostics.addLast(diagnostic);
		if (this.diagnostics.size() > LIMIT) {
			this.diagnostics.removeFirst();
		}
		return diagnostic;
	}

	/**
	 * Dismiss a diagnostic: the page no longer lists it.
	 * @param id its id
	 * @return the diagnostic, or {@code null} if there is none with that id
	 */
	@Nullable ObjectNode dismiss(long id) {
		for (ObjectNode diagnostic : this.diagnostics) {
			if (diagnostic.path("id").asLong() == id) {
				diagnostic.put("dismissed", true);
				return diagnostic;
			}
		}
		return null;
	}

	/**
	 * Silence a game's diagnostics, or hear them again.
	 * @param game the game's name
	 * @param silenced {@code true} to silence
	 */
	void silence(String game, boolean silenced) {
		if (silenced) {
			this.silencedGames.add(game);
		}
		else {
			this.silencedGames.remove(game);
		}
	}

	ArrayNode silencedJson() {
		ArrayNode games = JsonMapper.shared().createArrayNode();
		this.silencedGames.forEach(games::add);
		return games;
	}

	ArrayNode toJson() {
		ArrayNode all = JsonMapper.shared().createArrayNode();
		this.diagnostics.forEach(all::add);
		return all;
	}

	void clear() {
		this.diagnostics.clear();
	}

}
