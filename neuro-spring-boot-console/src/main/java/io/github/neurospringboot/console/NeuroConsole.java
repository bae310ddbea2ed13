package io.github.neurospringboot.console;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;

import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.NeuroCharacter;
import io.github.neurospringboot.test.diagnostics.DiagnosticSettings;
import org.jspecify.annotations.Nullable;

/**
 * The Neuro console: an embedded Neuro that games connect to ({@link #neuroUrl()}), with a page in the browser on the
 * same port ({@link #url()}) where a person sees every connected game, its actions, forces, context and frames, and
 * plays as Neuro: executes actions, answers or ignores forces (or lets auto-play answer), sends what Neuro sends, and
 * fails the network.
 *
 * <pre>{@code
 * try (NeuroConsole console = NeuroConsole.builder().port(8000).start()) {
 *     System.out.println("Open " + console.url());
 * }
 * }</pre>
 */
public final class NeuroConsole implements AutoCloseable {

	private final ConsoleState state;

	private final EmbeddedNeuro neuro;

	private NeuroConsole(Builder settings) {
		this.state = new ConsoleState(new ConsoleSettings(settings.forceMode, settings.acknowledgeAs, settings.seed,
				settings.thinkDelay, settings.forceRetries, Duration.ZERO, false, false));
		ConsoleNetwork network = new ConsoleNetwork(this.state);
		this.neuro = EmbeddedNeuro.builder()
			.address(settings.address)
			.port(settings.port)
			// Recorded for the session export (the page's log is the console's own, with a limit)
			.recordFrames(true)
			.diagnostics(settings.diagnostics)
			.listener(this.state)
			.http(new ConsoleServlet(this.state, network, settings.address.isLoopbackAddress()))
			.start();
		network.attach(this.neuro);
		this.state.attach(this.neuro);
	}

	/**
	 * Describe a console.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The page's address.
	 * @return an {@code http://} URL
	 */
	public URI url() {
		URI neuroUrl = neuroUrl();
		return URI.create("http://" + neuroUrl.getRawAuthority() + "/");
	}

	/**
	 * Where games connect.
	 * @return a {@code ws://} URL
	 */
	public URI neuroUrl() {
		return this.neuro.url();
	}

	/**
	 * The port games and the page share.
	 * @return the port
	 */
	public int port() {
		return this.neuro.port();
	}

	/**
	 * Stop: the pages' streams end, and the games' connections close.
	 */
	@Override
	public void close() {
		this.state.close();
		this.neuro.close();
	}

	/**
	 * Describes a console; {@link #start()} starts it.
	 */
	public static final class Builder {

		/** The port of the Neuro ecosystem's tools and SDKs. */
		public static final int DEFAULT_PORT = 8000;

		private InetAddress address = InetAddress.getLoopbackAddress();

		private int port = DEFAULT_PORT;

		private ForceMode forceMode = ForceMode.BY_HAND;

		private @Nullable NeuroCharacter acknowledgeAs = NeuroCharacter.NEURO;

		private long seed = System.nanoTime();

		private Duration thinkDelay = Duration.ofMillis(500);

		private int forceRetries = 5;

		private DiagnosticSettings diagnostics = DiagnosticSettings.defaults();

		private Builder() {
		}

		/**
		 * The thresholds of the diagnostics' timing rules (default: a startup or a result later than 500 ms is late,
		 * and a result that has not come within 5 s never will).
		 * @param diagnostics the thresholds
		 * @return this builder
		 */
		public Builder diagnostics(DiagnosticSettings diagnostics) {
			this.diagnostics = diagnostics;
			return this;
		}

		/**
		 * Listen on another address than loopback (default {@code 127.0.0.1}), to let other machines in. Anyone who
		 * reaches it can drive the games: only do it on a network you trust.
		 * @param address the address, such as {@code 0.0.0.0} for every interface
		 * @return this builder
		 */
		public Builder address(InetAddress address) {
			this.address = address;
			return this;
		}

		/**
		 * Listen on a port (default {@value #DEFAULT_PORT}, where games of every SDK look for Neuro first).
		 * @param port the port, 0 for a free one
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * What to do when a game forces actions (default: show the force and wait for a person); the page changes
		 * it.
		 * @param forceMode the mode
		 * @return this builder
		 */
		public Builder forceMode(ForceMode forceMode) {
			this.forceMode = forceMode;
			return this;
		}

		/**
		 * Who to name in the acknowledgement of every {@code startup} (default Neuro-sama); the page changes it.
		 * @param character who plays, or {@code null} to acknowledge nothing
		 * @return this builder
		 */
		public Builder acknowledgeAs(@Nullable NeuroCharacter character) {
			this.acknowledgeAs = character;
			return this;
		}

		/**
		 * Seed auto-play's random choices, to make a run repeatable (default: random).
		 * @param seed the seed
		 * @return this builder
		 */
		public Builder seed(long seed) {
			this.seed = seed;
			return this;
		}

		/**
		 * How long auto-play "thinks" before each call (default 500 ms, as Neuro's official mock).
		 * @param thinkDelay the delay
		 * @return this builder
		 */
		public Builder thinkDelay(Duration thinkDelay) {
			this.thinkDelay = thinkDelay;
			return this;
		}

		/**
		 * How many times auto-play retries a force whose call failed (default 5), each time with a call the game has
		 * not refused in that force.
		 * @param forceRetries the number of retries
		 * @return this builder
		 */
		public Builder forceRetries(int forceRetries) {
			this.forceRetries = forceRetries;
			return this;
		}

		/**
		 * Start the console.
		 * @return the started console
		 * @throws java.io.UncheckedIOException if it cannot listen on the port (one in use, say)
		 */
		public NeuroConsole start() {
			return new NeuroConsole(this);
		}

	}

}
