package io.github.neurospringboot.console;

import java.time.Duration;

import io.github.neurospringboot.test.NeuroCharacter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the console does on its own, and the state of the network it fakes, as the page shows and changes them.
 *
 * @param forceMode what to do when a game forces actions
 * @param acknowledgeAs who to name in the acknowledgement of every {@code startup}, or {@code null} for none
 * @param seed the seed of auto-play's random choices
 * @param thinkDelay how long auto-play "thinks" before each call
 * @param forceRetries how many times auto-play retries a force whose call failed
 * @param latency the delay injected into every game's connection, each way
 * @param frozen whether the games' connections are frozen (half-open)
 * @param refusing whether new game connections are refused
 */
record ConsoleSettings(ForceMode forceMode, @Nullable NeuroCharacter acknowledgeAs, long seed, Duration thinkDelay,
		int forceRetries, Duration latency, boolean frozen, boolean refusing) {

	ConsoleSettings withForceMode(ForceMode forceMode) {
		return new ConsoleSettings(forceMode, this.acknowledgeAs, this.seed, this.thinkDelay, this.forceRetries,
				this.latency, this.frozen, this.refusing);
	}

	ConsoleSettings withAcknowledgeAs(@Nullable NeuroCharacter acknowledgeAs) {
		return new ConsoleSettings(this.forceMode, acknowledgeAs, this.seed, this.thinkDelay, this.forceRetries,
				this.latency, this.frozen, this.refusing);
	}

	ConsoleSettings withAutoPlay(long seed, Duration thinkDelay, int forceRetries) {
		return new ConsoleSettings(this.forceMode, this.acknowledgeAs, seed, thinkDelay, forceRetries, this.latency,
				this.frozen, this.refusing);
	}

	ConsoleSettings withNetwork(Duration latency, boolean frozen, boolean refusing) {
		return new ConsoleSettings(this.forceMode, this.acknowledgeAs, this.seed, this.thinkDelay, this.forceRetries,
				latency, frozen, refusing);
	}

	/** Whether auto-play would play differently with the other settings. */
	boolean playsLike(ConsoleSettings other) {
		return this.seed == other.seed && this.thinkDelay.equals(other.thinkDelay)
				&& this.forceRetries == other.forceRetries;
	}

	ObjectNode toJson() {
		ObjectNode json = JsonMapper.shared().createObjectNode();
		json.put("forceMode", this.forceMode.name());
		json.put("acknowledgeAs", (this.acknowledgeAs != null) ? this.acknowledgeAs.name() : "NONE");
		json.put("seed", Long.toString(this.seed));
		json.put("thinkDelayMillis", this.thinkDelay.toMillis());
		json.put("forceRetries", this.forceRetries);
		json.put("latencyMillis", this.latency.toMillis());
		json.put("frozen", this.frozen);
		json.put("refusing", this.refusing);
		return json;
	}

}
