package io.github.neurospringboot.test.diagnostics;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.diagnostics.SloppyGame.Mistake;
import io.github.neurospringboot.test.lint.LintRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The {@link SloppyGame} against an embedded Neuro: each of its mistakes raises the diagnostic of its rule, once, and
 * nothing else; without mistakes it raises nothing.
 */
class SloppyGameTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	/** Thresholds no healthy connection on loopback reaches, so that only the mistake under test is late. */
	private static final DiagnosticSettings PATIENT = new DiagnosticSettings(Duration.ofSeconds(10),
			Duration.ofSeconds(10), Duration.ofSeconds(20));

	@ParameterizedTest(name = "{0}")
	@EnumSource(Mistake.class)
	void eachMistakeRaisesTheDiagnosticOfItsRuleOnceAndNothingElse(Mistake mistake) {
		DiagnosticSettings thresholds = thresholdsFor(mistake);
		try (EmbeddedNeuro neuro = EmbeddedNeuro.builder().diagnostics(thresholds).start();
				SloppyGame game = SloppyGame.connect(neuro.url(), "Sloppy", thresholds)) {
			if (mistake == Mistake.NO_STARTUP || mistake == Mistake.LATE_STARTUP) {
				game.commit(mistake);
			}
			if (mistake != Mistake.LATE_STARTUP) {
				game.startup();
			}
			game.register("act", "Do something.");
			if (mistake.answersNextAction()) {
				game.commit(mistake);
				neuro.awaitActionRegistered("act", WAIT);
				neuro.executeAsync("act", null);
			}
			else if (mistake != Mistake.NO_STARTUP && mistake != Mistake.LATE_STARTUP) {
				game.commit(mistake);
			}
			await().atMost(WAIT)
				.until(() -> neuro.diagnostics().stream().anyMatch((found) -> found.rule().equals(mistake.rule())));
			// A ping round trip: whatever the game sent before has been diagnosed.
			neuro.awaitConnection(WAIT);
			assertThat(neuro.diagnostics()).extracting(Diagnostic::rule, Diagnostic::game)
				.containsExactly(tuple(mistake.rule(), "Sloppy"));
		}
	}

	@Test
	void everyRuleHasAMistake() {
		assertThat(Arrays.stream(Mistake.values()).map(Mistake::rule).distinct()).containsExactlyInAnyOrderElementsOf(
				Stream.concat(Arrays.stream(LintRule.values()).map(LintRule::id),
						Arrays.stream(DiagnosticRule.values()).map(DiagnosticRule::id))
					.toList());
	}

	@Test
	void withoutMistakesItRaisesNothing() {
		try (EmbeddedNeuro neuro = EmbeddedNeuro.start();
				SloppyGame game = SloppyGame.connect(neuro.url(), "Careful")) {
			game.startup()
				.register("act", "Do something.")
				.register("pick", "Pick a card.", "{\"type\":\"object\",\"properties\":{\"card\":{\"type\":\"integer\","
						+ "\"minimum\":1,\"maximum\":52}},\"required\":[\"card\"]}")
				.context("Your turn.")
				.force("Act now.", "act");
			neuro.awaitActionRegistered("pick", WAIT);
			neuro.execute("act", null).assertSuccess();
			neuro.execute("pick", "{\"card\":7}").assertSuccess();
			game.unregister("pick");
			neuro.awaitConnection(WAIT);
			assertThat(neuro.diagnostics()).isEmpty();
		}
	}

	private static DiagnosticSettings thresholdsFor(Mistake mistake) {
		return switch (mistake) {
			case LATE_STARTUP -> PATIENT.withLateStartup(Duration.ofMillis(100));
			case LATE_RESULT -> PATIENT.withLateResult(Duration.ofMillis(100));
			case MISSING_RESULT -> PATIENT.withResultTimeout(Duration.ofMillis(500));
			default -> PATIENT;
		};
	}

}
