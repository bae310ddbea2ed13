package io.github.neurospringboot.test.reliability;

import io.github.neurospringboot.action.ActionDispatcher;
import io.github.neurospringboot.action.ActionResultConverter;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that every action gets exactly one result whatever its handler does, with normal actions running alongside:
 * <ul>
 * <li>a handler that throws: one failure saying the game ran into an error;</li>
 * <li>a handler that blocks past the result deadline (1 s): one failure saying it timed out, sent while the
 * handler is still blocked; once released, its late outcome is discarded, not sent as a second result;</li>
 * <li>a handler that returns {@code null}: one success without a message;</li>
 * <li>the normal handler: one success with its message, blocked handlers notwithstanding;</li>
 * </ul>
 * and that nothing (thread, connection) is left once the game is closed.
 */
class HandlerMisbehaviourReliabilityTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(ActionResultConverter.class, ActionDispatcher.class);

	private static final int ROUNDS = 20;

	@Test
	void handlersThatThrowBlockPastTheDeadlineOrReturnNull() {
		int results = ReliabilityRun.play((play) -> {
			ReliabilityGame game = play.game();
			for (int round = 0; round < ROUNDS; round++) {
				play.ledger().send(ReliabilityGame.STALL, null);
				for (int i = 0; i < 2; i++) {
					play.ledger().send(ReliabilityGame.PLAY, "{\"think\":" + (round % 3) + "}");
					play.ledger().send(ReliabilityGame.EXPLODE, null);
					play.ledger().send(ReliabilityGame.NOTHING, null);
					play.ledger().send(ReliabilityGame.PLAY, "{\"think\":0}");
				}
			}
			assertThat(play.ledger().awaitAnswers()).hasSize(ROUNDS * 9);
			assertThat(game.stalling()).as("stalled handlers still blocked when their results were sent")
				.isEqualTo(ROUNDS);

			game.releaseStalls();
			ReliabilityRun.waiting().until(() -> game.stallsFinished() == ROUNDS);
			// Whatever a handler's thread does after the handler returns is done once the thread has ended (the
			// starter's own action threads, neuro-action-<n>, run one action each).
			ReliabilityRun.waiting().until(() -> Thread.getAllStackTraces().keySet().stream()
				.noneMatch((thread) -> thread.getName().matches("neuro-action-\\d+")));

			assertThat(play.ledger().outcomes(ReliabilityGame.STALL)).hasSize(ROUNDS)
				.allSatisfy((outcome) -> outcome.assertFailure("Action 'stall' timed out: the game did not finish it "
						+ "within 1 s."));
			assertThat(play.ledger().outcomes(ReliabilityGame.EXPLODE)).hasSize(2 * ROUNDS)
				.allSatisfy((outcome) -> outcome.assertFailure(
						"Action failed: the game ran into an error while executing 'explode'."));
			assertThat(play.ledger().outcomes(ReliabilityGame.NOTHING)).hasSize(2 * ROUNDS)
				.allSatisfy((outcome) -> assertThat(outcome.assertSuccess().message()).isNull());
			assertThat(play.ledger().outcomes(ReliabilityGame.PLAY)).hasSize(4 * ROUNDS)
				.allSatisfy((outcome) -> assertThat(outcome.assertSuccess().message()).isEqualTo("Played."));
			assertThat(play.neuro().connectionCount()).isOne();
		});
		assertThat(results).isEqualTo(ROUNDS * 9);
	}

}
