package io.github.neurospringboot.test.diagnostics;

import java.time.Duration;

import io.github.neurospringboot.action.LambdaAction;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.client.Force;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.EmbeddedNeuroExtension;
import io.github.neurospringboot.test.NeuroCharacter;
import io.github.neurospringboot.testing.TestGames;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import io.github.neurospringboot.window.ActionWindows;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A game of this starter, played by the embedded Neuro through turns, a disposable action, refusals, a request to
 * register again and a reconnect, raises no diagnostic at all, not even at INFO.
 */
class StarterGameDiagnosticsTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(NeuroConnection.class);

	@RegisterExtension
	final EmbeddedNeuroExtension neuro = TestGames
		.diagnosedNeuro(EmbeddedNeuro.builder()
			.autoPlay(true)
			.autoPlayDelay(Duration.ZERO)
			.seed(7)
			.acknowledgeAs(NeuroCharacter.NEURO))
		.failOnDiagnostics(Severity.INFO);

	@Test
	void aGameOfTheStarterRaisesNoDiagnostic() {
		TestGames.connectedTo(this.neuro.get())
			.withBean(Cards.class)
			.withPropertyValues("neuro.reconnect.initial-interval=100ms", "neuro.reconnect.jitter=0ms")
			.run((context) -> {
				EmbeddedNeuro server = this.neuro.get();
				server.awaitActionRegistered("draw", WAIT);
				ActionWindows windows = context.getBean(ActionWindows.class);
				for (int turn = 1; turn <= 3; turn++) {
					windows.window().context("Turn " + turn + ".", true).actions("draw")
						.force(Force.query("Draw some cards.")).open();
					awaitForcesPlayed(turn);
				}
				windows.window()
					.action(LambdaAction.of("choose_prize", "Choose your prize.", Prize.class,
							(prize, call) -> "You chose " + prize.kind() + "."))
					.force(Force.query("You won! Choose a prize."))
					.open();
				awaitForcesPlayed(4);
				server.execute("draw", "{\"count\":9}").assertFailure("'count' must be at most 3, but was 9.");
				server.execute("fly", null).assertFailure("Unknown action 'fly'.");
				context.getBean(NeuroClient.class).sendContext("Nothing happened.");
				long registrations = registrations(server);
				server.sendReregisterAll();
				await().atMost(WAIT).until(() -> registrations(server) == registrations + 1);
				server.dropConnections();
				server.awaitConnections(2, WAIT);
				server.awaitActionRegistered("draw", WAIT);
				windows.window().actions("draw").force(Force.query("Draw again.")).open();
				awaitForcesPlayed(5);
				server.awaitConnection(WAIT);
				assertThat(server.diagnostics()).isEmpty();
			});
	}

	private static long registrations(EmbeddedNeuro server) {
		return server.frames().stream().filter((frame) -> frame.command().equals("actions/register")).count();
	}

	private void awaitForcesPlayed(long forces) {
		await().atMost(WAIT).until(() -> this.neuro.get().forcesPlayed() == forces);
	}

	record Prize(String kind) {
	}

	static class Cards {

		@NeuroAction(description = "Draw some cards.")
		String draw(@Min(1) @Max(3) int count) {
			return "You drew " + count + " card(s).";
		}

	}

}
