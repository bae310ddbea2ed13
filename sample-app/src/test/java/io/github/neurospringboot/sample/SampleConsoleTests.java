package io.github.neurospringboot.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.neurospringboot.console.NeuroConsole;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample as README's first command runs it, with no Neuro configured: it plays in the Neuro console, in its own
 * process, and Neuro plays on her own there until a person takes over.
 */
class SampleConsoleTests {

	@Test
	void playsOnItsOwnInTheConsoleWhosePageIsServed() throws Exception {
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
				"--neuro.console.port=0", "--neuro.console.think-delay=0s", "--spring.main.banner-mode=off",
				"--logging.level.root=warn")) {
			URI page = context.getBean(NeuroConsole.class).url();
			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<String> index = http.send(HttpRequest.newBuilder(page).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(index.statusCode()).isEqualTo(200);
			assertThat(index.body()).contains("<title>Neuro console</title>");
			// Auto-play answers a force: a move of hers, and its result, are in the console's log
			await().atMost(Duration.ofSeconds(30)).until(() -> http
				.send(HttpRequest.newBuilder(page.resolve("/api/log")).build(), HttpResponse.BodyHandlers.ofString())
				.body()
				.contains("You placed O on cell "));
		}
	}

}
