package io.github.neurospringboot.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Startup: the time from launching the JVM of {@link StartupApp} until it has started, and with the starter until
 * Neuro has its registration, beside the same application without the starter; the runs alternate. Then the time to
 * create 1,000 actions ({@link SchemaGeneration}), each in a fresh JVM.
 */
final class StartupTable {

	private static final String GAME = "Tic Tac Toe (startup)";

	private StartupTable() {
	}

	static String run(NeuroLoad neuro, String[] args) throws Exception {
		int runs = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		List<Double> without = new ArrayList<>();
		List<Double> withReady = new ArrayList<>();
		List<Double> withRegistered = new ArrayList<>();
		List<Double> cold = new ArrayList<>();
		List<Double> warm = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			without.add(launch(neuro, false)[0]);
			double[] with = launch(neuro, true);
			withReady.add(with[0]);
			withRegistered.add(with[1]);
			String[] schemas = schemas();
			cold.add(Double.parseDouble(schemas[1]));
			warm.add(Double.parseDouble(schemas[2]));
			System.out.printf(Locale.ROOT, "run %d: without the starter started in %s; with it started in %s, "
					+ "registered in %s; 1,000 actions %s cold, %s warm%n", run + 1,
					Figures.duration(without.get(run)), Figures.duration(withReady.get(run)),
					Figures.duration(withRegistered.get(run)), Figures.duration(cold.get(run)),
					Figures.duration(warm.get(run)));
		}
		double base = Figures.median(without);
		return String.format(Locale.ROOT, """
				| application (median of %d launches) | until started | until registered |
				| --- | --- | --- |
				| without the starter | %s | |
				| **with the starter** | %s (+%s) | %s (+%s) |

				| creating 1,000 actions (median of %d JVMs) | time | per action |
				| --- | --- | --- |
				| first 1,000 in a fresh JVM (what startup pays) | %s | %s |
				| warm (median of 10 more rounds) | %s | %s |
				""", runs, Figures.duration(base), Figures.duration(Figures.median(withReady)),
				Figures.duration(Figures.median(withReady) - base), Figures.duration(Figures.median(withRegistered)),
				Figures.duration(Figures.median(withRegistered) - base), runs,
				Figures.duration(Figures.median(cold)), Figures.duration(Figures.median(cold) / 1000),
				Figures.duration(Figures.median(warm)), Figures.duration(Figures.median(warm) / 1000));
	}

	/** Nanoseconds from launching until started, and with the starter until registered. */
	private static double[] launch(NeuroLoad neuro, boolean starter) throws Exception {
		long launched = System.nanoTime();
		try (ChildProcess app = ChildProcess.start("startup", Path.of("."),
				ChildProcess.java(List.of(), StartupApp.class,
						List.of(starter ? "with" : "without", neuro.url().toString(), GAME)),
				(line) -> line.startsWith(GameRunner.REPLY))) {
			double ready = app.reply().at() - launched;
			if (!starter) {
				return new double[] { ready };
			}
			double registered = neuro.awaitRegistered(GAME).at() - launched;
			return new double[] { ready, registered };
		}
		finally {
			if (starter) {
				neuro.awaitClosed(GAME);
			}
		}
	}

	/** {@code schemas <cold ns> <warm ns>}, from a fresh JVM. */
	private static String[] schemas() throws Exception {
		try (ChildProcess generation = ChildProcess.start("schemas", Path.of("."),
				ChildProcess.java(List.of(), SchemaGeneration.class, List.of()),
				(line) -> line.startsWith(GameRunner.REPLY))) {
			return generation.reply().text().substring(GameRunner.REPLY.length()).split(" ");
		}
	}

}
