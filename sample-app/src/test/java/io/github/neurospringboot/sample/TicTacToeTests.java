package io.github.neurospringboot.sample;

import java.time.Duration;
import java.util.List;

import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.EnableEmbeddedNeuro;
import io.github.neurospringboot.test.ReceivedFrame;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample played to the end of a game by the embedded Neuro of the test kit, playing on its own.
 */
@SpringBootTest
@EnableEmbeddedNeuro(autoPlay = true, forceRetries = 8)
class TicTacToeTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	private EmbeddedNeuro neuro;

	@Autowired
	private TicTacToe game;

	@Test
	void neuroPlaysAWholeGameAndIsReadyToCloseWhenSheAsks() {
		await().atMost(WAIT).until(() -> this.game.gamesFinished() >= 1);
		assertThat(this.neuro.forcesPlayed()).isPositive();
		this.neuro.assertNoLintErrors();

		ReceivedFrame force = this.neuro.awaitFrame("actions/force", WAIT);
		assertThat(force.data().path("action_names").get(0).asString()).isEqualTo("place_mark");
		assertThat(force.data().path("state").asString()).startsWith("## Board");
		await().atMost(WAIT)
			.until(() -> this.neuro.frames().stream().anyMatch((frame) -> frame.text().contains("Game over")));

		this.neuro.sendGracefulShutdown(true);
		this.neuro.awaitFrame("shutdown/ready", WAIT);
		// No game is under way, and none will start: place_mark is still registered, and refused with the reason.
		assertThat(this.neuro.registeredActions()).contains("place_mark");
		assertThat(this.neuro.execute("place_mark", "{\"cell\":0}").assertFailure("It is not your turn").message())
			.isEqualTo("It is not your turn: no game is under way.");
	}

	@Test
	void placeMarkIsRegisteredOnceAndEveryMoveIsAnsweredWithTheNewBoard() {
		await().atMost(WAIT).until(() -> this.game.gamesFinished() >= 1);
		List<ReceivedFrame> frames = this.neuro.frames();
		// One registration per connection, right after its startup, and no unregistration: no churn between turns.
		assertThat(commands(frames, "actions/register")).hasSameSizeAs(commands(frames, "startup"))
			.allSatisfy((register) -> assertThat(register.data().path("actions").findValuesAsString("name"))
				.containsExactly("place_mark"));
		assertThat(commands(frames, "actions/unregister")).isEmpty();
		List<JsonNode> moves = commands(frames, "action/result").stream()
			.map(ReceivedFrame::data)
			.filter((result) -> result.path("success").asBoolean())
			.toList();
		assertThat(moves).isNotEmpty()
			.allSatisfy((move) -> assertThat(move.path("message").asString())
				.matches("You placed O on cell \\d( and completed a line: you win this game!|\\.) The board, row by "
						+ "row: [0-8XO] [0-8XO] [0-8XO] / [0-8XO] [0-8XO] [0-8XO] / [0-8XO] [0-8XO] [0-8XO]\\."));
	}

	private static List<ReceivedFrame> commands(List<ReceivedFrame> frames, String command) {
		return frames.stream().filter((frame) -> frame.command().equals(command)).toList();
	}

}
