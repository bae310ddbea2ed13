package io.github.neurospringboot.sample;

import java.time.Duration;

import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.EnableEmbeddedNeuro;
import io.github.neurospringboot.test.ReceivedFrame;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample played to the end of a game by the embedded Neuro of the test kit, playing on its own.
 */
@SpringBootTest
@EnableEmbeddedNeuro(autoPlay = true, forceRetries = 50)
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
	}

}
