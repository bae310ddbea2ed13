package io.github.neurospringboot.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.neurospringboot.action.ActionDispatcher;
import io.github.neurospringboot.action.LambdaAction;
import io.github.neurospringboot.action.NeuroActionException;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.EmbeddedNeuroExtension;
import io.github.neurospringboot.testing.TestGames;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import io.github.neurospringboot.window.ActionWindows;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health, the {@code neuro} endpoint and the meters of a web application with Actuator, seen through real HTTP calls
 * while the embedded Neuro (a real websocket server on loopback) plays Neuro.
 */
class NeuroActuatorIntegrationTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(NeuroConnection.class, ActionDispatcher.class);

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String STARTUP_ACKNOWLEDGEMENT = """
			{"command":"startup","data":{"session":{"sessionId":"s-1","characterId":"evil","displayName":"Evil Neuro"}}}""";

	private static final JsonMapper JSON = JsonMapper.shared();

	/** A fresh one for each test, closed after the game; the game must do nothing its diagnostics find wrong. */
	@RegisterExtension
	final EmbeddedNeuroExtension neuro = TestGames.diagnosedNeuro();

	private final HttpClient http = HttpClient.newHttpClient();

	private ConfigurableApplicationContext game;

	@AfterEach
	void stopGame() {
		if (this.game != null) {
			this.game.getBean(TicTacToe.class).slowCall.countDown();
			this.game.close();
		}
	}

	@Test
	void healthIsUpWithTheSessionThenDownWithTheReasonOnceNeuroIsGone() throws Exception {
		URI withCredentials = URI.create("ws://user:secret@127.0.0.1:" + neuro().port() + "/?token=hunter2");
		startGame(withCredentials);
		registered();
		neuro().sendText(STARTUP_ACKNOWLEDGEMENT);
		String url = neuro().url().toString();

		await().atMost(WAIT).untilAsserted(() -> {
			Response health = get("/actuator/health");
			assertThat(health.status()).isEqualTo(200);
			JSONAssert.assertEquals("""
					{"status":"UP","details":{"url":"%s","game":"Tic Tac Toe","characterId":"evil",
					 "displayName":"Evil Neuro","registeredActions":1}}""".formatted(url),
					health.json().at("/components/neuro").toString(), JSONCompareMode.STRICT);
		});

		neuro().close();
		await().atMost(WAIT).untilAsserted(() -> {
			Response health = get("/actuator/health");
			assertThat(health.status()).isEqualTo(503);
			JsonNode neuro = health.json().at("/components/neuro");
			assertThat(neuro.at("/status").asString()).isEqualTo("DOWN");
			assertThat(neuro.at("/details/url").asString()).isEqualTo(url);
			assertThat(neuro.at("/details/reason").asString()).startsWith("Cannot reach Neuro (");
			assertThat(health.body()).doesNotContain("secret").doesNotContain("hunter2");
		});
	}

	@Test
	void endpointListsTheRegisteredActionsWithTheirSchemasTheOpenWindowsAndTheSession() throws Exception {
		startGame(neuro().url());
		registered();
		// Until Neuro acknowledges startup (which is optional), nobody is known to play; nulls are left out.
		JsonNode beforeAcknowledgement = get("/actuator/neuro").json();
		assertThat(beforeAcknowledgement.has("session")).isFalse();
		assertThat(beforeAcknowledgement.path("windows").isEmpty()).isTrue();
		neuro().sendText(STARTUP_ACKNOWLEDGEMENT);
		this.game.getBean(ActionWindows.class)
			.window()
			.actions("place_mark")
			.action(LambdaAction.of("resign", "Give up this game.", (call) -> "You resigned."))
			.open();
		assertThat(neuro().awaitFrame("actions/register", WAIT).text()).contains("resign");

		await().atMost(WAIT).untilAsserted(() -> JSONAssert.assertEquals("""
				{"game":"Tic Tac Toe","url":"%s","connected":true,
				 "session":{"sessionId":"s-1","characterId":"evil","displayName":"Evil Neuro"},
				 "actions":[
				  {"name":"place_mark","description":"Place your mark on an empty cell.",
				   "schema":{"type":"object","properties":{"cell":{"type":"integer","minimum":0,"maximum":8}},
				             "required":["cell"]}},
				  {"name":"resign","description":"Give up this game."}],
				 "windows":[{"actions":["place_mark","resign"]}]}""".formatted(neuro().url()),
				get("/actuator/neuro").body(), JSONCompareMode.STRICT));
	}

	@Test
	void actionMetersCountEachOutcomeTimeTheActionsAndCountTimeouts() throws Exception {
		// Long enough for the first, cold call; the slow one waits for the test, so it times out whatever the machine.
		startGame(neuro().url(), "neuro.actions.result-timeout=1s");
		registered();
		act("1", "{\\\"cell\\\":4}");
		act("2", "{\\\"cell\\\":9}");
		act("3", "{\\\"cell\\\":0}");
		act("4", "{\\\"cell\\\":" + TicTacToe.SLOW_CELL + "}");
		List<String> answered = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			answered.add(neuro().awaitFrame("action/result", WAIT).data().path("id").asString());
		}
		assertThat(answered).containsExactlyInAnyOrder("1", "2", "3", "4");
		this.game.getBean(TicTacToe.class).slowCall.countDown();

		assertThat(count("neuro.actions.received", "action:place_mark")).isEqualTo(4);
		assertThat(count("neuro.actions.answered", "action:place_mark", "outcome:success")).isEqualTo(1);
		assertThat(count("neuro.actions.answered", "action:place_mark", "outcome:failure")).isEqualTo(2);
		assertThat(count("neuro.actions.answered", "action:place_mark", "outcome:failure_without_retry"))
			.isEqualTo(1);
		assertThat(count("neuro.actions.timed.out", "action:place_mark")).isEqualTo(1);
		JsonNode duration = get("/actuator/metrics/neuro.actions.duration?tag=action:place_mark").json();
		assertThat(measurement(duration, "COUNT")).isEqualTo(4);
		assertThat(measurement(duration, "MAX")).isGreaterThanOrEqualTo(1.0);
	}

	@Test
	void connectionMetersFollowTheConnectionAcrossAReconnect() throws Exception {
		startGame(neuro().url());
		registered();
		await().atMost(WAIT).untilAsserted(() -> assertThat(value("neuro.connection.state")).isEqualTo(1));
		assertThat(count("neuro.reconnects")).isZero();

		neuro().dropConnections();
		assertThat(neuro().awaitFrame("startup", WAIT).connection()).isEqualTo(2);
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(count("neuro.reconnects")).isEqualTo(1);
			assertThat(value("neuro.connection.state")).isEqualTo(1);
		});

		neuro().refuseConnections(true);
		await().atMost(WAIT).untilAsserted(() -> assertThat(value("neuro.connection.state")).isZero());
	}

	private void startGame(URI url, String... properties) {
		this.game = new SpringApplicationBuilder(TestGame.class)
			.properties("spring.main.banner-mode=off", "server.port=0", "server.address=127.0.0.1",
					"neuro.game=Tic Tac Toe", "neuro.url=" + url, "neuro.reconnect.initial-interval=100ms",
					"neuro.reconnect.max-interval=500ms", "neuro.reconnect.jitter=50ms",
					"management.endpoints.web.exposure.include=health,neuro,metrics",
					"management.endpoint.health.show-details=always")
			.properties(properties)
			.run();
	}

	private EmbeddedNeuro neuro() {
		return this.neuro.get();
	}

	private void registered() {
		assertThat(neuro().awaitFrame(WAIT).command()).isEqualTo("startup");
		assertThat(neuro().awaitFrame(WAIT).command()).isEqualTo("actions/register");
	}

	private void act(String id, String data) {
		neuro().sendText("{\"command\":\"action\",\"data\":{\"id\":\"" + id + "\",\"name\":\"place_mark\",\"data\":\""
				+ data + "\"}}");
	}

	private double count(String meter, String... tags) throws Exception {
		return measurement(get(metricPath(meter, tags)).json(), "COUNT");
	}

	private double value(String meter) throws Exception {
		return measurement(get(metricPath(meter)).json(), "VALUE");
	}

	private static String metricPath(String meter, String... tags) {
		StringBuilder path = new StringBuilder("/actuator/metrics/").append(meter);
		for (int i = 0; i < tags.length; i++) {
			path.append((i == 0) ? '?' : '&').append("tag=").append(tags[i]);
		}
		return path.toString();
	}

	private static double measurement(JsonNode metric, String statistic) {
		for (JsonNode measurement : metric.path("measurements")) {
			if (statistic.equals(measurement.path("statistic").asString())) {
				return measurement.path("value").asDouble();
			}
		}
		throw new AssertionError("No " + statistic + " in " + metric);
	}

	private Response get(String path) throws IOException, InterruptedException {
		int port = this.game.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(WAIT).build(),
				HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body());
	}

	private record Response(int status, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(TicTacToe.class)
	static class TestGame {

	}

	static class TicTacToe {

		/** The cell whose call does not finish until the test counts {@link #slowCall} down. */
		static final int SLOW_CELL = 8;

		final CountDownLatch slowCall = new CountDownLatch(1);

		@NeuroAction(description = "Place your mark on an empty cell.")
		String placeMark(@Min(0) @Max(8) int cell) throws InterruptedException {
			if (cell == 0) {
				throw new NeuroActionException("The game is over.", false);
			}
			if (cell == SLOW_CELL) {
				this.slowCall.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			}
			return "You marked cell " + cell + ".";
		}

	}

}
