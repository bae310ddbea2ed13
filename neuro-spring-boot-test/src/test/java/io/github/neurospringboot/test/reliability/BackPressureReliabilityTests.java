package io.github.neurospringboot.test.reliability;

import ch.qos.logback.classic.Level;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.event.NeuroConnectedEvent;
import io.github.neurospringboot.event.NeuroDisconnectedEvent;
import io.github.neurospringboot.test.ActionOutcome;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import io.github.neurospringboot.testlogging.LogLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Neuro that sends faster than the game can answer, and one that stops reading: results wait for room instead of
 * being dropped, and a connection nothing can be sent on is given up within the send time limit.
 */
class BackPressureReliabilityTests {

	private static final int BURST = 100_000;

	/** Small, so that the burst fills it many times over. */
	private static final String SMALL_SEND_BUFFER = "neuro.websocket.send-buffer-size-limit=8KB";

	/** A result may wait behind many others: the deadline is not under test here. */
	private static final String ACCEPTING_DEADLINE = "neuro.actions.result-timeout=10s";

	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.from(NeuroConnection.class);

	@Test
	void everyActionOfABurstGetsExactlyOneResultOnItsConnection() {
		int results = ReliabilityRun.play((play) -> {
			for (int i = 0; i < BURST; i++) {
				play.ledger().send(ReliabilityGame.PLAY, "{\"think\":0}");
			}
			assertThat(play.ledger().awaitAnswers()).hasSize(BURST).allSatisfy(ActionOutcome::assertSuccess);
			assertThat(play.game().plays()).isEqualTo(BURST);
			assertThat(play.neuro().connectionCount()).isOne();
			assertThat(play.events().ofType(NeuroDisconnectedEvent.class)).isEmpty();
		}, SMALL_SEND_BUFFER, ACCEPTING_DEADLINE);
		assertThat(results).isEqualTo(BURST);
	}

	@Test
	void aNeuroThatStopsReadingIsGivenUpWithinTheSendTimeLimitAndTheGameReconnects() {
		ReliabilityRun.play((play) -> {
			play.neuro().stopReading(true);
			String page = "x".repeat(32 * 1024);
			// Each send is taken until the network's buffers are full; then one waits for the time limit and fails.
			int sent = 0;
			while (play.client().sendContext(page, true)) {
				sent++;
			}
			assertThat(sent).as("contexts taken before the connection was given up").isPositive();
			assertThat(play.client().sendContext("after", true)).as("a context sent once given up").isFalse();
			play.awaitConnection(2);
			play.neuro().stopReading(false);
			assertThat(play.events().ofType(NeuroDisconnectedEvent.class)).singleElement().satisfies((lost) -> {
				assertThat(lost.getReason()).contains("neuro.websocket.send-time-limit");
				assertThat(lost.willReconnect()).isTrue();
			});
			assertThat(play.events().ofType(NeuroConnectedEvent.class)).hasSize(2);
			assertThat(this.logs.lines()).filteredOn((line) -> line.level() == Level.WARN)
				.singleElement()
				.extracting(LogLine::message)
				.asString()
				.contains("Disconnected from Neuro", "neuro.websocket.send-time-limit");
		}, "neuro.websocket.send-time-limit=1s", SMALL_SEND_BUFFER);
	}

}
