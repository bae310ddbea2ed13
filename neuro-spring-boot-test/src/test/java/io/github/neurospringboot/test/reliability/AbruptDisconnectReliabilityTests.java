package io.github.neurospringboot.test.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.neurospringboot.action.ActionResultConverter;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.event.NeuroConnectedEvent;
import io.github.neurospringboot.event.NeuroConnectionFailedEvent;
import io.github.neurospringboot.event.NeuroDisconnectedEvent;
import io.github.neurospringboot.test.ActionOutcome;
import io.github.neurospringboot.test.ReceivedFrame;
import io.github.neurospringboot.testing.RecordedEvents;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the game survives 50 abrupt disconnects in the middle of play (every connection cut without a close
 * frame while actions run):
 * <ul>
 * <li>every action answered before a cut got exactly one result, on its connection;</li>
 * <li>every action still running at a cut, and finishing only after the game reconnected, got no result at all: not
 * on the lost connection, and not on the new one, where Neuro would not know its id;</li>
 * <li>each reconnect succeeded at its first attempt (no failed attempt at all: the server was up, so the attempt
 * made at once after the loss connected), began with {@code startup} and the registration
 * of every action, and play went on;</li>
 * <li>nothing (thread, connection) is left once the game is closed.</li>
 * </ul>
 */
class AbruptDisconnectReliabilityTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(NeuroConnection.class, ActionResultConverter.class);

	private static final int DISCONNECTS = 50;

	/** Actions answered on each connection before it is cut. */
	private static final int ANSWERED_PER_ROUND = 20;

	/** Actions running when each connection is cut. */
	private static final int RUNNING_AT_CUT = 5;

	@Test
	void fiftyAbruptDisconnectsInTheMiddleOfPlay() {
		int rounds = DISCONNECTS + 1;
		int results = ReliabilityRun.play((play) -> {
			ReliabilityGame game = play.game();
			for (int connection = 1; connection <= DISCONNECTS; connection++) {
				List<ActionOutcome> answered = playRound(play);
				assertThat(answered).hasSize(ANSWERED_PER_ROUND);

				game.holdPlays();
				for (int i = 0; i < RUNNING_AT_CUT; i++) {
					play.ledger().sendDoomed(ReliabilityGame.PLAY, "{\"think\":0}");
				}
				ReliabilityRun.waiting().until(() -> game.heldPlays() == RUNNING_AT_CUT);
				play.neuro().dropConnections();
				play.awaitConnection(connection + 1);
				// The held actions finish only now, with the new connection up: their results must go nowhere.
				game.releasePlays();
				ReliabilityRun.waiting().until(() -> game.heldPlays() == 0);
			}
			assertThat(playRound(play)).hasSize(ANSWERED_PER_ROUND);

			RecordedEvents events = play.events();
			assertThat(events.ofType(NeuroDisconnectedEvent.class)).hasSize(DISCONNECTS)
				.allSatisfy((event) -> assertThat(event.willReconnect()).isTrue());
			assertThat(events.ofType(NeuroConnectedEvent.class)).hasSize(rounds)
				.filteredOn(NeuroConnectedEvent::isReconnect)
				.hasSize(DISCONNECTS);
			assertThat(events.ofType(NeuroConnectionFailedEvent.class)).isEmpty();
			assertThat(play.neuro().connectionCount()).isEqualTo(rounds);
			IntStream.rangeClosed(1, rounds).forEach((connection) -> assertThat(firstCommands(play, connection))
				.as("the first frames on connection %d", connection)
				.containsExactly("startup", "actions/register"));
			assertThat(play.ledger().sentCount()).isEqualTo(DISCONNECTS * (ANSWERED_PER_ROUND + RUNNING_AT_CUT)
					+ ANSWERED_PER_ROUND);
			assertThat(play.ledger().outcomes(ReliabilityGame.PLAY)).hasSize(rounds * ANSWERED_PER_ROUND / 2)
				.allSatisfy((outcome) -> assertThat(outcome.message()).isEqualTo("Played."));
			assertThat(play.ledger().outcomes(ReliabilityGame.NOTHING)).hasSize(rounds * ANSWERED_PER_ROUND / 4)
				.allSatisfy(ActionOutcome::assertSuccess);
			assertThat(play.ledger().outcomes(ReliabilityGame.EXPLODE)).hasSize(rounds * ANSWERED_PER_ROUND / 4)
				.allSatisfy((outcome) -> outcome.assertFailure("the game ran into an error while executing 'explode'"));
			// Every held action ran to its end, after its connection was gone.
			int plays = rounds * ANSWERED_PER_ROUND / 2 + DISCONNECTS * RUNNING_AT_CUT;
			ReliabilityRun.waiting().until(() -> game.plays() >= plays);
			assertThat(game.plays()).isEqualTo(plays);
		});
		// Answered: every action of the 51 rounds. Not answered: the 250 running at the 50 cuts.
		assertThat(results).isEqualTo(rounds * ANSWERED_PER_ROUND);
	}

	/**
	 * Play one round on the current connection: each kind of action (but the one that stalls), at once, and wait
	 * for their results.
	 */
	private static List<ActionOutcome> playRound(ReliabilityRun.Play play) {
		List<CompletableFuture<ActionOutcome>> round = new ArrayList<>();
		for (int i = 0; i < ANSWERED_PER_ROUND; i++) {
			round.add(switch (i % 4) {
				case 0 -> play.ledger().send(ReliabilityGame.EXPLODE, null);
				case 1 -> play.ledger().send(ReliabilityGame.NOTHING, null);
				default -> play.ledger().send(ReliabilityGame.PLAY, "{\"think\":" + (i % 5) + "}");
			});
		}
		return round.stream()
			.map((outcome) -> outcome.orTimeout(ReliabilityRun.HANG_GUARD.toSeconds(), TimeUnit.SECONDS).join())
			.toList();
	}

	private static List<String> firstCommands(ReliabilityRun.Play play, int connection) {
		return play.neuro().frames().stream().filter((frame) -> frame.connection() == connection)
			.limit(2).map(ReceivedFrame::command).toList();
	}

}
