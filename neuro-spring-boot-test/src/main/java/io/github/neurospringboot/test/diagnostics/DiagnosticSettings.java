package io.github.neurospringboot.test.diagnostics;

import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds of the {@link DiagnosticsEngine}'s timing rules. Immutable; start from {@link #defaults()}:
 *
 * <pre>{@code
 * DiagnosticSettings settings = DiagnosticSettings.defaults().withResultTimeout(Duration.ofSeconds(2));
 * }</pre>
 *
 * @param lateStartup how long after the connection opened {@code startup} may come before it is noted
 * ({@code late-startup}); default 500 ms
 * @param lateResult how long after its action a result may come before it is late ({@code late-result}); default
 * 500 ms
 * @param resultTimeout how long after its action a result may come at all ({@code result-timeout}); default 5 s
 */
public record DiagnosticSettings(Duration lateStartup, Duration lateResult, Duration resultTimeout) {

	private static final DiagnosticSettings DEFAULTS = new DiagnosticSettings(Duration.ofMillis(500),
			Duration.ofMillis(500), Duration.ofSeconds(5));

	/**
	 * Check the thresholds.
	 * @param lateStartup how long {@code startup} may take
	 * @param lateResult how long a result may take before it is late
	 * @param resultTimeout how long a result may take at all
	 * @throws IllegalArgumentException if a threshold is not positive
	 */
	public DiagnosticSettings {
		requirePositive(lateStartup, "lateStartup");
		requirePositive(lateResult, "lateResult");
		requirePositive(resultTimeout, "resultTimeout");
	}

	/**
	 * The default thresholds, Gary's: 500 ms for {@code startup}, 500 ms for a late result, 5 s for a missing one.
	 * @return the defaults
	 */
	public static DiagnosticSettings defaults() {
		return DEFAULTS;
	}

	/**
	 * These settings with another late-startup threshold.
	 * @param lateStartup how long {@code startup} may take
	 * @return new settings
	 */
	public DiagnosticSettings withLateStartup(Duration lateStartup) {
		return new DiagnosticSettings(lateStartup, this.lateResult, this.resultTimeout);
	}

	/**
	 * These settings with another late-result threshold.
	 * @param lateResult how long a result may take before it is late
	 * @return new settings
	 */
	public DiagnosticSettings withLateResult(Duration lateResult) {
		return new DiagnosticSettings(this.lateStartup, lateResult, this.resultTimeout);
	}

	/**
	 * These settings with another result timeout.
	 * @param resultTimeout how long a result may take at all
	 * @return new settings
	 */
	public DiagnosticSettings withResultTimeout(Duration resultTimeout) {
		return new DiagnosticSettings(this.lateStartup, this.lateResult, resultTimeout);
	}

	private static void requirePositive(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, but was " + duration);
		}
	}

}
