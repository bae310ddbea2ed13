package io.github.neurospringboot.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.neurospringboot.action.NeuroActionException;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.test.replay.SessionScript;
import io.github.neurospringboot.test.replay.SessionScript.ActionStep;
import io.github.neurospringboot.test.replay.SessionScript.ContextStep;
import io.github.neurospringboot.test.replay.SessionScript.Step;
import io.github.neurospringboot.testing.TestGames;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A session played with the embedded Neuro becomes a script, and the script a test: replayed against a fresh game it
 * passes, and altered it fails, saying what differs.
 */
class SessionReplayTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	final EmbeddedNeuroExtension neuro = TestGames.diagnosedNeuro();

	@Test
	void aSessionExportedAsAScriptReplaysAgainstAFreshGame() {
		SessionScript played = play();
		assertThat(played.game()).isEqualTo("Test Game");
		assertThat(played.steps()).containsExactly(
				new ActionStep("add", "{\"amount\":2}", true, "The total is 2."),
				new ContextStep("The total changed.", true),
				new ActionStep("add", "{\"amount\":9}", false,
						"Action failed: invalid parameters for 'add'. 'amount' must be at most 5, but was 9."),
				new ActionStep("take", "{\"amount\":4}", false, "The total is only 2: take at most that."),
				new ActionStep("add", "{\"amount\": 3", false, "Action failed: the parameters of 'add' were not valid"
						+ " JSON. Send one JSON object, with names and text in double quotes, such as {\"amount\": …}."),
				new ActionStep("reset", null, true, null),
				new ActionStep("add", "{\"amount\":5}", true, "The total is 5."),
				new ContextStep("The total changed.", true));

		SessionScript script = SessionScript.parse(played.toJson());
		game().run((context) -> SessionReplay.of(script).against(this.neuro.get()));
	}

	@Test
	void anAlteredResultFailsTheReplayWithWhatWasExpectedAndWhatCame() {
		SessionScript altered = alter(play(), 6, new ActionStep("add", "{\"amount\":5}", true, "The total is 50."));
		game().run((context) -> assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> SessionReplay.of(altered).against(this.neuro.get()))
			.withMessage("Step 7 of 8 of the session of 'Test Game' did not replay: action 'add' with data"
					+ " {\"amount\":5}\n  expected: success, message \"The total is 50.\"\n  actual:   success,"
					+ " message \"The total is 5.\""));
	}

	@Test
	void anAlteredOutcomeFailsTheReplay() {
		SessionScript altered = alter(play(), 3, new ActionStep("take", "{\"amount\":4}", true, null));
		game().run((context) -> assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> SessionReplay.of(altered).against(this.neuro.get()))
			.withMessage("Step 4 of 8 of the session of 'Test Game' did not replay: action 'take' with data"
					+ " {\"amount\":4}\n  expected: success, no message\n  actual:   failure, message \"The total is"
					+ " only 2: take at most that.\""));
	}

	@Test
	void anAlteredContextFailsTheReplay() {
		SessionScript altered = alter(play(), 1, new ContextStep("The total changed.", false));
		game().run((context) -> assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> SessionReplay.of(altered).against(this.neuro.get()))
			.withMessage("Step 2 of 8 of the session of 'Test Game' did not replay: a context\n  expected: \"The"
					+ " total changed.\" (not silent)\n  actual:   \"The total changed.\" (silent)"));
	}

	@Test
	void aContextThatNeverComesFailsTheReplay() {
		SessionScript script = new SessionScript("Test Game", List.of(new ContextStep("Hello.", false)));
		game().run((context) -> assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> SessionReplay.of(script).timeout(Duration.ofMillis(200)).against(this.neuro.get()))
			.withMessage("Step 1 of 1 of the session of 'Test Game' did not replay: a context\n  expected: \"Hello.\""
					+ " (not silent)\n  actual:   none within 200 ms"));
	}

	/** Neuro plays a session with the counter, its calls right and wrong; the export of that session. */
	private SessionScript play() {
		AtomicReference<SessionScript> session = new AtomicReference<>();
		game().run((context) -> {
			EmbeddedNeuro server = this.neuro.get();
			server.awaitActionRegistered("add", WAIT);
			server.execute("add", "{\"amount\":2}").assertSuccess();
			server.execute("add", "{\"amount\":9}").assertFailure("'amount' must be at most 5, but was 9.");
			server.execute("take", "{\"amount\":4}").assertFailure("The total is only 2");
			server.execute("add", "{\"amount\": 3").assertFailure("were not valid JSON");
			server.execute("reset", null).assertSuccess();
			server.execute("add", "{\"amount\":5}").assertSuccess();
			session.set(server.exportSession());
		});
		return session.get();
	}

	private ApplicationContextRunner game() {
		return TestGames.connectedTo(this.neuro.get()).withBean(Counter.class);
	}

	private static SessionScript alter(SessionScript script, int index, Step step) {
		List<Step> steps = new ArrayList<>(script.steps());
		steps.set(index, step);
		return new SessionScript(script.game(), steps);
	}

	static class Counter {

		private final ObjectProvider<NeuroClient> client;

		private int total;

		Counter(ObjectProvider<NeuroClient> client) {
			this.client = client;
		}

		@NeuroAction(description = "Add to the total.")
		synchronized String add(@Min(1) @Max(5) int amount) {
			this.total += amount;
			this.client.getObject().sendContext("The total changed.", true);
			return "The total is " + this.total + ".";
		}

		@NeuroAction(description = "Take from the total.")
		synchronized String take(@Min(1) @Max(5) int amount) {
			if (amount > this.total) {
				throw new NeuroActionException("The total is only " + this.total + ": take at most that.");
			}
			this.total -= amount;
			return "The total is " + this.total + ".";
		}

		@NeuroAction(description = "Start again from zero.")
		synchronized void reset() {
			this.total = 0;
		}

	}

}
