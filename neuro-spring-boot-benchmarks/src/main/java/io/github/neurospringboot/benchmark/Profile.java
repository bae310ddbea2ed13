package io.github.neurospringboot.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleFunction;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a contender's time goes under load: a JFR recording of its process (started with it, by
 * {@link GameRunner}), summarised over one run after a warm-up as the CPU time of each thread per action, the
 * methods most often on top of the stack and on it at all, where memory is allocated, and the collector's pauses.
 * The recording is kept for {@code jfr print} or JDK Mission Control.
 */
final class Profile {

	private static final int TOP = 25;

	/** The packages of the starter (and of the benchmark's game). */
	private static final String STARTER = "io.github.neurospringboot.";

	private Profile() {
	}

	static String run(NeuroLoad neuro, String[] args) throws Exception {
		String contender = (args.length > 0) ? args[0] : "starter";
		int window = (args.length > 1) ? Integer.parseInt(args[1]) : 64;
		// Some ten seconds: JFR samples a thread running Java code every 10 ms at most.
		int actions = (args.length > 2) ? Integer.parseInt(args[2]) : ((window == 1) ? 100_000 : 1_000_000);
		Path file = Files.createTempFile("neuro-" + contender + "-", ".jfr");
		NeuroLoad.Run run;
		long cpu;
		long compilation;
		long switches;
		Instant start;
		Instant end;
		try (GameProcess game = GameProcess.profiled(contender, neuro.url())) {
			game.call("record " + file.toAbsolutePath());
			LoadTable.untilCompiled(neuro, game, window);
			game.call("connect");
			neuro.awaitRegistered(game.game());
			neuro.startRun(game.game(), window, 20_000);
			neuro.awaitRun(game.game());
			compilation = game.compilationMillis();
			switches = game.contextSwitches();
			cpu = game.cpuNanos();
			start = Instant.now();
			neuro.startRun(game.game(), window, actions);
			run = neuro.awaitRun(game.game());
			end = Instant.now();
			cpu = game.cpuNanos() - cpu;
			switches = game.contextSwitches() - switches;
			compilation = game.compilationMillis() - compilation;
			game.call("stop");
			game.call("disconnect");
			neuro.awaitClosed(game.game());
		}
		List<RecordedEvent> measured = RecordingFile.readAllEvents(file)
			.stream()
			.filter((event) -> !event.getEndTime().isBefore(start) && !event.getStartTime().isAfter(end))
			.toList();
		return String.format(Locale.ROOT, "%s, %d in flight, %s actions: %s actions/s, p50 %s, p99 %s; CPU per action:"
				+ " game %s, Neuro %s (with JFR on); %.2f context switches per action; JIT %d ms meanwhile. Recording: %s%n%n",
				contender, window, Figures.count(actions), Figures.count(run.throughput()),
				Figures.duration(run.p50()), Figures.duration(run.p99()), Figures.duration((double) cpu / actions),
				Figures.duration(run.cpuPerAction()), (double) switches / actions, compilation, file) + summary(measured, actions);
	}

	private static String summary(List<RecordedEvent> events, int actions) {
		Map<String, Double> threadUser = new HashMap<>();
		Map<String, Double> threadSystem = new HashMap<>();
		Map<String, Double> self = new HashMap<>();
		Map<String, Double> total = new HashMap<>();
		Map<String, Double> allocatedBy = new HashMap<>();
		int samples = 0;
		double allocated = 0;
		int collections = 0;
		Duration pauses = Duration.ZERO;
		int cores = Runtime.getRuntime().availableProcessors();
		for (RecordedEvent event : events) {
			switch (event.getEventType().getName()) {
				case "jdk.ThreadCPULoad" -> {
					// A share of all cores over the period, which is a second.
					threadUser.merge(threadName(event.getThread()), event.getFloat("user") * cores * 1e9, Double::sum);
					threadSystem.merge(threadName(event.getThread()), event.getFloat("system") * cores * 1e9,
							Double::sum);
				}
				case "jdk.ExecutionSample" -> {
					if (event.getStackTrace() == null) {
						continue;
					}
					samples++;
					List<RecordedFrame> frames = event.getStackTrace().getFrames();
					self.merge(method(frames.get(0)), 1.0, Double::sum);
					Set<String> seen = new HashSet<>();
					for (RecordedFrame frame : frames) {
						if (frame.getMethod().getType().getName().startsWith(STARTER) && seen.add(method(frame))) {
							total.merge(method(frame), 1.0, Double::sum);
						}
					}
				}
				case "jdk.ObjectAllocationSample" -> {
					if (event.getStackTrace() == null) {
						continue;
					}
					double weight = event.getLong("weight");
					allocated += weight;
					allocatedBy.merge(allocationSite(event.getStackTrace().getFrames()), weight, Double::sum);
				}
				case "jdk.GarbageCollection" -> {
					collections++;
					pauses = pauses.plus(event.getDuration("sumOfPauses"));
				}
				default -> {
				}
			}
		}
		int sampled = samples;
		StringBuilder threads = new StringBuilder("| thread | user | system |\n| --- | --- | --- |\n");
		threadUser.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.filter((entry) -> entry.getValue() + threadSystem.get(entry.getKey()) >= 0.05 * actions)
			.forEach((entry) -> threads.append(String.format(Locale.ROOT, "| `%s` | %s | %s |%n", entry.getKey(),
					Figures.duration(entry.getValue() / actions),
					Figures.duration(threadSystem.get(entry.getKey()) / actions))));
		return "CPU time per action, by thread (jdk.ThreadCPULoad; threads of one pool together):\n\n" + threads
				+ "\nOn top of the stack (self), of " + Figures.count(samples) + " samples of threads running Java code "
				+ "(system calls and waits are not sampled):\n\n" + table("method", self, (value) -> percent(value, sampled))
				+ "\nOn the stack (total), methods of the starter:\n\n"
				+ table("method", total, (value) -> percent(value, sampled))
				+ String.format(Locale.ROOT, "%nAllocated: about %s per action (sampled); by first frame outside the "
						+ "JDK:%n%n", Figures.bytes(allocated / actions))
				+ table("where", allocatedBy, (value) -> Figures.count(value / actions) + " B")
				+ String.format(Locale.ROOT, "%n%d collections, %s of pauses in all%n", collections,
						Figures.duration(pauses.toNanos()));
	}

	/** The top entries, largest first. */
	private static String table(String what, Map<String, Double> values,
			DoubleFunction<String> format) {
		StringBuilder table = new StringBuilder("| " + what + " | |\n| --- | --- |\n");
		values.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.limit(TOP)
			.forEach((entry) -> table.append("| `")
				.append(entry.getKey())
				.append("` | ")
				.append(format.apply(entry.getValue()))
				.append(" |\n"));
		return table.toString();
	}

	private static String percent(double value, int of) {
		return String.format(Locale.ROOT, "%.1f%%", 100 * value / of);
	}

	/** Threads of one pool count as one: their numbers are dropped. */
	private static String threadName(RecordedThread thread) {
		String name = (thread.getJavaName() != null) ? thread.getJavaName() : thread.getOSName();
		return name.replaceAll("\\d+", "#");
	}

	private static String method(RecordedFrame frame) {
		String type = frame.getMethod().getType().getName();
		return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
	}

	/** Allocations inside the JDK or a library count for the first caller of ours, Spring's or Tomcat's. */
	private static String allocationSite(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String type = frame.getMethod().getType().getName();
			if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
				return method(frame);
			}
		}
		return frames.isEmpty() ? "?" : method(frames.get(0));
	}

}
