package io.github.neurospringboot.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Throughput, latency, CPU and context switches per action of the starter (its action declared
 * {@code blocking = false}, and declared as may block, on the task executor) beside the floor (the raw JDK client)
 * and raw clients over the JSR-356 containers of Tomcat (the floor of the starter's transport) and Jetty,
 * with 1 and with 64 actions in flight. First each contender runs until its JIT compilers are done; then each round
 * measures every contender at both window sizes, in rotating order, each on a new connection after a warm-up of
 * its own and a full collection. The table has the medians over the rounds and the ratios to the floor.
 */
final class LoadTable {

	private static final int[] WINDOWS = { 1, 64 };

	/** Compilation below this during a run of 50,000 actions at each window size means the JIT is done. */
	private static final long COMPILED_MILLIS = 50;

	private LoadTable() {
	}

	static String run(NeuroLoad neuro, String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		int warmUp = (args.length > 1) ? Integer.parseInt(args[1]) : 20_000;
		int measured = (args.length > 2) ? Integer.parseInt(args[2]) : 50_000;
		System.out.printf(Locale.ROOT, "%d rounds; %,d warm-up and %,d measured actions each%n", rounds, warmUp,
				measured);
		List<Result> results = new ArrayList<>();
		List<GameProcess> games = new ArrayList<>();
		try {
			for (Contender contender : Contender.values()) {
				games.add(contender.start(neuro));
			}
			for (GameProcess game : games) {
				untilCompiled(neuro, game, WINDOWS);
			}
			for (int round = 1; round <= rounds; round++) {
				for (int w = 0; w < WINDOWS.length; w++) {
					// Rotate who goes first, so that none always runs in another's wake.
					List<GameProcess> order = new ArrayList<>(games);
					Collections.rotate(order, round + w);
					for (GameProcess game : order) {
						Result result = measure(neuro, game, WINDOWS[w], warmUp, measured);
						print("round " + round, game, result);
						results.add(result);
					}
				}
			}
		}
		finally {
			for (GameProcess game : games) {
				game.close();
			}
		}
		return report(results);
	}

	/**
	 * Run until the game's JIT compilers are done: until a run of 50,000 actions at each window size compiled for
	 * less than {@value #COMPILED_MILLIS} ms.
	 * @param neuro the Neuro
	 * @param game the game
	 * @param windows the window sizes
	 * @throws Exception if a run fails, or the JIT is not done after 20 runs at each window size
	 */
	static void untilCompiled(NeuroLoad neuro, GameProcess game, int... windows) throws Exception {
		for (int attempt = 0; attempt < 20; attempt++) {
			boolean compiled = true;
			for (int window : windows) {
				Result result = measure(neuro, game, window, 1_000, 50_000);
				print("warm-up", game, result);
				compiled &= result.compilationMillis() < COMPILED_MILLIS;
			}
			if (compiled) {
				return;
			}
		}
		throw new IllegalStateException("The JIT compilers of " + game.contender() + " are still busy after 20 runs");
	}

	/** Connect, warm up, collect, measure, disconnect: only the measured game is connected meanwhile. */
	static Result measure(NeuroLoad neuro, GameProcess game, int window, int warmUp, int measured) throws Exception {
		game.call("connect");
		neuro.awaitRegistered(game.game());
		try {
			neuro.startRun(game.game(), window, warmUp);
			neuro.awaitRun(game.game());
			game.liveHeap();
			long compilation = game.compilationMillis();
			long switches = game.contextSwitches();
			long cpu = game.cpuNanos();
			neuro.startRun(game.game(), window, measured);
			NeuroLoad.Run run = neuro.awaitRun(game.game());
			double cpuPerAction = (double) (game.cpuNanos() - cpu) / measured;
			double switchesPerAction = (double) (game.contextSwitches() - switches) / measured;
			return new Result(game.contender(), window, run, cpuPerAction, switchesPerAction,
					game.compilationMillis() - compilation);
		}
		finally {
			game.call("disconnect");
			neuro.awaitClosed(game.game());
		}
	}

	private static void print(String what, GameProcess game, Result result) {
		System.out.printf(Locale.ROOT, "%s: %-7s %2d in flight: %s actions/s, p50 %s, p99 %s, CPU per action %s "
				+ "(Neuro %s), %.2f context switches per action, JIT %d ms%n", what, game.contender(),
				result.window(), Figures.count(result.run().throughput()), Figures.duration(result.run().p50()),
				Figures.duration(result.run().p99()), Figures.duration(result.gameCpuPerAction()),
				Figures.duration(result.run().cpuPerAction()), result.switchesPerAction(), result.compilationMillis());
	}

	private static String report(List<Result> results) {
		StringBuilder table = new StringBuilder("| in flight | game | actions/s | × floor | p50 | × floor | p99 | × floor "
				+ "| game CPU per action | × floor | game context switches per action | Neuro CPU per action |\n"
				+ "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
		StringBuilder spread = new StringBuilder();
		for (int window : WINDOWS) {
			List<Result> floor = of(results, Contender.RAW_JDK, window);
			for (Contender contender : Contender.values()) {
				List<Result> game = of(results, contender, window);
				table.append(String.format(Locale.ROOT,
						"| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.2f | %s |%n", window, contender.label,
						Figures.count(median(game, (r) -> r.run().throughput())),
						ratio(game, floor, (r) -> r.run().throughput()),
						Figures.duration(median(game, (r) -> r.run().p50())), ratio(game, floor, (r) -> r.run().p50()),
						Figures.duration(median(game, (r) -> r.run().p99())), ratio(game, floor, (r) -> r.run().p99()),
						Figures.duration(median(game, Result::gameCpuPerAction)),
						ratio(game, floor, Result::gameCpuPerAction), median(game, Result::switchesPerAction),
						Figures.duration(median(game, (r) -> r.run().cpuPerAction()))));
				if (contender != Contender.RAW_JDK) {
					spread.append(String.format(Locale.ROOT, "%nThroughput × floor per round, %s, %d in flight: %s", contender.label, window,
							perRound(game, floor)));
				}
			}
		}
		long compilation = results.stream().mapToLong(Result::compilationMillis).max().orElse(0);
		return table.append(spread)
			.append(String.format(Locale.ROOT, "%nJIT compilation during a measured run: at most %d ms%n", compilation))
			.toString();
	}

	/** A game's throughput as a ratio to the floor's, round by round. */
	private static String perRound(List<Result> game, List<Result> floor) {
		StringBuilder ratios = new StringBuilder();
		for (int round = 0; round < game.size(); round++) {
			ratios.append((round > 0) ? " " : "")
				.append(Figures.ratio(game.get(round).run().throughput() / floor.get(round).run().throughput()));
		}
		return ratios.toString();
	}

	private static List<Result> of(List<Result> results, Contender contender, int window) {
		return results.stream().filter((r) -> r.contender().equals(contender.name) && r.window() == window).toList();
	}

	/** The games of the table, in its order: the floor first. */
	private enum Contender {

		RAW_JDK("raw", "raw JDK client (floor)"),

		STARTER("starter", "**starter**, `blocking = false`"),

		POOLED("pooled", "starter, on the task executor"),

		RAW_TOMCAT("tomcat", "raw client over Tomcat's JSR-356 container"),

		RAW_JETTY("jetty", "raw client over Jetty's JSR-356 container");

		private final String name;

		private final String label;

		Contender(String name, String label) {
			this.name = name;
			this.label = label;
		}

		GameProcess start(NeuroLoad neuro) throws Exception {
			return switch (this) {
				case RAW_JDK -> GameProcess.raw(neuro.url());
				case STARTER -> GameProcess.starter(neuro.url());
				case POOLED -> GameProcess.pooled(neuro.url());
				case RAW_TOMCAT -> GameProcess.rawJsr356(neuro.url(), RawJsr356Game.Container.TOMCAT);
				case RAW_JETTY -> GameProcess.rawJsr356(neuro.url(), RawJsr356Game.Container.JETTY);
			};
		}

	}

	private static String ratio(List<Result> game, List<Result> floor, ToDoubleFunction<Result> value) {
		return Figures.ratio(median(game, value) / median(floor, value));
	}

	private static double median(List<Result> results, ToDoubleFunction<Result> value) {
		return Figures.median(results.stream().map(value::applyAsDouble).toList());
	}

	/**
	 * One measured run of a contender.
	 * @param contender {@code starter}, {@code pooled}, {@code raw}, {@code tomcat} or {@code jetty}
	 * @param window the actions in flight
	 * @param run what Neuro measured
	 * @param gameCpuPerAction the game process's CPU time per action, in nanoseconds
	 * @param switchesPerAction the game's context switches per action
	 * @param compilationMillis the time the game's JIT compilers spent meanwhile, in milliseconds
	 */
	record Result(String contender, int window, NeuroLoad.Run run, double gameCpuPerAction, double switchesPerAction,
			long compilationMillis) {
	}

}
