package io.github.neurospringboot.test.replay;

import java.nio.file.Path;
import java.util.List;

import io.github.neurospringboot.test.replay.SessionScript.ActionStep;
import io.github.neurospringboot.test.replay.SessionScript.ContextStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SessionScript}: the JSON format README describes.
 */
class SessionScriptTests {

	private static final SessionScript DICE = new SessionScript("Dice", List.of(
			new ContextStep("Your turn.", true),
			new ActionStep("roll", "{\"dice\":2}", true, "You rolled 7."),
			new ActionStep("roll", "{\"dice\": 9", false, "Action failed: the parameters of 'roll' were not valid JSON."),
			new ActionStep("pass", null, true, null),
			new ActionStep("say", "\"hello\"", false, "Send one JSON object.")));

	@Test
	void writesOneStepPerLineWithDataAsJsonWhereItIsAnObjectOrAnArray() {
		assertThat(DICE.toJson()).isEqualTo("""
				{
				  "version": 1,
				  "game": "Dice",
				  "steps": [
				    {"context":"Your turn.","silent":true},
				    {"action":"roll","data":{"dice":2},"result":{"success":true,"message":"You rolled 7."}},
				    {"action":"roll","data":"{\\"dice\\": 9","result":{"success":false,"message":"Action failed: the parameters of 'roll' were not valid JSON."}},
				    {"action":"pass","result":{"success":true}},
				    {"action":"say","data":"\\"hello\\"","result":{"success":false,"message":"Send one JSON object."}}
				  ]
				}
				""");
	}

	@Test
	void readsWhatItWrites(@TempDir Path directory) {
		assertThat(SessionScript.parse(DICE.toJson())).isEqualTo(DICE);
		Path file = directory.resolve("dice.json");
		DICE.write(file);
		assertThat(SessionScript.read(file)).isEqualTo(DICE);
	}

	@Test
	void readsDataWrittenByHandAsJson() {
		SessionScript script = SessionScript.parse("""
				{"version": 1, "game": "Dice", "steps": [
				  {"action": "roll", "data": {"dice": 2, "loud": true}, "result": {"success": true}},
				  {"action": "roll", "data": [1, 2], "result": {"success": false, "message": "No."}},
				  {"action": "roll", "data": 4, "result": {"success": false, "message": "No."}},
				  {"action": "pass", "data": null, "result": {"success": true}},
				  {"context": "Done."}
				]}""");
		assertThat(script.steps()).containsExactly(new ActionStep("roll", "{\"dice\":2,\"loud\":true}", true, null),
				new ActionStep("roll", "[1,2]", false, "No."), new ActionStep("roll", "4", false, "No."),
				new ActionStep("pass", null, true, null), new ContextStep("Done.", false));
	}

	@Test
	void withoutContextsKeepsTheActions() {
		assertThat(DICE.withoutContexts().steps()).hasSize(4).allMatch(ActionStep.class::isInstance);
	}

	@Test
	void sayWhatIsWrongWithAScript() {
		assertThatIllegalArgumentException().isThrownBy(() -> SessionScript.parse("{\"version\": 1, \"steps\": "))
			.withMessageStartingWith("The session script is not JSON: ");
		assertThatIllegalArgumentException().isThrownBy(() -> SessionScript.parse("{\"version\": 2, \"steps\": []}"))
			.withMessage("The session script has version 2, but only version 1 can be read");
		assertThatIllegalArgumentException().isThrownBy(() -> SessionScript.parse("{\"version\": 1}"))
			.withMessage("The session script has no steps array");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SessionScript.parse("{\"version\": 1, \"steps\": [{\"context\": \"Hi.\"}, {}]}"))
			.withMessage("Step 2 of the session script has neither an action nor a context (a string)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SessionScript.parse("{\"version\": 1, \"steps\": [{\"action\": \"roll\"}]}"))
			.withMessage("Step 1 of the session script has no result with a success flag (true or false)");
	}

}
