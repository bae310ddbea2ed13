package io.github.neurospringboot.console;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.github.neurospringboot.test.GameConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One game as the page shows it: one connection, its name, its registered actions (as the connection keeps them) and
 * the forces waiting for an answer. The console's lock guards it.
 */
final class GameView {

	private final GameConnection connection;

	private String game = "";

	private int closeCode;

	private final List<JsonNode> forces = new ArrayList<>();

	GameView(GameConnection connection) {
		this.connection = connection;
	}

	GameConnection connection() {
		return this.connection;
	}

	int number() {
		return this.connection.number();
	}

	String game() {
		return this.game;
	}

	/**
	 * The game named itself in a frame.
	 * @param game the name it gave
	 * @return whether the name changed
	 */
	boolean named(String game) {
		if (game.isEmpty() || game.equals(this.game)) {
			return false;
		}
		this.game = game;
		return true;
	}

	boolean isOpen() {
		return this.closeCode == 0;
	}

	void closed(int code) {
		this.closeCode = code;
		this.forces.clear();
	}

	/** The forces waiting for an answer, as the game sent them. */
	List<JsonNode> forces() {
		return List.copyOf(this.forces);
	}

	void forced(JsonNode force) {
		this.forces.add(force);
	}

	void clearForces() {
		this.forces.clear();
	}

	/**
	 * An action succeeded: the forces that named it are answered.
	 * @param action the action's name
	 * @return whether a force was answered
	 */
	boolean answered(String action) {
		return this.forces.removeIf((force) -> {
			for (JsonNode name : force.path("action_names")) {
				if (name.isString() && name.asString().equals(action)) {
					return true;
				}
			}
			return false;
		});
	}

	ObjectNode toJson() {
		JsonMapper json = JsonMapper.shared();
		ObjectNode view = json.createObjectNode();
		view.put("connection", number());
		view.put("game", this.game);
		view.put("open", isOpen());
		view.put("closeCode", this.closeCode);
		ArrayNode actions = view.putArray("actions");
		for (String name : new TreeSet<>(this.connection.registeredActions())) {
			this.connection.registeredAction(name).ifPresent(actions::add);
		}
		ArrayNode forces = view.putArray("forces");
		this.forces.forEach(forces::add);
		return view;
	}

}
