package io.github.neurospringboot.sample;

import java.time.Duration;

import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.EnableEmbeddedNeuro;
import io.github.neurospringboot.test.ReceivedFrame;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neuro's first turn, played by hand through the test kit: what she is offered, what she is told when a move is not
 * legal, and what she is told when it is.
 */
@SpringBootTest
@EnableEmbeddedNeuro
class TicTacToeRulesTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	private EmbeddedNeuro neuro;

	@Test
	void aMoveOutsideTheBoardOrOnATakenCellIsRefusedWithWhatIsLegal() {
		ReceivedFrame force = this.neuro.awaitFrame("actions/force", WAIT);
		assertThat(force.data().path("action_names").toString()).isEqualTo("[\"place_mark\"]");
		assertThat(this.neuro.registeredAction("place_mark").orElseThrow().path("schema").toString())
			.isEqualTo("{\"type\":\"object\",\"properties\":{\"cell\":{\"type\":\"integer\",\"minimum\":0,"
					+ "\"maximum\":8}},\"required\":[\"cell\"]}");
		// Registered once, right after startup: the turn itself registers nothing.
		assertThat(this.neuro.frames().stream().filter((frame) -> frame.connection() == force.connection())
			.map(ReceivedFrame::command)
			.takeWhile((command) -> !command.equals("actions/force"))).containsExactly("startup", "actions/register",
					"context", "context");

		this.neuro.execute("place_mark", "{\"cell\":9}").assertFailure("'cell' must be at most 8, but was 9.");
		// X always opens in the centre.
		this.neuro.execute("place_mark", "{\"cell\":4}")
			.assertFailure("Cell 4 is taken. Free cells: 0, 1, 2, 3, 5, 6, 7, 8.");
		assertThat(this.neuro.execute("place_mark", "{\"cell\":0}").assertSuccess().message())
			.isEqualTo("You placed O on cell 0. The board, row by row: O 1 2 / 3 X 5 / 6 7 8.");
		this.neuro.assertNoLintErrors();
	}

}
