package io.github.neurospringboot.test;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.neurospringboot.test.diagnostics.Diagnostic;
import io.github.neurospringboot.test.diagnostics.DiagnosticSettings;
import io.github.neurospringboot.test.diagnostics.DiagnosticsEngine;
import io.github.neurospringboot.test.diagnostics.Severity;
import io.github.neurospringboot.test.lint.LintFinding;
import io.github.neurospringboot.test.lint.LintRule;
import io.github.neurospringboot.test.replay.SessionScript;
import jakarta.servlet.http.HttpServlet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * An embedded Neuro: a real websocket server on loopback that a game connects to as it would to Neuro. It
 * <ul>
 * <li>records every frame the game sends, and keeps track of the actions registered;</li>
 * <li>diagnoses what the game does wrong, on every connection, with a {@link DiagnosticsEngine}
 * ({@link #diagnostics()}): what Gary and Tony warn of, and every message linted as the real server would read it
 * ({@link #lintFindings()});</li>
 * <li>executes actions on request and returns their result ({@link #execute});</li>
 * <li>records each connection's session as a script a test can replay ({@link #exportSession()},
 * {@link SessionReplay});</li>
 * <li>plays on its own when forced, if asked to: it picks one of the forced actions, sends random valid parameters
 * generated from its schema, and retries a failed force a limited number of times, as Neuro does. A retry is never a
 * call the game refused earlier in the same force: Neuro reads why a call failed, where the official mock resends
 * blindly;</li>
 * <li>sends what Neuro can send (the startup acknowledgement, {@code actions/reregister_all},
 * {@code speech_finished}, shutdown requests) and what she should not (garbage, binary frames), and cuts, freezes or
 * refuses connections, so that a game's handling of all of it can be tested;</li>
 * <li>speaks TLS ({@code wss://}) if asked to, with a throw-away certificate the game can be told to trust;</li>
 * <li>tells a listener what happens on every connection ({@link Builder#listener}), and serves plain HTTP on the same
 * port if given a servlet ({@link Builder#http}), for a tool that shows it all in a browser.</li>
 * </ul>
 *
 * <pre>{@code
 * try (EmbeddedNeuro neuro = EmbeddedNeuro.builder().autoPlay(true).start()) {
 *     // point neuro.url at neuro.url()
 * }
 * }</pre>
 */
public final class EmbeddedNeuro implements AutoCloseable {

	// A facade over its roles: the server with its connections and faults, the recorder, the diagnostics, the player.

	/** How often the diagnostics are told the time, to notice results that never come. */
	private static final Duration TICK = Duration.ofMillis(100);

	private final Builder settings;

	private final DiagnosticsEngine diagnostics;

	private final ScheduledExecutorService ticker;

	private final FrameRecorder recorder;

	private final AutoPlayer player;

	private final NeuroServer server;

	private final GameConnections connections;

	private volatile boolean closed;

	private EmbeddedNeuro(Builder settings) {
		this.settings = settings;
		this.player = new AutoPlayer(settings.seed, settings.autoPlayDelay, settings.forceRetries);
		this.recorder = new FrameRecorder(settings.recordFrames, this::answer, settings.listener);
		this.diagnostics = new DiagnosticsEngine(settings.diagnosticSettings);
		this.server = new NeuroServer(settings.address, settings.port, settings.secure, settings.http, this.recorder,
				this.diagnostics, settings.recordFrames, settings.listener);
		this.connections = this.server.connections();
		CustomizableThreadFactory threads = new CustomizableThreadFactory("embedded-neuro-diagnostics-");
		threads.setDaemon(true);
		this.ticker = Executors.newSingleThreadScheduledExecutor(threads);
		this.ticker.scheduleWithFixedDelay(() -> this.diagnostics.tick(Instant.now()), TICK.toMillis(),
				TICK.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Describe an embedded Neuro.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start an embedded Neuro with the defaults: a random port, no auto-play, no acknowledgement.
	 * @return the started server
	 */
	public static EmbeddedNeuro start() {
		return builder().start();
	}

	/**
	 * The URL a game connects to.
	 * @return a {@code ws://127.0.0.1:<port>/} URL, or {@code wss://} if secure
	 */
	public URI url() {
		return this.server.url();
	}

	/**
	 * The trust store a game needs to connect to this secure embedded Neuro.
	 * @return the trust store, which holds its certificate
	 * @throws IllegalStateException if it is not secure ({@link Builder#secure})
	 */
	public TrustStore trustStore() {
		return this.server.trustStore();
	}

	/**
	 * The port the embedded Neuro listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	// --- what the game sent -------------------------------------------------------------------------------------

	/**
	 * Every frame the game sent, on every connection, in order.
	 * @return a snapshot
	 * @throws IllegalStateException if frames are not recorded ({@link Builder#recordFrames})
	 */
	public List<ReceivedFrame> frames() {
		return this.recorder.frames();
	}

	/**
	 * Wait for the next frame, whatever its command, after the one {@code awaitFrame} returned last.
	 * @param timeout how long to wait
	 * @return the frame
	 * @throws AssertionError if none arrives in time
	 * @throws IllegalStateException if frames are not recorded ({@link Builder#recordFrames})
	 */
	public ReceivedFrame awaitFrame(Duration timeout) {
		return this.recorder.await((frame) -> true, "frame", timeout);
	}

	/**
	 * The frames that arrived after the one {@code awaitFrame} returned last, which count as awaited from now on.
	 * @return the frames, oldest first
	 * @throws IllegalStateException if frames are not recorded ({@link Builder#recordFrames})
	 */
	public List<ReceivedFrame> drainFrames() {
		return this.recorder.drain();
	}

	/**
	 * Wait for the next frame of a command, after the one {@code awaitFrame} returned last; frames of other commands
	 * on the way count as awaited.
	 * @param command the command, such as {@code actions/force}
	 * @param timeout how long to wait
	 * @return the frame
	 * @throws AssertionError if none arrives in time
	 * @throws IllegalStateException if frames are not recorded ({@link Builder#recordFrames})
	 */
	public ReceivedFrame awaitFrame(String command, Duration timeout) {
		return this.recorder.await((frame) -> frame.command().equals(command), "'" + command + "'", timeout);
	}

	/**
	 * The actions registered on the connection of the game under test ({@link #connection()}).
	 * @return their names, none while no game is connected
	 */
	public Set<String> registeredActions() {
		return this.connections.current().map(GameConnection::registeredActions).orElse(Set.of());
	}

	/**
	 * The registration of an action on the connection of the game under test ({@link #connection()}), as the game
	 * sent it.
	 * @param name the action's name
	 * @return its {@code name}, {@code description} and {@code schema}, or empty if it is not registered
	 */
	public Optional<JsonNode> registeredAction(String name) {
		return this.connections.current().flatMap((connection) -> connection.registeredAction(name));
	}

	/**
	 * Wait until the game under test has registered an action on its connection ({@link #connection()}). An action
	 * registered on a connection that has closed, or is closing, does not count.
	 * @param name the action's name
	 * @param timeout how long to wait
	 * @throws AssertionError if it is not registered in time
	 */
	public void awaitActionRegistered(String name, Duration timeout) {
		Waits.until(() -> this.connections.synced()
			.flatMap((connection) -> connection.registeredAction(name))
			.isPresent(), timeout, "action '" + name + "' to be registered");
	}

	/**
	 * The connection of the game under test: the newest connection that is open and not frozen. Before it first
	 * answers with a connection, the embedded Neuro reads everything the game sent so far on it (a ping round trip),
	 * so that a connection whose game has already closed its end is never taken for the current one; it checks
	 * again whenever a newer connection opens, and before each test ({@link EmbeddedNeuroExtension}). Every wait of
	 * the embedded Neuro checks each time.
	 * @return the connection
	 * @throws IllegalStateException if no game is connected
	 */
	public GameConnection connection() {
		return this.connections.current()
			.orElseThrow(() -> new IllegalStateException("No game is connected to the embedded Neuro"));
	}

	/**
	 * Wait until a game is connected, and return its connection ({@link #connection()}).
	 * @param timeout how long to wait
	 * @return the connection
	 * @throws AssertionError if no game is connected in time
	 */
	public GameConnection awaitConnection(Duration timeout) {
		Waits.until(() -> this.connections.synced().isPresent(), timeout, "a game to connect");
		return connection();
	}

	/**
	 * Every connection the embedded Neuro accepted, open or closed.
	 * @return the connections, oldest first
	 */
	public List<GameConnection> connections() {
		return this.connections.all();
	}

	/** Wait until what the games have sent so far has been read, diagnosed and recorded. */
	void settle() {
		this.connections.settle();
	}

	/** A new test begins: the game under test must prove its connection again. */
	void forgetCurrentConnection() {
		this.connections.forgetCurrent();
	}

	/**
	 * The session of the game under test so far ({@link #connection()}), as a script a test can replay
	 * ({@link SessionReplay}): the actions Neuro sent that the game answered, with their results, and the contexts
	 * the game sent, in order.
	 * @return the script
	 * @throws IllegalStateException if no game is connected, or if sessions are not recorded
	 * ({@link Builder#recordFrames})
	 */
	public SessionScript exportSession() {
		return connection().exportSession();
	}

	/**
	 * What the diagnostics found wrong so far, on every connection, but those dismissed or silenced: the lint of
	 * each message, and what Gary and Tony warn of (see README's "Diagnostics" for every rule).
	 * @return the diagnostics, oldest first
	 */
	public List<Diagnostic> diagnostics() {
		this.diagnostics.tick(Instant.now());
		return this.diagnostics.diagnostics();
	}

	/**
	 * The engine behind {@link #diagnostics()}: to dismiss a diagnostic, silence a rule for a game, or be told of
	 * each new one.
	 * @return the engine
	 */
	public DiagnosticsEngine diagnosticsEngine() {
		return this.diagnostics;
	}

	/**
	 * Check that the diagnostics found nothing at or above a severity.
	 * @param severity the least severity that fails, such as {@link Severity#WARNING}
	 * @throws AssertionError listing what they found
	 */
	public void assertNoDiagnostics(Severity severity) {
		List<Diagnostic> found = diagnostics().stream()
			.filter((diagnostic) -> diagnostic.severity().isAtLeast(severity))
			.toList();
		if (!found.isEmpty()) {
			throw new AssertionError(DiagnosticReport.describe(severity, found));
		}
	}

	/**
	 * The diagnostics of the lint ({@link LintRule}): what is wrong in one message of the game on its own, such as
	 * a registration the real server would misread (bad names, non-object roots, unsupported schema keywords), a
	 * frame that is not JSON or a binary frame. Paths point into the message, such as
	 * {@code /data/actions/0/schema/title}.
	 * @return the findings so far, but those dismissed or silenced
	 */
	public List<LintFinding> lintFindings() {
		return diagnostics().stream()
			.flatMap((diagnostic) -> LintRule.ofId(diagnostic.rule())
				.map((rule) -> new LintFinding(rule, diagnostic.action(), diagnostic.pointer(), diagnostic.message()))
				.stream())
			.toList();
	}

	/**
	 * Check that nothing the game sent had an error-level lint finding ({@link #lintFindings()}).
	 * @throws AssertionError listing the errors
	 */
	public void assertNoLintErrors() {
		List<LintFinding> errors = lintFindings().stream()
			.filter((finding) -> finding.severity() == LintFinding.Severity.ERROR)
			.toList();
		if (!errors.isEmpty()) {
			throw new AssertionError("What the game sent has lint errors: " + errors);
		}
	}

	/**
	 * How many websocket connections the game opened so far.
	 * @return the count
	 */
	public int connectionCount() {
		return this.connections.count();
	}

	/**
	 * Wait until the game has opened a number of connections.
	 * @param count how many
	 * @param timeout how long to wait
	 */
	public void awaitConnections(int count, Duration timeout) {
		Waits.until(() -> connectionCount() >= count, timeout, count + " connection(s)");
	}

	/**
	 * When the game tried to connect, refused attempts included: one {@link System#nanoTime()} per TCP connection.
	 * @return the times, oldest first
	 */
	public List<Long> connectionAttemptNanos() {
		return this.server.connectionAttemptNanos();
	}

	/**
	 * How many of the game's connections are open now.
	 * @return the count
	 */
	public int openConnectionCount() {
		return this.connections.openCount();
	}

	/**
	 * The close codes connections ended with, in the order they closed; 1006 for a connection cut without a close
	 * frame. Filled in as the embedded Neuro learns of each close: to wait for one, use {@link #awaitCloseCode} or
	 * {@link GameConnection#awaitClose}.
	 * @return the codes
	 */
	public List<Integer> closeCodes() {
		return this.connections.closeCodes();
	}

	/**
	 * Wait until the connection of the game under test closes, and check how: the current connection
	 * ({@link #connection()}) or, when none is open, the newest one.
	 * @param code the close code expected, such as 1001 (going away)
	 * @param timeout how long to wait
	 * @throws AssertionError if it does not close in time, or closes with another code
	 */
	public void awaitCloseCode(int code, Duration timeout) {
		GameConnection connection = this.connections.syncedOrNewest();
		int closedWith = connection.awaitClose(timeout);
		if (closedWith != code) {
			throw new AssertionError("Connection " + connection.number() + " closed with code " + closedWith
					+ ", not " + code);
		}
	}

	/**
	 * How many forces were answered by a success while playing on its own.
	 * @return the count
	 */
	public long forcesPlayed() {
		return this.player.forcesPlayed();
	}

	// --- what Neuro does ----------------------------------------------------------------------------------------

	/**
	 * Execute an action and wait for its result.
	 * @param action the action's name
	 * @param data its parameters as JSON (sent as the JSON string the protocol wants), or {@code null} for none
	 * @return the result
	 * @throws AssertionError if no result comes within 10 seconds
	 */
	public ActionOutcome execute(String action, @Nullable String data) {
		return execute(action, data, Duration.ofSeconds(10));
	}

	/**
	 * Execute an action and wait for its result.
	 * @param action the action's name
	 * @param data its parameters as JSON, or {@code null} for none
	 * @param timeout how long to wait for the result
	 * @return the result
	 * @throws AssertionError if no result comes in time
	 */
	public ActionOutcome execute(String action, @Nullable String data, Duration timeout) {
		return connection().execute(action, data, timeout);
	}

	/**
	 * Execute an action without waiting.
	 * @param action the action's name
	 * @param data its parameters as JSON, or {@code null} for none
	 * @return a future completed with the result
	 */
	public CompletableFuture<ActionOutcome> executeAsync(String action, @Nullable String data) {
		return connection().executeAsync(action, data);
	}

	/**
	 * Acknowledge {@code startup}, naming who plays.
	 * @param character who plays
	 */
	public void sendStartupAcknowledgement(NeuroCharacter character) {
		connection().sendStartupAcknowledgement(character);
	}

	/**
	 * Ask the game to register all its actions again.
	 */
	public void sendReregisterAll() {
		connection().sendReregisterAll();
	}

	/**
	 * Tell the game Neuro finished speaking.
	 * @param cancelled whether she was cut short
	 */
	public void sendSpeechFinished(boolean cancelled) {
		connection().sendSpeechFinished(cancelled);
	}

	/**
	 * Ask the game to get ready to be closed at its next safe point, or cancel that.
	 * @param wantsShutdown {@code false} cancels an earlier request
	 */
	public void sendGracefulShutdown(boolean wantsShutdown) {
		connection().sendGracefulShutdown(wantsShutdown);
	}

	/**
	 * Tell the game it is about to be closed.
	 */
	public void sendImmediateShutdown() {
		connection().sendImmediateShutdown();
	}

	/**
	 * Send any text, valid or not, on the connection of the game under test ({@link #connection()}).
	 * @param text the frame
	 */
	public void sendText(String text) {
		connection().sendText(text);
	}

	/**
	 * Send a binary frame, which the Neuro API does not allow on this socket, on the connection of the game under
	 * test ({@link #connection()}).
	 * @param bytes the payload
	 */
	public void sendBinary(byte[] bytes) {
		connection().sendBinary(bytes);
	}

	/**
	 * Cut every connection at once, without a close frame, as a crash or a lost network does.
	 */
	public void dropConnections() {
		this.server.dropConnections();
	}

	/**
	 * Freeze every open connection: it stays open, and whatever either side sends on it is lost, as on a half-open
	 * connection. New connections work normally.
	 */
	public void freezeConnections() {
		this.server.freezeConnections();
	}

	/**
	 * Let frozen connections carry again: what either side sends from now on arrives, as when a network recovers.
	 * What was sent while frozen stays lost. A game that has given such a connection up meanwhile sees frames arrive
	 * on a connection it no longer uses.
	 */
	public void thawConnections() {
		this.server.thawConnections();
	}

	/**
	 * Delay what every game's connection carries, each way, from now on, as a slow network does: each frame arrives
	 * that much later, in order, and a round trip takes twice as long. Zero ends the delay; what is already on its
	 * way still arrives late.
	 * @param latency the delay each way
	 */
	public void injectLatency(Duration latency) {
		if (latency.isNegative()) {
			throw new IllegalArgumentException("A latency cannot be negative, but was " + latency);
		}
		this.server.injectLatency(latency);
	}

	/**
	 * Stop reading what the games send on every open connection, as a Neuro that hangs: their frames pile up in the
	 * network's buffers until their sends block. The embedded Neuro can still send. New connections are read
	 * normally.
	 * @param stopped {@code false} to read again
	 */
	public void stopReading(boolean stopped) {
		this.server.stopReading(stopped);
	}

	/**
	 * Refuse new connections until told otherwise, as a server that is down does.
	 * @param refuse {@code true} to refuse, {@code false} to accept again
	 */
	public void refuseConnections(boolean refuse) {
		this.server.refuseConnections(refuse);
	}

	/**
	 * Stop: new connections are refused and open ones end. Closing again does nothing.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.player.close();
		this.server.close();
		this.ticker.shutdownNow();
	}

	/** What Neuro does on her own when the game sends a frame: acknowledge {@code startup}, play forces. */
	private void answer(GameConnection connection, ReceivedFrame frame) {
		switch (frame.command()) {
			case "startup" -> {
				if (this.settings.acknowledgeAs != null) {
					connection.sendStartupAcknowledgement(this.settings.acknowledgeAs);
				}
			}
			case "actions/force" -> {
				if (this.settings.autoPlay) {
					this.player.forced(connection, frame.data());
				}
			}
			default -> {
				// Neuro answers nothing else of her own accord.
			}
		}
	}

	/**
	 * Describes an embedded Neuro; {@link #start()} starts it.
	 */
	public static final class Builder {

		private int port;

		private boolean autoPlay;

		private Duration autoPlayDelay = Duration.ofMillis(100);

		private int forceRetries = 5;

		private @Nullable NeuroCharacter acknowledgeAs;

		private long seed = System.nanoTime();

		private boolean recordFrames = true;

		private boolean secure;

		private InetAddress address = InetAddress.getLoopbackAddress();

		private @Nullable HttpServlet http;

		private EmbeddedNeuroListener listener = new EmbeddedNeuroListener() {
		};

		private DiagnosticSettings diagnosticSettings = DiagnosticSettings.defaults();

		private Builder() {
		}

		/**
		 * Listen on another address than loopback (default {@code 127.0.0.1}), such as {@code 0.0.0.0} to let games
		 * on other machines connect. {@link EmbeddedNeuro#url()} still names loopback unless the address is a single
		 * other one.
		 * @param address the address
		 * @return this builder
		 */
		public Builder address(InetAddress address) {
			this.address = address;
			return this;
		}

		/**
		 * Answer plain HTTP requests on the embedded Neuro's own port with a servlet, mapped at {@code /} (default:
		 * none; such requests get an error status). A websocket upgrade at {@code /} is still a game. The two are told
		 * apart by the first request of each connection, and the faults ({@link EmbeddedNeuro#dropConnections},
		 * {@link EmbeddedNeuro#freezeConnections}, {@link EmbeddedNeuro#injectLatency},
		 * {@link EmbeddedNeuro#stopReading}, {@link EmbeddedNeuro#refuseConnections}) touch games only. It cannot be
		 * combined with {@link #secure}, since the requests are told apart before any TLS.
		 * @param servlet the servlet
		 * @return this builder
		 */
		public Builder http(HttpServlet servlet) {
			this.http = servlet;
			return this;
		}

		/**
		 * Tell a listener what happens on every connection: connections opening and closing, the frames the games
		 * send, and those the embedded Neuro sends.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(EmbeddedNeuroListener listener) {
			this.listener = listener;
			return this;
		}

		/**
		 * The thresholds of the diagnostics' timing rules (default {@link DiagnosticSettings#defaults()}: 500 ms for
		 * a late startup or result, 5 s for a result that never comes).
		 * @param settings the thresholds
		 * @return this builder
		 */
		public Builder diagnostics(DiagnosticSettings settings) {
			this.diagnosticSettings = settings;
			return this;
		}

		/**
		 * Speak TLS ({@code wss://}) with a throw-away self-signed certificate for {@code 127.0.0.1} (default: plain
		 * {@code ws://}). The game must be told to trust it: see {@link EmbeddedNeuro#trustStore()}.
		 * @param secure whether to use TLS
		 * @return this builder
		 */
		public Builder secure(boolean secure) {
			this.secure = secure;
			return this;
		}

		/**
		 * Listen on a fixed port (default: a free one).
		 * @param port the port, 0 for a free one
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Play on its own when forced: pick one of the forced actions and send random valid parameters; after a
		 * failure, retry with a call the game has not refused in this force (see {@link #forceRetries}).
		 * @param autoPlay whether to play
		 * @return this builder
		 */
		public Builder autoPlay(boolean autoPlay) {
			this.autoPlay = autoPlay;
			return this;
		}

		/**
		 * How long to "think" before each move when playing on its own (default 100 ms).
		 * @param delay the delay
		 * @return this builder
		 */
		public Builder autoPlayDelay(Duration delay) {
			this.autoPlayDelay = delay;
			return this;
		}

		/**
		 * How many times to retry a force whose action failed (default 5), as Neuro does. Each retry is a call the
		 * game has not refused in this force, drawn at random (up to 1000 draws, after which a refused call is sent
		 * again): for a cell on a board of nine, eight retries find the free one.
		 * @param retries the number of retries
		 * @return this builder
		 */
		public Builder forceRetries(int retries) {
			this.forceRetries = retries;
			return this;
		}

		/**
		 * Acknowledge every {@code startup}, naming who plays (default: no acknowledgement, which is allowed).
		 * @param character who plays
		 * @return this builder
		 */
		public Builder acknowledgeAs(NeuroCharacter character) {
			this.acknowledgeAs = character;
			return this;
		}

		/**
		 * Seed the random choices of auto-play, to make a run repeatable.
		 * @param seed the seed
		 * @return this builder
		 */
		public Builder seed(long seed) {
			this.seed = seed;
			return this;
		}

		/**
		 * Whether to keep every frame the game sends (default {@code true}), for {@link EmbeddedNeuro#frames()} and
		 * {@link EmbeddedNeuro#awaitFrame}, and each connection's session, for {@link EmbeddedNeuro#exportSession()}.
		 * Turn it off for load tests: kept frames grow the heap by about 1 KB per action, without end. Everything
		 * else (registrations, diagnostics, results) works the same.
		 * @param recordFrames {@code false} to keep no frames
		 * @return this builder
		 */
		public Builder recordFrames(boolean recordFrames) {
			this.recordFrames = recordFrames;
			return this;
		}

		/**
		 * Start the embedded Neuro.
		 * @return the started server
		 * @throws IllegalStateException if it is asked to serve HTTP ({@link #http}) and to speak TLS
		 */
		public EmbeddedNeuro start() {
			if (this.secure && this.http != null) {
				throw new IllegalStateException("An embedded Neuro that serves HTTP beside the games cannot speak TLS:"
						+ " choose Builder.http or Builder.secure");
			}
			return new EmbeddedNeuro(this);
		}

	}

}
