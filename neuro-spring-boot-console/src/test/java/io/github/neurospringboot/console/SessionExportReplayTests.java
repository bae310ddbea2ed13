package io.github.neurospringboot.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.SessionReplay;
import io.github.neurospringboot.test.replay.SessionScript;
import io.github.neurospringboot.test.replay.SessionScript.ActionStep;
import io.github.neurospringboot.test.replay.SessionScript.Step;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A session played in the console becomes a test: exported from the console ({@code GET /api/session}), it replays
 * in JUnit against the same game, connected to the kit's embedded Neuro, with the same outcomes; a game that answers
 * differently fails it.
 */
class SessionExportReplayTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aSessionPlayedInTheConsoleReplaysAgainstTheGame() throws Exception {
		SessionScript script;
		try (ConfigurableApplicationContext game = game("neuro.console.enabled=true", "neuro.console.port=0")) {
			URI console = game.getBean(NeuroConsole.class).url();
			awaitRegistered(console, "roll_dice");
			execute(console, "roll_dice", "{\"sides\": 6}");
			execute(console, "roll_dice", "{\"sides\": \"six\"}");
			execute(console, "pick", "{\"color\": \"BLUE\"}");
			assertThat(ConsoleTestGame.calls.poll(10, TimeUnit.SECONDS)).isEqualTo("roll_dice 6");
			assertThat(ConsoleTestGame.calls.poll(10, TimeUnit.SECONDS)).isEqualTo("pick BLUE");
			script = awaitSession(console, 3);
		}
		assertThat(script.game()).isEqualTo("Dice Game");
		assertThat(script.steps()).extracting((step) -> ((ActionStep) step).success()).containsExactly(true, false,
				true);
		SessionScript parsed = SessionScript.parse(script.toJson());
		try (EmbeddedNeuro neuro = EmbeddedNeuro.start();
				ConfigurableApplicationContext game = game("neuro.url=" + neuro.url())) {
			SessionReplay.of(parsed).against(neuro);
			// A game that answers otherwise fails the replay
			List<Step> steps = new ArrayList<>(parsed.steps());
			ActionStep first = (ActionStep) steps.get(0);
			steps.set(0, new ActionStep(first.action(), first.data(), true, "You rolled a die of 7 sides."));
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> SessionReplay.of(new SessionScript(parsed.game(), steps)).against(neuro))
				.withMessageContaining("You rolled a die of 7 sides.");
		}
	}

	private static ConfigurableApplicationContext game(String... properties) {
		ConsoleTestGame.calls.clear();
		return new SpringApplicationBuilder(ConsoleTestGame.class).bannerMode(Banner.Mode.OFF)
			.properties("neuro.game=Dice Game")
			.properties(properties)
			.run();
	}

	private void execute(URI console, String action, String data) throws Exception {
		String body = JsonMapper.shared()
			.createObjectNode()
			.put("connection", 1)
			.put("action", action)
			.put("data", data)
			.put("check", false)
			.toString();
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(console.resolve("/api/execute"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.body()).isEqualTo("{\"ok\":true}");
	}

	private void awaitRegistered(URI console, String action) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> get(console, "/api/sample?connection=1&action=" + action).statusCode() == 200);
	}

	private SessionScript awaitSession(URI console, int steps) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> SessionScript.parse(get(console, "/api/session?connection=1").body()),
					(script) -> script.steps().size() == steps);
	}

	private HttpResponse<String> get(URI console, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(console.resolve(path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
