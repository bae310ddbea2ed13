package io.github.neurospringboot.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.testing.TestGames;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The extension points a tool builds on: a listener that hears every connection, plain HTTP on the games' own port
 * (untouched by the faults, which are for games), and injected latency.
 */
class EmbeddedNeuroSharedPortTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(NeuroConnection.class);

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void theListenerHearsEveryConnectionBothWays() {
		List<String> heard = new CopyOnWriteArrayList<>();
		EmbeddedNeuroListener listener = new EmbeddedNeuroListener() {

			@Override
			public void connected(GameConnection connection) {
				heard.add("connected " + connection.number());
			}

			@Override
			public void received(GameConnection connection, ReceivedFrame frame) {
				heard.add("game " + frame.command());
			}

			@Override
			public void sending(GameConnection connection, String text) {
				heard.add("neuro " + text.substring(12, text.indexOf('"', 12)));
			}

			@Override
			public void closed(GameConnection connection, int code) {
				heard.add("closed " + code);
			}

		};
		try (EmbeddedNeuro neuro = EmbeddedNeuro.builder().listener(listener).acknowledgeAs(NeuroCharacter.NEURO)
			.start()) {
			TestGames.connectedTo(neuro).withBean(Dice.class).run((game) -> {
				neuro.awaitActionRegistered("roll", WAIT);
				neuro.execute("roll", null).assertSuccess();
			});
			neuro.awaitCloseCode(1001, WAIT);
			await().atMost(WAIT).untilAsserted(() -> assertThat(heard).containsSubsequence("connected 1",
					"game startup", "neuro startup", "game actions/register", "neuro action", "game action/result",
					"game actions/unregister", "closed 1001"));
		}
	}

	@Test
	void plainHttpSharesThePortAndTheFaultsLeaveItAlone() throws Exception {
		try (EmbeddedNeuro neuro = EmbeddedNeuro.builder().http(new HelloServlet()).start()) {
			HttpClient http = HttpClient.newHttpClient();
			URI page = URI.create("http://127.0.0.1:" + neuro.port() + "/hello");
			assertThat(get(http, page)).isEqualTo("hello /hello");
			TestGames.connectedTo(neuro).withBean(Dice.class).run((game) -> {
				neuro.awaitActionRegistered("roll", WAIT);
				// The page's keep-alive connection survives the faults that end the game's
				neuro.refuseConnections(true);
				neuro.awaitCloseCode(1006, WAIT);
				assertThat(get(http, page)).isEqualTo("hello /hello");
				assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> HttpClient.newHttpClient()
					.newWebSocketBuilder()
					.buildAsync(neuro.url(), new WebSocket.Listener() {
					})
					.join());
				neuro.refuseConnections(false);
				neuro.awaitConnection(WAIT);
				assertThat(get(http, page)).isEqualTo("hello /hello");
			});
		}
	}

	@Test
	void servingHttpAndSpeakingTlsCannotGoTogether() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> EmbeddedNeuro.builder().http(new HelloServlet()).secure(true).start())
			.withMessageContaining("choose Builder.http or Builder.secure");
	}

	@Test
	void injectedLatencyDelaysEachFrameEachWay() {
		try (EmbeddedNeuro neuro = EmbeddedNeuro.start()) {
			TestGames.connectedTo(neuro).withBean(Dice.class).run((game) -> {
				neuro.awaitActionRegistered("roll", WAIT);
				neuro.injectLatency(Duration.ofMillis(300));
				long start = System.nanoTime();
				neuro.execute("roll", null).assertSuccess();
				// There and back: at least twice the latency, however fast the game answers
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
				neuro.injectLatency(Duration.ZERO);
				neuro.execute("roll", null).assertSuccess();
			});
		}
	}

	private static String get(HttpClient http, URI page) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(page).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	static class Dice {

		@NeuroAction(description = "Roll the die.")
		String roll() {
			return "You rolled a 4.";
		}

	}

	static class HelloServlet extends HttpServlet {

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.getWriter().write("hello " + request.getRequestURI());
		}

	}

}
