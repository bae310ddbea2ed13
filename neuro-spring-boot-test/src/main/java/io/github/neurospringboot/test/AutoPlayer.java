package io.github.neurospringboot.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import io.github.neurospringboot.test.schema.SchemaDataGenerator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Plays forces on its own, one at a time, on a thread of its own: it picks one of the forced actions still
 * registered, sends random valid parameters generated from its schema, and retries a failed force a limited number
 * of times, as Neuro does. A retry is never a call the game refused earlier in the same force: Neuro reads why a
 * call failed, where the official mock resends blindly.
 *
 * <p>{@link EmbeddedNeuro.Builder#autoPlay} makes one for an embedded Neuro; a tool that decides force by force
 * whether to play (a console where a person may take over) makes its own and hands it the forces to play.
 */
public final class AutoPlayer implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(AutoPlayer.class);

	/** How many random calls it draws, at most, to find one the game has not refused in the force. */
	private static final int NEW_CALL_DRAWS = 1000;

	/** How long it waits for the result of a call. */
	private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(30);

	private final Duration delay;

	private final int retries;

	private final Random random;

	private final SchemaDataGenerator dataGenerator;

	private final AtomicLong forcesPlayed = new AtomicLong();

	private final ExecutorService player = Executors
		.newSingleThreadExecutor(new CustomizableThreadFactory("embedded-neuro-player-"));

	/**
	 * Create a player.
	 * @param seed the seed of every random choice
	 * @param delay how long it "thinks" before each call
	 * @param retries how many times a failed force is retried
	 */
	public AutoPlayer(long seed, Duration delay, int retries) {
		this.delay = delay;
		this.retries = retries;
		this.random = new Random(seed);
		this.dataGenerator = new SchemaDataGenerator(this.random);
	}

	/**
	 * The game forced actions: play one, after the forces before.
	 * @param connection where the force came
	 * @param force the force's {@code data}
	 */
	public void forced(GameConnection connection, JsonNode force) {
		this.player.execute(() -> play(connection, force));
	}

	/**
	 * How many forces were answered by a success.
	 * @return the count
	 */
	public long forcesPlayed() {
		return this.forcesPlayed.get();
	}

	/**
	 * Stop playing: the force being played is abandoned, and those waiting are dropped.
	 */
	@Override
	public void close() {
		this.player.shutdownNow();
	}

	/**
	 * Answer a force: one of the forced actions with random valid data, retried on failure with a call not refused
	 * before in this force.
	 */
	private void play(GameConnection connection, JsonNode force) {
		Set<ForcedCall> refused = new HashSet<>();
		for (int attempt = 0; attempt <= this.retries; attempt++) {
			Waits.pause(this.delay);
			List<String> names = new ArrayList<>();
			force.path("action_names").forEach((name) -> {
				if (connection.registeredAction(name.asString("")).isPresent()) {
					names.add(name.asString(""));
				}
			});
			if (names.isEmpty() || !connection.isOpen()) {
				return;
			}
			ForcedCall call = newCall(connection, names, refused);
			try {
				if (connection.execute(call.name(), call.data(), RESULT_TIMEOUT).success()) {
					this.forcesPlayed.incrementAndGet();
					return;
				}
				refused.add(call);
			}
			catch (IllegalStateException ex) {
				// The connection closed under the force: the game gets a new force on its next connection.
				return;
			}
			catch (AssertionError ex) {
				logger.warn("The game did not answer a forced action: " + ex.getMessage());
				return;
			}
		}
	}

	/**
	 * A random call unlike those refused, as Neuro, told why a call failed, does not send it again; when random
	 * draws find none, the last draw, refused or not.
	 */
	private ForcedCall newCall(GameConnection connection, List<String> names, Set<ForcedCall> refused) {
		ForcedCall call;
		int draws = 0;
		do {
			String name = names.get(this.random.nextInt(names.size()));
			JsonNode schema = connection.registeredAction(name).map((action) -> action.path("schema")).orElseThrow();
			call = new ForcedCall(name, schema.isObject() ? this.dataGenerator.generate((ObjectNode) schema) : null);
		}
		while (refused.contains(call) && ++draws < NEW_CALL_DRAWS);
		return call;
	}

	/** An action Neuro calls, with its parameters, compared by value. */
	private record ForcedCall(String name, @Nullable JsonNode parameters) {

		@Nullable String data() {
			return (this.parameters != null) ? this.parameters.toString() : null;
		}

	}

}
