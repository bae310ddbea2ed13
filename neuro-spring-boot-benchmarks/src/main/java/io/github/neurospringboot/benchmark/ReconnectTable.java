package io.github.neurospringboot.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The time from the abrupt loss of a healthy connection (Neuro destroys the TCP socket: no close frame) to the full
 * registration on the new one, as Neuro sees it: the starter with its default settings, beside the raw JDK client,
 * which connects again at once. Before each cut the connection carries a hundred actions.
 */
final class ReconnectTable {

	private ReconnectTable() {
	}

	static String run(NeuroLoad neuro, String[] args) throws Exception {
		int cycles = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		StringBuilder table = new StringBuilder("| game | settings | median | fastest | slowest | each cut |\n"
				+ "| --- | --- | --- | --- | --- | --- |\n");
		try (GameProcess starter = GameProcess.starter(neuro.url()); GameProcess raw = GameProcess.raw(neuro.url())) {
			table.append(row(neuro, starter, "**starter**", "defaults (`neuro.reconnect.*`)", cycles));
			table.append(row(neuro, raw, "raw JDK client (floor)", "connects again at once", cycles));
		}
		return table.toString();
	}

	private static String row(NeuroLoad neuro, GameProcess game, String name, String settings, int cycles)
			throws Exception {
		List<Double> millis = new ArrayList<>();
		game.call("connect");
		neuro.awaitRegistered(game.game());
		try {
			for (int cycle = 0; cycle < cycles; cycle++) {
				neuro.startRun(game.game(), 1, 100);
				neuro.awaitRun(game.game());
				neuro.drop(game.game());
				millis.add(neuro.awaitRegistered(game.game()).reconnectMillis());
				System.out.printf(Locale.ROOT, "%s: registered again %.0f ms after the cut%n", game.contender(),
						millis.get(millis.size() - 1));
			}
		}
		finally {
			game.call("disconnect");
			neuro.awaitClosed(game.game());
		}
		return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", name, settings,
				Figures.duration(Figures.median(millis) * 1e6),
				Figures.duration(millis.stream().mapToDouble(Double::doubleValue).min().orElseThrow() * 1e6),
				Figures.duration(millis.stream().mapToDouble(Double::doubleValue).max().orElseThrow() * 1e6),
				millis.stream().map((ms) -> String.format(Locale.ROOT, "%.0f", ms)).collect(Collectors.joining(", "))
						+ " ms");
	}

}
