package io.github.neurospringboot.console;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.neurospringboot.test.diagnostics.Diagnostic;
import io.github.neurospringboot.test.diagnostics.DiagnosticsEngine;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The diagnostics the page lists, from the kit's diagnostics engine (the same rules a JUnit test fails on): each
 * dismissible, and each rule silenced per game. The console's lock guards the rules it has silenced.
 */
final class ConsoleDiagnostics {

	private final DiagnosticsEngine engine;

	/** The rules silenced, as game and rule. */
	private final Set<List<String>> silenced = new LinkedHashSet<>();

	ConsoleDiagnostics(DiagnosticsEngine engine) {
		this.engine = engine;
	}

	void dismiss(long id) {
		this.engine.dismiss(id);
	}

	/**
	 * Silence a rule for a game, or hear it again.
	 * @param game the game's name
	 * @param rule the rule's id
	 * @param silenced {@code true} to silence
	 */
	void silence(String game, String rule, boolean silenced) {
		if (silenced) {
			this.engine.silence(game, rule);
			this.silenced.add(List.of(game, rule));
		}
		else {
			this.engine.unsilence(game, rule);
			this.silenced.remove(List.of(game, rule));
		}
	}

	/** The diagnostics still listed, and the rules silenced. */
	ObjectNode toJson() {
		ObjectNode json = JsonMapper.shared().createObjectNode();
		ArrayNode all = json.putArray("diagnostics");
		this.engine.diagnostics().forEach((diagnostic) -> all.add(toJson(diagnostic)));
		ArrayNode silenced = json.putArray("silenced");
		this.silenced.forEach((pair) -> silenced.addObject().put("game", pair.get(0)).put("rule", pair.get(1)));
		return json;
	}

	static ObjectNode toJson(Diagnostic diagnostic) {
		ObjectNode json = JsonMapper.shared().createObjectNode();
		json.put("id", diagnostic.id());
		json.put("time", diagnostic.time().toEpochMilli());
		json.put("connection", connection(diagnostic));
		json.put("game", diagnostic.game());
		json.put("severity", diagnostic.severity().name());
		json.put("rule", diagnostic.rule());
		json.put("action", diagnostic.action());
		json.put("message", diagnostic.message());
		json.put("pointer", diagnostic.pointer());
		if (diagnostic.frame() != null) {
			json.put("frame", diagnostic.frame());
		}
		return json;
	}

	/** The kit names each connection by its number. */
	private static int connection(Diagnostic diagnostic) {
		try {
			return Integer.parseInt(diagnostic.connection());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
