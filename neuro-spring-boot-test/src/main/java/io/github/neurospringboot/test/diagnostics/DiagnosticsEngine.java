package io.github.neurospringboot.test.diagnostics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Finds what games do wrong on their connections to Neuro: Gary's catalogue of diagnostics, Tony's warnings, and the
 * lint of every message ({@link io.github.neurospringboot.test.lint.MessageLint}, which reads registrations with
 * {@link io.github.neurospringboot.test.lint.SchemaLint}). One engine serves one Neuro, with any number of
 * connections; the embedded Neuro of the test kit has one, and a console can run its own.
 *
 * <p>It knows nothing of websockets: whoever runs the server feeds it. For each connection, call
 * {@link #connectionOpened}, then feed the returned {@link ConnectionFeed} every frame both ways, in the order they
 * crossed the connection, with the time each was received (or sent, for Neuro's), and finally its close. Call
 * {@link #tick} now and then (every 100 ms, say) so that a result that never comes is noticed.
 *
 * <pre>{@code
 * DiagnosticsEngine engine = new DiagnosticsEngine(DiagnosticSettings.defaults());
 * engine.addListener((diagnostic) -> System.out.println(diagnostic));
 * ConnectionFeed feed = engine.connectionOpened("1", Instant.now());
 * feed.fromGame("{\"command\":\"context\",\"game\":\"Dice\",\"data\":{\"message\":\"Hi\",\"silent\":false}}",
 *         Instant.now());   // startup-missing
 * }</pre>
 *
 * <p>Diagnostics can be dismissed one by one, and a rule can be silenced for one game. Thread-safe: frames of all
 * connections may be fed from any threads. Listeners are told of each new diagnostic in the order they are raised,
 * on the thread that fed what raised it, after the engine has recorded it.
 */
public final class DiagnosticsEngine {

	private static final Log logger = LogFactory.getLog(DiagnosticsEngine.class);

	private final DiagnosticSettings settings;

	/** Held while a frame is fed and its diagnostics are told, so that listeners hear them in order. */
	private final Object feeding = new Object();

	/** Guards itself and {@link #silenced}, so that reads and dismissals never wait for a listener. */
	private final List<Diagnostic> diagnostics = new ArrayList<>();

	private final Set<Silenced> silenced = new HashSet<>();

	private final List<Consumer<Diagnostic>> listeners = new CopyOnWriteArrayList<>();

	/** The open connections, guarded by {@link #feeding}. */
	private final Set<Conversation> open = new LinkedHashSet<>();

	/** The diagnostics raised by the frame being fed, guarded by {@link #feeding}. */
	private final List<Diagnostic> untold = new ArrayList<>();

	/** Guarded by {@link #feeding}. */
	private long lastId;

	/**
	 * An engine with the default thresholds.
	 */
	public DiagnosticsEngine() {
		this(DiagnosticSettings.defaults());
	}

	/**
	 * An engine with thresholds of its own.
	 * @param settings the thresholds
	 */
	public DiagnosticsEngine(DiagnosticSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/**
	 * The thresholds this engine uses.
	 * @return the settings
	 */
	public DiagnosticSettings settings() {
		return this.settings;
	}

	/**
	 * A game connected.
	 * @param connection how diagnostics name the connection, such as its number
	 * @param at when it opened
	 * @return where to feed what crosses the connection
	 */
	public ConnectionFeed connectionOpened(String connection, Instant at) {
		Conversation conversation = new Conversation(this, connection, at);
		synchronized (this.feeding) {
			this.open.add(conversation);
		}
		return new ConnectionFeed(this, conversation);
	}

	/**
	 * Time passed: raise {@code result-timeout} for each action whose result is overdue.
	 * @param now the time
	 */
	public void tick(Instant now) {
		feed(() -> this.open.forEach((conversation) -> conversation.tick(now)));
	}

	/**
	 * Every diagnostic raised so far, but those dismissed and those of silenced rules.
	 * @return the diagnostics, oldest first
	 */
	public List<Diagnostic> diagnostics() {
		synchronized (this.diagnostics) {
			return List.copyOf(this.diagnostics);
		}
	}

	/**
	 * Dismiss a diagnostic: it is no longer among {@link #diagnostics()}.
	 * @param id the diagnostic's {@link Diagnostic#id() id}
	 * @return {@code true} if it was there
	 */
	public boolean dismiss(long id) {
		synchronized (this.diagnostics) {
			return this.diagnostics.removeIf((diagnostic) -> diagnostic.id() == id);
		}
	}

	/**
	 * Silence a rule for a game: its diagnostics for that game are dropped, those raised already included, and no
	 * new one is raised or told to listeners until {@link #unsilence}.
	 * @param game the game's name, as in {@link Diagnostic#game()}
	 * @param rule the rule's id, as in {@link Diagnostic#rule()}
	 */
	public void silence(String game, String rule) {
		Silenced silenced = new Silenced(game, rule);
		synchronized (this.diagnostics) {
			this.silenced.add(silenced);
			this.diagnostics.removeIf(silenced::covers);
		}
	}

	/**
	 * Let a silenced rule be raised again for a game, from now on.
	 * @param game the game's name
	 * @param rule the rule's id
	 */
	public void unsilence(String game, String rule) {
		synchronized (this.diagnostics) {
			this.silenced.remove(new Silenced(game, rule));
		}
	}

	/**
	 * Whether a rule is silenced for a game.
	 * @param game the game's name
	 * @param rule the rule's id
	 * @return {@code true} if silenced
	 */
	public boolean isSilenced(String game, String rule) {
		synchronized (this.diagnostics) {
			return this.silenced.contains(new Silenced(game, rule));
		}
	}

	/**
	 * Be told of every new diagnostic, except those of silenced rules. A listener that throws is logged and passed
	 * over.
	 * @param listener called with each diagnostic once it is recorded
	 */
	public void addListener(Consumer<Diagnostic> listener) {
		this.listeners.add(Objects.requireNonNull(listener, "listener"));
	}

	/**
	 * Stop telling a listener.
	 * @param listener a listener added before
	 */
	public void removeListener(Consumer<Diagnostic> listener) {
		this.listeners.remove(listener);
	}

	/** Run what a frame does, then tell the listeners what it raised, in order. */
	void feed(Runnable work) {
		synchronized (this.feeding) {
			try {
				work.run();
			}
			finally {
				List<Diagnostic> raised = List.copyOf(this.untold);
				this.untold.clear();
				raised.forEach(this::tell);
			}
		}
	}

	void closed(Conversation conversation) {
		this.open.remove(conversation);
	}

	/**
	 * Record a diagnostic, unless its rule is silenced for its game; called while feeding.
	 */
	void raise(String rule, Severity severity, String message, String game, String connection, String action,
			@Nullable String frame, String pointer, Instant at) {
		synchronized (this.diagnostics) {
			if (this.silenced.contains(new Silenced(game, rule))) {
				return;
			}
			Diagnostic diagnostic = new Diagnostic(++this.lastId, rule, severity, message, game, connection, action,
					frame, pointer, at);
			this.diagnostics.add(diagnostic);
			this.untold.add(diagnostic);
		}
	}

	private void tell(Diagnostic diagnostic) {
		for (Consumer<Diagnostic> listener : this.listeners) {
			try {
				listener.accept(diagnostic);
			}
			catch (RuntimeException ex) {
				logger.warn("A diagnostics listener failed on " + diagnostic.rule(), ex);
			}
		}
	}

	/** A rule silenced for a game. */
	private record Silenced(String game, String rule) {

		boolean covers(Diagnostic diagnostic) {
			return diagnostic.game().equals(this.game) && diagnostic.rule().equals(this.rule);
		}

	}

}
