package io.github.neurospringboot.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Neuro of the load benchmarks: {@code neuro-load/neuro.js}, a lean server on Node's {@code ws} package, in a
 * process of its own. It executes {@code place_mark} on a game's connection with a fixed number of actions in flight
 * and reports throughput, latency percentiles and its own CPU time; it also cuts a game's connection without a close
 * frame and reports how long the game took to register again. Games are told apart by the name they send in
 * {@code startup}. Its {@code ws} package is installed with npm on first use.
 */
final class NeuroLoad implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ChildProcess process;

	private final URI url;

	private final String version;

	private NeuroLoad(ChildProcess process) throws InterruptedException {
		this.process = process;
		JsonNode listening = await("listening", null);
		this.url = URI.create("ws://127.0.0.1:" + listening.path("port").asInt());
		this.version = "Node " + listening.path("node").asString() + ", ws " + listening.path("ws").asString();
	}

	/**
	 * Install the {@code ws} package if it is missing, and start the server on a free loopback port.
	 * @return the running server
	 * @throws Exception if npm or node cannot be run
	 */
	static NeuroLoad start() throws Exception {
		Path directory = directory();
		if (!Files.isDirectory(directory.resolve("node_modules/ws"))) {
			// The versions of package-lock.json, as on every machine.
			int exit = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(directory.toFile())
				.inheritIO()
				.start()
				.waitFor();
			if (exit != 0) {
				throw new IllegalStateException("npm ci failed in " + directory + " with exit code " + exit);
			}
		}
		return new NeuroLoad(ChildProcess.start("neuro", directory, List.of("node", "neuro.js"),
				(line) -> line.startsWith("{")));
	}

	/** {@code neuro-load} beside this module's {@code target}, where the class path leads. */
	private static Path directory() throws URISyntaxException {
		Path classes = Path.of(NeuroLoad.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path directory = classes.getParent().getParent().resolve("neuro-load");
		if (!Files.isRegularFile(directory.resolve("neuro.js"))) {
			throw new IllegalStateException("No neuro.js in " + directory + ": run the benchmark from the module's "
					+ "target/benchmarks.jar, two levels below neuro-load/neuro.js");
		}
		return directory;
	}

	/** The URL games connect to. */
	URI url() {
		return this.url;
	}

	/** Node's version and the {@code ws} package's. */
	String version() {
		return this.version;
	}

	/**
	 * Wait until the game has registered {@code place_mark} on a new connection.
	 * @param game the game's name
	 * @return the registration
	 * @throws InterruptedException if interrupted while waiting
	 */
	Registration awaitRegistered(String game) throws InterruptedException {
		ChildProcess.Reply reply = awaitReply("registered", game);
		return new Registration(reply.at(), JSON.readTree(reply.text()).path("reconnectMs").asDouble(Double.NaN));
	}

	/**
	 * Wait until the game's connection is closed.
	 * @param game the game's name
	 * @throws InterruptedException if interrupted while waiting
	 */
	void awaitClosed(String game) throws InterruptedException {
		await("closed", game);
	}

	/**
	 * Start executing actions on the game's connection: {@code window} in flight at all times, {@code actions} in
	 * all; {@link #awaitRun(String)} waits for the last result.
	 * @param game the game's name
	 * @param window how many actions are in flight
	 * @param actions how many actions to execute
	 */
	void startRun(String game, int window, int actions) {
		this.process.send(JSON.createObjectNode()
			.put("command", "run")
			.put("game", game)
			.put("window", window)
			.put("actions", actions)
			.toString());
	}

	/**
	 * Wait for the run started on the game's connection to end; every result must have been a success.
	 * @param game the game's name
	 * @return what Neuro measured
	 * @throws InterruptedException if interrupted while waiting
	 */
	Run awaitRun(String game) throws InterruptedException {
		JsonNode ran = await("ran", game);
		int actions = ran.path("actions").asInt();
		return new Run(actions / ran.path("seconds").asDouble(), ran.path("p50Nanos").asDouble(),
				ran.path("p99Nanos").asDouble(), ran.path("cpuNanos").asDouble() / actions);
	}

	/**
	 * Cut the game's TCP connection without a close frame.
	 * @param game the game's name
	 */
	void drop(String game) {
		this.process.send(JSON.createObjectNode().put("command", "drop").put("game", game).toString());
	}

	private JsonNode await(String event, @Nullable String game) throws InterruptedException {
		return JSON.readTree(awaitReply(event, game).text());
	}

	/** The next event of this kind (for this game); other events are passed over, an error fails. */
	private ChildProcess.Reply awaitReply(String event, @Nullable String game) throws InterruptedException {
		while (true) {
			ChildProcess.Reply reply = this.process.reply();
			JsonNode frame = JSON.readTree(reply.text());
			String kind = frame.path("event").asString();
			if ("error".equals(kind)) {
				throw new IllegalStateException("Neuro: " + frame.path("message").asString());
			}
			if (kind.equals(event) && (game == null || game.equals(frame.path("game").asString()))) {
				return reply;
			}
		}
	}

	@Override
	public void close() throws Exception {
		this.process.close();
	}

	/**
	 * A game registered its actions on a new connection.
	 * @param at when Neuro's report of it was read, as {@link System#nanoTime()}
	 * @param reconnectMillis the milliseconds from cutting the game's previous connection ({@link #drop(String)}) to
	 * the registration, or {@code NaN} if it was not cut
	 */
	record Registration(long at, double reconnectMillis) {
	}

	/**
	 * One run as Neuro measured it.
	 * @param throughput actions per second
	 * @param p50 the median latency, in nanoseconds, from sending an action to reading its result
	 * @param p99 the 99th percentile latency, in nanoseconds
	 * @param cpuPerAction Neuro's CPU time per action, in nanoseconds
	 */
	record Run(double throughput, double p50, double p99, double cpuPerAction) {
	}

}
