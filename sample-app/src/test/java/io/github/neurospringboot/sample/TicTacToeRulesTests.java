package io.github.neurospringboot.sample;

import java.time.Duration;

import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.EnableEmbeddedNeuro;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neuro's first turn, played by hand through the test kit: what she is offered, and what she is told when a move is
 * not legal.
 */
@SpringBootTest
@EnableEmbeddedNeuro
class TicTacToeRulesTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	private EmbeddedNeuro neuro;

	@Test
	void aMoveOutsideTheBoardOrOnATakenCellIsRefusedWithWhatIsLegal() {
		this.neuro.awaitFrame("actions/force", WAIT);
		assertThat(this.neuro.registeredAction("place_mark").orElseThrow().path("schema").toString())
			.isEqualTo("{\"type\":\"object\",\"properties\":{\"cell\":{\"type\":\"integer\",\"minimum\":0,"
					+ "\"maximum\":8}},\"required\":[\"cell\"]}");

		this.neuro.execute("place_mark", "{\"cell\":9}").assertFailure("'cell' must be at most 8, but was 9.");
		// X always opens in the centre.
		this.neuro.execute("place_mark", "{\"cell\":4}")
			.assertFailure("Cell 4 is taken. Free cells: 0, 1, 2, 3, 5, 6, 7, 8.");
		this.neuro.execute("place_mark", "{\"cell\":0}").assertSuccess();
		this.neuro.assertNoLintErrors();
	}

}
