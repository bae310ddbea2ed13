package io.github.neurospringboot.test;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.github.neurospringboot.test.replay.SessionScript;
import io.github.neurospringboot.test.replay.SessionScript.ActionStep;
import io.github.neurospringboot.test.replay.SessionScript.ContextStep;
import io.github.neurospringboot.test.replay.SessionScript.Step;
import org.jspecify.annotations.Nullable;

/**
 * Replays a {@link SessionScript} against a game connected to an {@link EmbeddedNeuro}, and checks that the game does
 * what it did when the script was recorded: each action is sent again, with the same data, and must get a result
 * with the same {@code success} and the same {@code message}; each context must come again, in the same order. The
 * first step that differs fails the replay, saying what was expected and what came.
 *
 * <pre>{@code
 * SessionReplay.of(SessionScript.read(Path.of("src/test/resources/sessions/first-turn.json"))).against(neuro);
 * }</pre>
 *
 * An action the game has not registered yet is waited for, up to the timeout, then sent anyway (its refusal may be
 * what the script expects).
 */
public final class SessionReplay {

	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private final SessionScript script;

	private final Duration timeout;

	private SessionReplay(SessionScript script, Duration timeout) {
		this.script = script;
		this.timeout = timeout;
	}

	/**
	 * A replay of a script, waiting up to 10 seconds for each step.
	 * @param script the script
	 * @return the replay
	 */
	public static SessionReplay of(SessionScript script) {
		return new SessionReplay(Objects.requireNonNull(script, "script"), DEFAULT_TIMEOUT);
	}

	/**
	 * This replay, waiting another time for each step: for a result, a context, an action to be registered.
	 * @param timeout how long to wait
	 * @return a new replay
	 */
	public SessionReplay timeout(Duration timeout) {
		return new SessionReplay(this.script, timeout);
	}

	/**
	 * Replay the script against the game under test ({@link EmbeddedNeuro#awaitConnection}).
	 * @param neuro the embedded Neuro the game is connected to
	 * @throws AssertionError at the first step that differs, with what was expected and what came
	 */
	public void against(EmbeddedNeuro neuro) {
		against(neuro.awaitConnection(this.timeout));
	}

	/**
	 * Replay the script on one connection.
	 * @param connection the game's connection
	 * @throws AssertionError at the first step that differs, with what was expected and what came
	 * @throws IllegalStateException if the script has contexts and the embedded Neuro records no sessions
	 * ({@link EmbeddedNeuro.Builder#recordFrames})
	 */
	public void against(GameConnection connection) {
		boolean checksContexts = this.script.steps().stream().anyMatch(ContextStep.class::isInstance);
		int contexts = checksContexts ? contextsOf(connection).size() : 0;
		List<Step> steps = this.script.steps();
		for (int i = 0; i < steps.size(); i++) {
			if (steps.get(i) instanceof ActionStep action) {
				replay(action, connection, i + 1);
			}
			else {
				expectContext((ContextStep) steps.get(i), contexts++, connection, i + 1);
			}
		}
	}

	private void replay(ActionStep expected, GameConnection connection, int step) {
		if (connection.registeredAction(expected.action()).isEmpty()) {
			try {
				connection.awaitActionRegistered(expected.action(), this.timeout);
			}
			catch (AssertionError ex) {
				// Sent anyway: the script may expect its refusal.
			}
		}
		String what = "action '" + expected.action() + "' with "
				+ ((expected.data() != null) ? "data " + expected.data() : "no data");
		ActionOutcome actual;
		try {
			actual = connection.execute(expected.action(), expected.data(), this.timeout);
		}
		catch (AssertionError ex) {
			throw mismatch(step, what, outcome(expected.success(), expected.message()),
					"no result within " + this.timeout.toMillis() + " ms");
		}
		catch (IllegalStateException ex) {
			throw mismatch(step, what, outcome(expected.success(), expected.message()),
					"no result: " + ex.getMessage());
		}
		if (actual.success() != expected.success() || !Objects.equals(actual.message(), expected.message())) {
			throw mismatch(step, what, outcome(expected.success(), expected.message()),
					outcome(actual.success(), actual.message()));
		}
	}

	private void expectContext(ContextStep expected, int index, GameConnection connection, int step) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		List<ContextStep> sent = contextsOf(connection);
		while (sent.size() <= index && System.nanoTime() < deadline) {
			Waits.pause(Duration.ofMillis(10));
			sent = contextsOf(connection);
		}
		if (sent.size() <= index) {
			throw mismatch(step, "a context", context(expected), "none within " + this.timeout.toMillis() + " ms");
		}
		if (!sent.get(index).equals(expected)) {
			throw mismatch(step, "a context", context(expected), context(sent.get(index)));
		}
	}

	private static List<ContextStep> contextsOf(GameConnection connection) {
		return connection.exportSession()
			.steps()
			.stream()
			.filter(ContextStep.class::isInstance)
			.map(ContextStep.class::cast)
			.toList();
	}

	private AssertionError mismatch(int step, String what, String expected, String actual) {
		return new AssertionError("Step " + step + " of " + this.script.steps().size() + " of the session of '"
				+ this.script.game() + "' did not replay: " + what + "\n  expected: " + expected + "\n  actual:   "
				+ actual);
	}

	private static String outcome(boolean success, @Nullable String message) {
		return (success ? "success" : "failure") + ((message != null) ? ", message \"" + message + "\"" : ", no message");
	}

	private static String context(ContextStep context) {
		return "\"" + context.message() + "\"" + (context.silent() ? " (silent)" : " (not silent)");
	}

}
