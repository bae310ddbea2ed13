package io.github.neurospringboot.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A contender in a process of its own ({@link GameRunner}), seen from the benchmark: its commands, and its CPU time.
 */
final class GameProcess implements AutoCloseable {

	private final String contender;

	private final String game;

	private final ChildProcess process;

	private GameProcess(String contender, String game, ChildProcess process) {
		this.contender = contender;
		this.game = game;
		this.process = process;
	}

	/**
	 * Start the starter's contender, an application on the starter.
	 * @param neuro where it connects
	 * @param properties its properties beyond the benchmark's ({@code name=value})
	 * @return the running process
	 * @throws Exception if it cannot be started
	 */
	static GameProcess starter(URI neuro, String... properties) throws Exception {
		return start("starter", "Tic Tac Toe (starter)", neuro, List.of(), List.of(properties));
	}

	/**
	 * Start the starter's contender with its action as a method that may block, the default: it runs on the
	 * application's task executor.
	 * @param neuro where it connects
	 * @return the running process
	 * @throws Exception if it cannot be started
	 */
	static GameProcess pooled(URI neuro) throws Exception {
		// A name as long as the others: every result carries it.
		return start("pooled", "Tic Tac Toe (on pool)", neuro, List.of(),
				List.of(StarterGame.BLOCKING_PROPERTY + "=true"));
	}

	/**
	 * Start a raw client over a JSR-356 container: Tomcat's is the floor of the starter's transport.
	 * @param neuro where it connects
	 * @param container whose
	 * @return the running process
	 * @throws Exception if it cannot be started
	 */
	static GameProcess rawJsr356(URI neuro, RawJsr356Game.Container container) throws Exception {
		// Names as long as the others
		return (container == RawJsr356Game.Container.TOMCAT)
				? start("tomcat", "Tic Tac Toe (JSR-356)", neuro, List.of(), List.of())
				: start("jetty", "Tic Tac Toe (Jetty12)", neuro, List.of(), List.of());
	}

	/**
	 * Start the floor, the raw JDK client.
	 * @param neuro where it connects
	 * @return the running process
	 * @throws Exception if it cannot be started
	 */
	static GameProcess raw(URI neuro) throws Exception {
		// A name as long as the starter's: both send it in every result.
		return start("raw", "Tic Tac Toe (raw JDK)", neuro, List.of(), List.of());
	}

	/**
	 * Start a contender to profile: its JIT keeps the debug information that places a sample on the line it was
	 * taken at, not at the nearest safepoint.
	 * @param contender {@code starter} or {@code raw}
	 * @param neuro where it connects
	 * @return the running process
	 * @throws Exception if it cannot be started
	 */
	static GameProcess profiled(String contender, URI neuro) throws Exception {
		List<String> options = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints");
		return "raw".equals(contender) ? start("raw", "Tic Tac Toe (raw JDK)", neuro, options, List.of())
				: start("starter", "Tic Tac Toe (starter)", neuro, options, List.of());
	}

	private static GameProcess start(String contender, String game, URI neuro, List<String> jvmOptions,
			List<String> properties) throws Exception {
		List<String> arguments = new ArrayList<>(List.of(contender, neuro.toString(), game));
		arguments.addAll(properties);
		return new GameProcess(contender, game, ChildProcess.start(contender, Path.of("."),
				ChildProcess.java(jvmOptions, GameRunner.class, arguments), (line) -> line.startsWith(GameRunner.REPLY)));
	}

	/**
	 * The contender's name in the tables.
	 * @return {@code starter}, {@code pooled}, {@code raw}, {@code tomcat} or {@code jetty}
	 */
	String contender() {
		return this.contender;
	}

	/** The game's name, as Neuro sees it. */
	String game() {
		return this.game;
	}

	/**
	 * Run a command of {@link GameRunner} and wait for its reply.
	 * @param command the command
	 * @return the reply, without its prefix
	 * @throws InterruptedException if interrupted while waiting
	 */
	String call(String command) throws InterruptedException {
		this.process.send(command);
		return this.process.reply().text().substring(GameRunner.REPLY.length());
	}

	/**
	 * The heap in use after a full collection.
	 * @return bytes
	 * @throws InterruptedException if interrupted while waiting
	 */
	long liveHeap() throws InterruptedException {
		return Long.parseLong(call("heap"));
	}

	/**
	 * The time the JIT compilers have spent so far.
	 * @return milliseconds
	 * @throws InterruptedException if interrupted while waiting
	 */
	long compilationMillis() throws InterruptedException {
		return Long.parseLong(call("compilation"));
	}

	/**
	 * The process's CPU time so far.
	 * @return nanoseconds
	 */
	long cpuNanos() {
		return this.process.cpuNanos();
	}

	/**
	 * How often the process's threads have been switched off a core so far.
	 * @return the number of context switches
	 * @throws IOException if the counts cannot be read
	 */
	long contextSwitches() throws IOException {
		return this.process.contextSwitches();
	}

	@Override
	public void close() throws Exception {
		this.process.close();
	}

}
