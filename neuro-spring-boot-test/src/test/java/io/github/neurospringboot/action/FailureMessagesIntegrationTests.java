package io.github.neurospringboot.action;

import java.time.Duration;
import java.util.List;

import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.test.ActionOutcome;
import io.github.neurospringboot.test.EmbeddedNeuroExtension;
import io.github.neurospringboot.test.GameConnection;
import io.github.neurospringboot.test.ReceivedFrame;
import io.github.neurospringboot.testing.TestGames;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure message Neuro reads about the data she sent, exactly as README's table shows it, over the wire; and
 * the constraints inside record parameters, advertised and checked before the method runs, with or without
 * {@code @Valid}.
 */
class FailureMessagesIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String ATTACK_SCHEMA = """
			{"type":"object","properties":{
			  "weapon":{"type":"string","enum":["DAGGER","SWORD"]},
			  "swings":{"type":"integer","minimum":1,"maximum":3},
			  "target":{"type":"object","properties":{
			    "name":{"type":"string","minLength":1},
			    "distance":{"type":"integer","minimum":0,"maximum":2147483647}},
			    "required":["name","distance"]},
			  "rolls":{"type":"array","items":{"type":"integer","exclusiveMinimum":0,"maximum":2147483647}}},
			 "required":["weapon","swings","target","rolls"]}""";

	@RegisterExtension
	final EmbeddedNeuroExtension neuro = new EmbeddedNeuroExtension();

	@Test
	void eachMessageOfTheReadmeTable() {
		play((context, connection) -> {
			assertMessage(connection.execute("place_mark", "{cell: 4", WAIT), "Action failed: the parameters of "
					+ "'place_mark' were not valid JSON. Send one JSON object, with names and text in double quotes, "
					+ "such as {\"cell\": …}.");
			assertMessage(connection.execute("place_mark", "[4]", WAIT), "Action failed: the parameters of "
					+ "'place_mark' must be one JSON object, such as {\"cell\": …}, but were an array.");
			assertMessage(connection.execute("place_mark", "{}", WAIT),
					"Action failed: invalid parameters for 'place_mark'. Missing required parameter 'cell'.");
			assertMessage(connection.execute("place_mark", "{\"cell\":\"four\"}", WAIT), "Action failed: invalid "
					+ "parameters for 'place_mark'. 'cell' must be an integer, but was the string \"four\".");
			assertMessage(connection.execute("place_mark", "{\"cell\":9}", WAIT),
					"Action failed: invalid parameters for 'place_mark'. 'cell' must be at most 8, but was 9.");
			assertMessage(connection.execute("aim", "{\"angle\":1e400}", WAIT), "Action failed: invalid parameters "
					+ "for 'aim'. 'angle' must be a number, but was a number too large to use.");
			assertMessage(connection.execute("paint", "{\"color\":\"PINK\"}", WAIT), "Action failed: invalid "
					+ "parameters for 'paint'. 'color' must be one of \"RED\", \"GREEN\", \"BLUE\", but was \"PINK\".");
			assertMessage(connection.execute("fly", null, WAIT), "Unknown action 'fly'. Available actions: "
					+ "aim, attack, attack_checked, paint, place_mark, resign, send_word.");
			context.getBean(NeuroClient.class).unregisterActions("resign");
			assertMessage(connection.execute("resign", null, WAIT), "Action 'resign' is no longer available.");
			connection.sendText("{\"command\":\"action\",\"data\":{\"id\":\"5\",\"name\":\"aim\","
					+ "\"data\":\"{\\\"angle\\\":1}\"}}");
			connection.sendText("{\"command\":\"action\",\"data\":{\"id\":\"5\",\"name\":\"aim\","
					+ "\"data\":\"{\\\"angle\\\":1}\"}}");
			// The repeat is answered at once, the call itself when it has run: in either order.
			String first = resultFor(connection, "5").data().toString();
			String second = resultFor(connection, "5").data().toString();
			assertThat(List.of(first, second))
				.containsExactlyInAnyOrder("{\"id\":\"5\",\"success\":true}", "{\"id\":\"5\",\"success\":false,"
						+ "\"message\":\"Action id '5' was already received on this connection: each action runs once, "
						+ "so this repeated call was ignored.\"}");
			assertThat(context.getBean(Game.class).calls).isEqualTo(1);
		});
	}

	@Test
	void constraintsInsideRecordsAreAdvertisedToAnyDepthAndOnListElements() {
		play((context, connection) -> {
			for (String action : List.of("attack", "attack_checked")) {
				String schema = connection.registeredAction(action).orElseThrow().path("schema").toString();
				JSONAssert.assertEquals(ATTACK_SCHEMA, schema, JSONCompareMode.STRICT);
			}
		});
	}

	@Test
	void constraintsInsideRecordsAreCheckedBeforeTheMethodRunsWithOrWithoutValid() {
		play((context, connection) -> {
			for (String action : List.of("attack", "attack_checked")) {
				String prefix = "Action failed: invalid parameters for '" + action + "'. ";
				assertMessage(connection.execute(action, attack(7, "\"orc\"", 2, "[1]"), WAIT),
						prefix + "'swings' must be at most 3, but was 7.");
				assertMessage(connection.execute(action, attack(2, "\"\"", 2, "[1]"), WAIT),
						prefix + "'target.name' must be at least 1 character long, but was 0.");
				assertMessage(connection.execute(action, attack(2, "\"orc\"", -1, "[1]"), WAIT),
						prefix + "'target.distance' must be at least 0, but was -1.");
				assertMessage(connection.execute(action, attack(2, "\"orc\"", 2, "[1, 0]"), WAIT),
						prefix + "'rolls[1]' must be greater than 0, but was 0.");
			}
			assertThat(context.getBean(Game.class).calls).isZero();
			connection.execute("attack_checked", attack(2, "\"orc\"", 2, "[1]"), WAIT).assertSuccess();
			assertThat(context.getBean(Game.class).calls).isOne();
		});
	}

	@Test
	void aConstraintTheSchemaCannotExpressIsCheckedByBeanValidationInTheSameWords() {
		play((context, connection) -> {
			assertMessage(connection.execute("send_word", "{\"to\":\"nobody\"}", WAIT), "Action failed: invalid "
					+ "parameters for 'send_word'. 'to' must be a well-formed email address, but was the string "
					+ "\"nobody\".");
			assertThat(context.getBean(Game.class).calls).isZero();
		});
	}

	private void play(PlayConsumer test) {
		TestGames.connectedTo(this.neuro.get()).withBean(Game.class).run((context) -> {
			GameConnection connection = this.neuro.get().awaitConnection(WAIT);
			connection.awaitActionRegistered("send_word", WAIT);
			test.accept(context, connection);
		});
	}

	/**
	 * The next result with this id on the game's connection; the results before it were read through the connection
	 * already.
	 */
	private ReceivedFrame resultFor(GameConnection connection, String id) {
		ReceivedFrame result = this.neuro.get().awaitFrame("action/result", WAIT);
		while (result.connection() != connection.number() || !result.data().path("id").asString().equals(id)) {
			result = this.neuro.get().awaitFrame("action/result", WAIT);
		}
		return result;
	}

	private static String attack(int swings, String targetName, int distance, String rolls) {
		return "{\"weapon\":\"DAGGER\",\"swings\":" + swings + ",\"target\":{\"name\":" + targetName
				+ ",\"distance\":" + distance + "},\"rolls\":" + rolls + "}";
	}

	private static void assertMessage(ActionOutcome outcome, String message) {
		assertThat(outcome.success()).as("success of %s", outcome).isFalse();
		assertThat(outcome.message()).isEqualTo(message);
	}

	@FunctionalInterface
	interface PlayConsumer {

		void accept(AssertableApplicationContext context, GameConnection connection) throws Exception;

	}

	static class Game {

		volatile int calls;

		@NeuroAction(description = "Place a mark on a cell, 0 to 8.")
		void placeMark(@Min(0) @Max(8) int cell) {
			this.calls++;
		}

		@NeuroAction(description = "Aim the cannon.")
		void aim(double angle) {
			this.calls++;
		}

		@NeuroAction(description = "Paint the wall.")
		void paint(Color color) {
			this.calls++;
		}

		@NeuroAction(description = "Give up.")
		void resign() {
			this.calls++;
		}

		@NeuroAction(description = "Attack a target.")
		void attack(Attack attack) {
			this.calls++;
		}

		@NeuroAction(description = "Attack a target, checked by Bean Validation too.")
		void attackChecked(@Valid Attack attack) {
			this.calls++;
		}

		@NeuroAction(description = "Send a word to a friend.")
		void sendWord(@Valid Letter letter) {
			this.calls++;
		}

	}

	enum Color {

		RED, GREEN, BLUE

	}

	enum Weapon {

		DAGGER, SWORD

	}

	record Target(@NotBlank String name, @Min(0) int distance) {
	}

	record Attack(Weapon weapon, @Min(1) @Max(3) int swings, Target target, List<@Positive Integer> rolls) {
	}

	record Letter(@Email String to) {
	}

}
