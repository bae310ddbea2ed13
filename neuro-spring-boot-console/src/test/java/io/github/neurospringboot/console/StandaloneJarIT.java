package io.github.neurospringboot.console;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone jar, as a developer of a game of any SDK runs it ({@code java -jar neuro-console.jar}), serving a
 * game written without the starter: a raw websocket client, and the page in a browser.
 */
class StandaloneJarIT {

	@RegisterExtension
	static final Chromium browser = new Chromium();

	private static Process console;

	private static URI page;

	private static URI neuro;

	@BeforeAll
	static void startTheJar() throws Exception {
		Path jar = Path.of(System.getProperty("neuro.console.jar", "target/neuro-console.jar"));
		assertThat(jar).exists();
		console = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				jar.toString(), "--port", "0")
			.redirectErrorStream(true)
			.start();
		BufferedReader out = new BufferedReader(new InputStreamReader(console.getInputStream(), StandardCharsets.UTF_8));
		String first = out.readLine();
		String second = out.readLine();
		assertThat(first).startsWith("Neuro console: http://127.0.0.1:");
		assertThat(second).startsWith("Games connect to ws://127.0.0.1:");
		page = URI.create(first.substring("Neuro console: ".length()));
		neuro = URI.create(second.substring("Games connect to ".length(), second.indexOf(' ', "Games connect to ".length())));
	}

	@AfterAll
	static void stopTheJar() throws InterruptedException {
		console.destroy();
		assertThat(console.waitFor(20, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void servesAGameWrittenWithoutTheStarter() throws Exception {
		HttpResponse<String> index = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(index.statusCode()).isEqualTo(200);
		assertThat(index.body()).contains("<title>Neuro console</title>");
		try (RawGame game = RawGame.connect("Any SDK Game", neuro)) {
			game.answerWith((action) -> "Jumped " + action.path("data").asString() + ".");
			assertThat(game.awaitFrame("startup").path("data").path("session").path("characterId").asString())
				.isEqualTo("neuro");
			game.register(RawGame.action("jump", "Jump that high.",
					"{\"type\":\"object\",\"properties\":{\"height\":{\"type\":\"integer\",\"minimum\":1,"
							+ "\"maximum\":3}},\"required\":[\"height\"]}"));
			ConsolePage console = ConsolePage.open(browser.driver(), page).game("Any SDK Game");
			console.selectAction("jump").editorData("{\"height\": 2}").click("execute");
			assertThat(game.awaitFrame("action").path("data").path("data").asString()).isEqualTo("{\"height\": 2}");
			assertThat(console.awaitResult()).endsWith(": Jumped {\"height\": 2}.");
		}
	}

}
