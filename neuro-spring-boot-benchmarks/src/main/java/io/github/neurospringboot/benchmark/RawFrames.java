package io.github.neurospringboot.benchmark;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a raw client sends: {@code startup}, the registration of {@code place_mark}, and a success for every
 * {@code action} frame (parse the frame, take the id, write the result). No validation, no deadline, no bookkeeping.
 */
final class RawFrames {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String game;

	RawFrames(String game) {
		this.game = game;
	}

	String startup() {
		return JSON.createObjectNode().put("command", "startup").put("game", this.game).toString();
	}

	String register() {
		return "{\"command\":\"actions/register\",\"game\":" + JSON.writeValueAsString(this.game) + ",\"data\":{"
				+ "\"actions\":[{\"name\":\"place_mark\",\"description\":\"Place your mark on an empty cell.\","
				+ "\"schema\":{\"type\":\"object\",\"properties\":{\"cell\":{\"type\":\"integer\",\"minimum\":0,"
				+ "\"maximum\":8}},\"required\":[\"cell\"]}}]}}";
	}

	/**
	 * The answer to a frame from Neuro.
	 * @param text the frame
	 * @return the result of an action, {@code null} for any other frame
	 */
	@Nullable String answer(String text) {
		JsonNode frame = JSON.readTree(text);
		if (!"action".equals(frame.path("command").asString(""))) {
			return null;
		}
		ObjectNode result = JSON.createObjectNode().put("command", "action/result").put("game", this.game);
		result.putObject("data").put("id", frame.path("data").path("id").asString("")).put("success", true);
		return result.toString();
	}

}
