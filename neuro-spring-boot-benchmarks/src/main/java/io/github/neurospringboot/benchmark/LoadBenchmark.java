package io.github.neurospringboot.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import io.github.neurospringboot.test.EmbeddedNeuro;

/**
 * End-to-end load: actions per second and latency percentiles of a game on the starter, against a real websocket
 * server (the test kit's {@link EmbeddedNeuro}), beside a raw JDK websocket client that does the minimum, in the same
 * run. The server keeps a fixed number of actions in flight (1, then 64) and times each from sending the
 * {@code action} to receiving its {@code action/result}.
 *
 * <p>Each round measures every window size for both games, in alternating order, each on a new connection after its
 * own warm-up; a first, unreported round warms the compiler up. The report is the median over the rounds, and the
 * ratios starter / raw. Every result must be a success: a failed or missing one ends the run without a report.
 *
 * <p>Run: {@code ./mvnw -q -pl neuro-spring-boot-benchmarks -am package -DskipTests && java -cp
 * neuro-spring-boot-benchmarks/target/benchmarks.jar io.github.neurospringboot.benchmark.LoadBenchmark}
 */
public final class LoadBenchmark {

	private static final int ROUNDS = 5;

	private static final int[] WINDOWS = { 1, 64 };

	private static final int WARM_UP_ACTIONS = 10_000;

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** Valid parameters, every cell in turn. */
	private static final String[] CELLS = { "{\"cell\":0}", "{\"cell\":1}", "{\"cell\":2}", "{\"cell\":3}",
			"{\"cell\":4}", "{\"cell\":5}", "{\"cell\":6}", "{\"cell\":7}", "{\"cell\":8}" };

	private LoadBenchmark() {
	}

	/**
	 * Run the benchmark and print the results.
	 * @param args none
	 * @throws Exception if a game cannot connect, or an action fails or is not answered
	 */
	public static void main(String[] args) throws Exception {
		System.out.printf(Locale.ROOT, "%s, %d processors, Java %s (%s), load average %.2f%n", LocalDate.now(),
				Runtime.getRuntime().availableProcessors(), Runtime.version(), System.getProperty("java.vm.name"),
				loadAverage());
		List<Result> results = new ArrayList<>();
		// Recorded frames would fill the heap (about 1 KB per action) and make the collector's work grow run by run.
		try (EmbeddedNeuro neuro = EmbeddedNeuro.builder().recordFrames(false).start();
				StarterGame starter = new StarterGame(neuro.url());
				RawGame raw = new RawGame(neuro.url())) {
			// Round 0 is not reported: the compiler is still busy with the starter's code, which is the larger.
			for (int round = 0; round <= ROUNDS; round++) {
				for (int w = 0; w < WINDOWS.length; w++) {
					// Alternate who goes first, so that neither always runs in the other's wake (its garbage, its JIT).
					List<LoadGame> order = ((round + w) % 2 == 1) ? List.of(starter, raw) : List.of(raw, starter);
					for (LoadGame game : order) {
						Result result = measure(neuro, game, WINDOWS[w]);
						System.out.printf(Locale.ROOT,
								"%s: %-14s %2d in flight: %,9.0f actions/s, p50 %s, p99 %s, CPU %s per action%n",
								(round == 0) ? "warm-up" : "round " + round, game.name(), result.window(),
								result.throughput(), duration(result.p50()), duration(result.p99()),
								duration(result.cpuPerAction()));
						if (round > 0) {
							results.add(result);
						}
					}
				}
			}
			System.out.println();
			System.out.println(report(results, starter.name(), raw.name()));
		}
	}

	/** Connect the game, warm up, measure, disconnect: only the measured game is connected meanwhile. */
	private static Result measure(EmbeddedNeuro neuro, LoadGame game, int window) throws Exception {
		int connections = neuro.connectionCount();
		game.connect();
		// The embedded Neuro sends actions on its newest connection: this game's.
		neuro.awaitConnections(connections + 1, TIMEOUT);
		try {
			run(neuro, game, window, WARM_UP_ACTIONS);
			// Collect the warm-up's garbage (and the other game's) now rather than while measuring.
			System.gc();
			return run(neuro, game, window, measuredActions(window));
		}
		finally {
			game.disconnect();
			awaitNoOpenConnection(neuro);
		}
	}

	/** Enough actions for a stable p99, few enough that a whole run takes a few minutes on two cores. */
	private static int measuredActions(int window) {
		return (window == 1) ? 20_000 : 100_000;
	}

	/** Execute actions with {@code window} of them in flight at all times, and time each one. */
	private static Result run(EmbeddedNeuro neuro, LoadGame game, int window, int actions)
			throws InterruptedException {
		Semaphore inFlight = new Semaphore(window);
		CountDownLatch answered = new CountDownLatch(actions);
		long[] latencies = new long[actions];
		AtomicInteger failures = new AtomicInteger();
		AtomicReference<String> firstFailure = new AtomicReference<>();
		long cpuStart = processCpuTime();
		long start = System.nanoTime();
		for (int i = 0; i < actions; i++) {
			inFlight.acquire();
			int index = i;
			long sent = System.nanoTime();
			neuro.executeAsync("place_mark", CELLS[i % CELLS.length]).whenComplete((outcome, failure) -> {
				latencies[index] = System.nanoTime() - sent;
				if (failure != null || !outcome.success()) {
					failures.incrementAndGet();
					firstFailure.compareAndSet(null, (failure != null) ? failure.toString() : outcome.message());
				}
				inFlight.release();
				answered.countDown();
			});
		}
		if (!answered.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException(
					answered.getCount() + " of " + actions + " actions were not answered within " + TIMEOUT);
		}
		long elapsed = System.nanoTime() - start;
		long cpu = processCpuTime() - cpuStart;
		if (failures.get() > 0) {
			throw new IllegalStateException(failures.get() + " of " + actions + " actions failed; the first: "
					+ firstFailure.get());
		}
		Arrays.sort(latencies);
		return new Result(game.name(), window, actions * 1e9 / elapsed, percentile(latencies, 0.50),
				percentile(latencies, 0.99), (double) cpu / actions);
	}

	/** Nearest rank. */
	private static long percentile(long[] sorted, double fraction) {
		return sorted[(int) Math.ceil(fraction * sorted.length) - 1];
	}

	private static void awaitNoOpenConnection(EmbeddedNeuro neuro) throws InterruptedException {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (neuro.openConnectionCount() > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("A game's connection is still open after " + TIMEOUT);
			}
			Thread.sleep(10);
		}
	}

	/**
	 * The medians over the rounds, per window size and game, and the ratios starter / raw, as a Markdown table; then
	 * the throughput ratio of each round, to show the spread.
	 */
	private static String report(List<Result> results, String starter, String raw) {
		StringBuilder table = new StringBuilder(
				"| in flight | game | actions/s | p50 latency | p99 latency | CPU per action |\n"
						+ "| --- | --- | --- | --- | --- | --- |\n");
		StringBuilder spread = new StringBuilder();
		for (int window : WINDOWS) {
			List<Result> s = of(results, starter, window);
			List<Result> r = of(results, raw, window);
			for (List<Result> game : List.of(r, s)) {
				table.append(String.format(Locale.ROOT, "| %d | %s | %,.0f | %s | %s | %s |%n", window,
						game.get(0).game(), median(game, Result::throughput), duration(median(game, Result::p50)),
						duration(median(game, Result::p99)), duration(median(game, Result::cpuPerAction))));
			}
			table.append(String.format(Locale.ROOT,
					"| %d | **ratio starter / raw** | **%.2f** | %.2f | %.2f | %.2f |%n", window,
					ratio(s, r, Result::throughput), ratio(s, r, Result::p50), ratio(s, r, Result::p99),
					ratio(s, r, Result::cpuPerAction)));
			spread.append(String.format(Locale.ROOT, "%nThroughput ratio per round, %d in flight:", window));
			for (int round = 0; round < s.size(); round++) {
				spread.append(
						String.format(Locale.ROOT, " %.2f", s.get(round).throughput() / r.get(round).throughput()));
			}
		}
		return table.append(spread).toString();
	}

	/** The runs of one game at one window size, in round order. */
	private static List<Result> of(List<Result> results, String game, int window) {
		return results.stream().filter((result) -> result.game().equals(game) && result.window() == window).toList();
	}

	private static double ratio(List<Result> starter, List<Result> raw, ToDoubleFunction<Result> value) {
		return median(starter, value) / median(raw, value);
	}

	private static double median(List<Result> results, ToDoubleFunction<Result> value) {
		double[] values = results.stream().mapToDouble(value).sorted().toArray();
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	private static String duration(double nanos) {
		if (nanos >= 1_000_000) {
			return String.format(Locale.ROOT, "%.2f ms", nanos / 1_000_000);
		}
		return String.format(Locale.ROOT, (nanos >= 100_000) ? "%.0f µs" : "%.1f µs", nanos / 1_000);
	}

	/** Of the whole process: Neuro's side is the same for both games, so the difference is the game's. */
	private static long processCpuTime() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** At the start, before this run's own threads count in it. */
	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	/**
	 * A run of one game at one window size: actions per second, latency percentiles in nanoseconds, and the CPU time
	 * of the whole process (Neuro, the game, the collector, the compiler) per action, in nanoseconds.
	 */
	private record Result(String game, int window, double throughput, long p50, long p99, double cpuPerAction) {
	}

}
