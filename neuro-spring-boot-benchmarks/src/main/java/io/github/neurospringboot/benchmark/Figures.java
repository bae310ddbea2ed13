package io.github.neurospringboot.benchmark;

import java.util.Collection;
import java.util.Locale;

/**
 * Medians and the formats of the tables' figures.
 */
final class Figures {

	private Figures() {
	}

	static double median(Collection<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** Nanoseconds, in the unit that reads best. */
	static String duration(double nanos) {
		if (nanos >= 1_000_000_000) {
			return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
		}
		if (nanos >= 1_000_000) {
			return String.format(Locale.ROOT, (nanos >= 100_000_000) ? "%.0f ms" : "%.1f ms", nanos / 1e6);
		}
		return String.format(Locale.ROOT, (nanos >= 100_000) ? "%.0f µs" : "%.1f µs", nanos / 1e3);
	}

	static String count(double value) {
		return String.format(Locale.ROOT, "%,.0f", value);
	}

	static String ratio(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	static String bytes(double bytes) {
		if (Math.abs(bytes) >= 1 << 20) {
			return String.format(Locale.ROOT, "%.1f MiB", bytes / (1 << 20));
		}
		return String.format(Locale.ROOT, "%.0f KiB", bytes / (1 << 10));
	}

}
