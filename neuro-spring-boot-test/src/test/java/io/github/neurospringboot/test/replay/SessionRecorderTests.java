package io.github.neurospringboot.test.replay;

import java.util.List;

import io.github.neurospringboot.test.replay.SessionScript.ActionStep;
import io.github.neurospringboot.test.replay.SessionScript.ContextStep;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SessionRecorder}, fed frames by hand.
 */
class SessionRecorderTests {

	private final SessionRecorder recorder = new SessionRecorder();

	@Test
	void recordsAnsweredActionsInTheOrderNeuroSentThemAndContextsAsTheyCame() {
		game("{\"command\":\"startup\",\"game\":\"Dice\"}");
		neuro("{\"command\":\"action\",\"data\":{\"id\":\"1\",\"name\":\"roll\",\"data\":\"{\\\"dice\\\":2}\"}}");
		neuro("{\"command\":\"action\",\"data\":{\"id\":\"2\",\"name\":\"pass\"}}");
		game("{\"command\":\"context\",\"game\":\"Dice\",\"data\":{\"message\":\"Rolling.\",\"silent\":true}}");
		game("{\"command\":\"action/result\",\"game\":\"Dice\",\"data\":{\"id\":\"2\",\"success\":true}}");
		game("{\"command\":\"action/result\",\"game\":\"Dice\",\"data\":{\"id\":\"1\",\"success\":false,"
				+ "\"message\":\"Too many dice.\"}}");
		neuro("{\"command\":\"action\",\"data\":{\"id\":\"3\",\"name\":\"roll\",\"data\":\"{}\"}}");
		assertThat(this.recorder.script()).isEqualTo(new SessionScript("Dice", List.of(
				new ActionStep("roll", "{\"dice\":2}", false, "Too many dice."), new ActionStep("pass", null, true, null),
				new ContextStep("Rolling.", true))));
	}

	@Test
	void anIdNeuroRepeatsIsAnsweredInOrderAndWhatIsNotAnActionOrItsResultIsLeftOut() {
		neuro("{\"command\":\"action\",\"data\":{\"id\":\"1\",\"name\":\"roll\"}}");
		neuro("{\"command\":\"action\",\"data\":{\"id\":\"1\",\"name\":\"roll\"}}");
		neuro("not JSON");
		neuro("{\"command\":\"actions/reregister_all\"}");
		game("{\"command\":\"action/result\",\"game\":\"Dice\",\"data\":{\"id\":\"1\",\"success\":true}}");
		game("{\"command\":\"action/result\",\"game\":\"Dice\",\"data\":{\"id\":\"1\",\"success\":false,"
				+ "\"message\":\"Already done.\"}}");
		game("{\"command\":\"action/result\",\"game\":\"Dice\",\"data\":{\"id\":\"9\",\"success\":true}}");
		game("not JSON");
		assertThat(this.recorder.script().steps()).containsExactly(new ActionStep("roll", null, true, null),
				new ActionStep("roll", null, false, "Already done."));
	}

	private void game(String text) {
		this.recorder.fromGame(text);
	}

	private void neuro(String text) {
		this.recorder.fromNeuro(text);
	}

}
