package io.github.neurospringboot.test.reliability;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.neurospringboot.event.NeuroConnectedEvent;
import io.github.neurospringboot.event.NeuroDisconnectedEvent;
import io.github.neurospringboot.test.ActionOutcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the game answers 10,000 actions sent with 64 always in flight: exactly 10,000 results, each a success,
 * each id answered once, all on the one connection, which never dropped; and that nothing (thread, connection) is left
 * once the game is closed.
 */
class ThroughputReliabilityTests {

	private static final int ACTIONS = 10_000;

	private static final int IN_FLIGHT = 64;

	/** The deadline is not under test here: a generous one keeps a pause of a busy machine from failing a success. */
	private static final String ACCEPTING_DEADLINE = "neuro.actions.result-timeout=5s";

	@Test
	void answersTenThousandActionsWithSixtyFourInFlightExactlyOnceEach() {
		assertThat(playWithSixtyFourInFlight(ReliabilityGame.PLAY, "{\"think\":0}")).isEqualTo(ACTIONS);
	}

	@Test
	void answersTenThousandNonBlockingActionsOnTheReadingThreadExactlyOnceEach() {
		assertThat(playWithSixtyFourInFlight(ReliabilityGame.NOTHING, null)).isEqualTo(ACTIONS);
	}

	/** Play {@value #ACTIONS} calls of one action, {@value #IN_FLIGHT} at a time; return how many were answered. */
	private static int playWithSixtyFourInFlight(String action, @Nullable String data) {
		AtomicInteger peakInFlight = new AtomicInteger();
		int results = ReliabilityRun.play((play) -> {
			Semaphore slots = new Semaphore(IN_FLIGHT);
			AtomicInteger inFlight = new AtomicInteger();
			for (int i = 0; i < ACTIONS; i++) {
				assertThat(slots.tryAcquire(ReliabilityRun.HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();
				peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
				play.ledger().send(action, data).whenComplete((outcome, failure) -> {
					inFlight.decrementAndGet();
					slots.release();
				});
			}
			assertThat(play.ledger().awaitAnswers()).hasSize(ACTIONS).allSatisfy(ActionOutcome::assertSuccess);
			if (ReliabilityGame.PLAY.equals(action)) {
				assertThat(play.game().plays()).isEqualTo(ACTIONS);
			}
			else {
				// Never on the action executor (the application's task executor, or the starter's own threads)
				assertThat(play.game().nothingThreads()).isNotEmpty()
					.noneMatch((thread) -> thread.startsWith("task-") || thread.startsWith("neuro-action-"));
			}
			assertThat(play.neuro().connectionCount()).isOne();
			assertThat(play.events().ofType(NeuroDisconnectedEvent.class)).isEmpty();
			assertThat(play.events().ofType(NeuroConnectedEvent.class)).hasSize(1);
		}, ACCEPTING_DEADLINE);
		assertThat(peakInFlight).hasValue(IN_FLIGHT);
		return results;
	}
}
