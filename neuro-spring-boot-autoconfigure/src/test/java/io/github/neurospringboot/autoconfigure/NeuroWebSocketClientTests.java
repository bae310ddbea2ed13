package io.github.neurospringboot.autoconfigure;

import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.neurospringboot.testing.SilentNeuro;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The websocket client's part in shutdown: an attempt in the middle of its handshake does not hold the application.
 */
class NeuroWebSocketClientTests {

	@Test
	void stoppingDuringAHandshakeNeuroNeverAnswersDoesNotWaitForTheConnectTimeout() throws Exception {
		try (SilentNeuro neuro = new SilentNeuro()) {
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NeuroAutoConfiguration.class))
				.withPropertyValues("neuro.game=Test Game", "neuro.url=" + neuro.url(),
						"neuro.websocket.connect-timeout=1h")
				.run((context) -> {
					try (Socket handshake = neuro.awaitHandshakeRequest()) {
						// Before the fix, closing waited the hour of the connect timeout.
						CompletableFuture.runAsync(context::close).get(1, TimeUnit.MINUTES);
						assertThat(handshake.getInputStream().read()).as("the game closed its end").isEqualTo(-1);
					}
				});
		}
	}

}
