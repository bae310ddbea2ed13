package io.github.neurospringboot.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live heap of each contender (after full collections): disconnected, then on one connection idle, while 64
 * actions are in flight, idle again after them, and disconnected again. The figures after the first are differences
 * to it: what the connection holds. Each cycle is a new process, warmed up with a thousand actions (its classes
 * loaded) on a connection of its own; the table has the medians of three cycles.
 */
final class MemoryTable {

	private static final int CYCLES = 3;

	private static final int LOAD_ACTIONS = 200_000;

	private MemoryTable() {
	}

	static String run(NeuroLoad neuro) throws Exception {
		StringBuilder table = new StringBuilder("| game | disconnected | connected, idle | 64 in flight | idle after "
				+ Figures.count(LOAD_ACTIONS) + " actions | disconnected again |\n"
				+ "| --- | --- | --- | --- | --- | --- |\n");
		table.append(row(neuro, "raw JDK client (floor)", () -> GameProcess.raw(neuro.url())));
		table.append(row(neuro, "**starter**", () -> GameProcess.starter(neuro.url())));
		return table.toString();
	}

	private static String row(NeuroLoad neuro, String name, Starter start) throws Exception {
		List<List<Double>> columns = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
				new ArrayList<>(), new ArrayList<>());
		for (int cycle = 0; cycle < CYCLES; cycle++) {
			try (GameProcess game = start.get()) {
				LoadTable.measure(neuro, game, 64, 1_000, 1_000);
				double[] heap = cycle(neuro, game);
				for (int i = 0; i < heap.length; i++) {
					columns.get(i).add(heap[i]);
				}
				System.out.printf(Locale.ROOT, "%s: %s disconnected, %s idle, %s loaded, %s after, %s disconnected%n",
						game.contender(), Figures.bytes(heap[0]), Figures.bytes(heap[1]), Figures.bytes(heap[2]),
						Figures.bytes(heap[3]), Figures.bytes(heap[4]));
			}
		}
		double base = Figures.median(columns.get(0));
		StringBuilder row = new StringBuilder("| " + name + " | " + Figures.bytes(base) + " |");
		for (List<Double> column : columns.subList(1, columns.size())) {
			row.append(String.format(Locale.ROOT, " %+.0f KiB |", (Figures.median(column) - base) / 1024));
		}
		return row.append('\n').toString();
	}

	private static double[] cycle(NeuroLoad neuro, GameProcess game) throws Exception {
		double disconnected = game.liveHeap();
		game.call("connect");
		neuro.awaitRegistered(game.game());
		double idle = game.liveHeap();
		neuro.startRun(game.game(), 64, LOAD_ACTIONS);
		// Well inside the run, which takes seconds.
		Thread.sleep(500);
		double loaded = game.liveHeap();
		neuro.awaitRun(game.game());
		double after = game.liveHeap();
		game.call("disconnect");
		neuro.awaitClosed(game.game());
		return new double[] { disconnected, idle, loaded, after, game.liveHeap() };
	}

	/** Starts a contender. */
	@FunctionalInterface
	private interface Starter {

		GameProcess get() throws Exception;

	}

}
