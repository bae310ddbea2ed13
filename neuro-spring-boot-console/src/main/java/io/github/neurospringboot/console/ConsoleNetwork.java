package io.github.neurospringboot.console;

import java.time.Duration;

import io.github.neurospringboot.test.EmbeddedNeuro;
import org.jspecify.annotations.Nullable;

/**
 * The network faults a person injects from the page, into every game's connection (the page's own requests pass
 * untouched); each is noted in the log and shown in the settings.
 */
final class ConsoleNetwork {

	/** The longest latency the page may inject. */
	static final Duration MAX_LATENCY = Duration.ofSeconds(30);

	private final ConsoleState state;

	private volatile @Nullable EmbeddedNeuro neuro;

	ConsoleNetwork(ConsoleState state) {
		this.state = state;
	}

	/**
	 * The embedded Neuro has started: faults can be injected from now on.
	 * @param neuro the embedded Neuro
	 */
	void attach(EmbeddedNeuro neuro) {
		this.neuro = neuro;
	}

	void drop() {
		neuro().dropConnections();
		this.state.note("Network: every game connection was cut, without a close frame");
	}

	void freeze(boolean frozen) {
		if (frozen) {
			neuro().freezeConnections();
		}
		else {
			neuro().thawConnections();
		}
		this.state.changeSettings((settings) -> settings.withNetwork(settings.latency(), frozen, settings.refusing()));
		this.state.note(frozen ? "Network: the open game connections are frozen (half-open: they carry nothing)"
				: "Network: the frozen game connections carry again");
	}

	void refuse(boolean refusing) {
		neuro().refuseConnections(refusing);
		this.state.changeSettings((settings) -> settings.withNetwork(settings.latency(), settings.frozen(), refusing));
		this.state.note(refusing ? "Network: new game connections are refused (and the open ones were cut)"
				: "Network: new game connections are accepted again");
	}

	/**
	 * Delay every game's frames, each way.
	 * @param latency the delay, zero for none
	 * @throws IllegalArgumentException if it is negative or longer than {@link #MAX_LATENCY}
	 */
	void latency(Duration latency) {
		if (latency.isNegative() || latency.compareTo(MAX_LATENCY) > 0) {
			throw new IllegalArgumentException("A latency is from 0 to " + MAX_LATENCY.toMillis() + " ms.");
		}
		neuro().injectLatency(latency);
		this.state.changeSettings((settings) -> settings.withNetwork(latency, settings.frozen(), settings.refusing()));
		this.state.note("Network: every game frame is delayed by " + latency.toMillis() + " ms each way");
	}

	private EmbeddedNeuro neuro() {
		EmbeddedNeuro started = this.neuro;
		if (started == null) {
			throw new IllegalStateException("The console is still starting");
		}
		return started;
	}

}
