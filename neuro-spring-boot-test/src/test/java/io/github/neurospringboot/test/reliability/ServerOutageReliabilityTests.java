package io.github.neurospringboot.test.reliability;

import java.time.Duration;
import java.util.List;

import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.event.NeuroConnectedEvent;
import io.github.neurospringboot.event.NeuroConnectionFailedEvent;
import io.github.neurospringboot.event.NeuroDisconnectedEvent;
import io.github.neurospringboot.test.ActionOutcome;
import io.github.neurospringboot.testing.RecordedEvents;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the game rides out a server that is down for a while (it refuses every connection for about two
 * seconds) and then returns:
 * <ul>
 * <li>the failed attempts while it is down follow the back-off exactly (numbered 1, 2, 3… with the delays 100, 200,
 * 200… ms) and are no more than the back-off allows in the time it was down: attempts do not multiply;</li>
 * <li>once it is back, at most one more attempt fails and the next scheduled one connects: the game reconnects
 * within its back-off bound, without a timing threshold in the test;</li>
 * <li>what the game tried to say while it was down was refused, not queued: nothing of it is sent after the
 * return;</li>
 * <li>every action sent before and after the outage got exactly one result, and nothing (thread, connection) is
 * left once the game is closed.</li>
 * </ul>
 */
class ServerOutageReliabilityTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(NeuroConnection.class);

	private static final Duration DOWN = Duration.ofSeconds(2);

	private static final int ACTIONS_PER_SIDE = 40;

	@Test
	void aServerThatIsDownForAWhileThenReturns() {
		int results = ReliabilityRun.play((play) -> {
			NeuroClient client = play.client();
			assertThat(playRound(play)).allSatisfy(ActionOutcome::assertSuccess);

			long downSince = System.nanoTime();
			play.neuro().refuseConnections(true);
			ReliabilityRun.waiting().until(() -> !client.isConnected());
			int refusedContexts = 0;
			while (System.nanoTime() - downSince < DOWN.toNanos()) {
				assertThat(client.sendContext("The board while Neuro is away, take " + refusedContexts)).isFalse();
				refusedContexts++;
				Thread.sleep(5);
			}
			RecordedEvents.Marker back = play.serverReturns();
			Duration down = Duration.ofNanos(System.nanoTime() - downSince);
			play.assertReconnectsWithinBackOff(back, 2);
			assertThat(playRound(play)).allSatisfy(ActionOutcome::assertSuccess);

			List<NeuroConnectionFailedEvent> failures = play.events().ofType(NeuroConnectionFailedEvent.class);
			assertThat(failures).as("failed attempts while down for %s", down)
				.isNotEmpty()
				.hasSizeLessThanOrEqualTo(ReliabilityRun.mostFailedAttemptsWithin(down));
			for (int i = 0; i < failures.size(); i++) {
				assertThat(failures.get(i).getAttempt()).isEqualTo(i + 1);
				assertThat(failures.get(i).getNextAttemptIn()).contains(ReliabilityRun.delayAfterFailedAttempt(i + 1));
			}
			assertThat(play.events().ofType(NeuroDisconnectedEvent.class)).singleElement()
				.satisfies((lost) -> assertThat(lost.willReconnect()).isTrue());
			assertThat(play.events().ofType(NeuroConnectedEvent.class)).extracting(NeuroConnectedEvent::isReconnect)
				.containsExactly(false, true);
			assertThat(refusedContexts).isPositive();
			assertThat(play.frames(2, "context")).as("context sent after the return").isEmpty();
		});
		assertThat(results).isEqualTo(2 * ACTIONS_PER_SIDE);
	}

	/** Play a round of actions and wait for the results of every action sent so far. */
	private static List<ActionOutcome> playRound(ReliabilityRun.Play play) {
		for (int i = 0; i < ACTIONS_PER_SIDE; i++) {
			if (i % 2 == 0) {
				play.ledger().send(ReliabilityGame.PLAY, "{\"think\":1}");
			}
			else {
				play.ledger().send(ReliabilityGame.NOTHING, null);
			}
		}
		return play.ledger().awaitAnswers();
	}

}
