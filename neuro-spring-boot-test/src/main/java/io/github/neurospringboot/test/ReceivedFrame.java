package io.github.neurospringboot.test;

import tools.jackson.databind.JsonNode;

/**
 * A text frame the game sent to the embedded Neuro.
 *
 * @param connection which connection it came on, from 1
 * @param command the frame's command, empty if it had none
 * @param json the frame, parsed
 * @param text the frame as sent
 * @param receivedNanos when it arrived, as {@link System#nanoTime()}
 */
public record ReceivedFrame(int connection, String command, JsonNode json, String text, long receivedNanos) {

	/**
	 * The frame's {@code data}.
	 * @return the data, a missing node if there is none
	 */
	public JsonNode data() {
		return this.json.path("data");
	}

}
