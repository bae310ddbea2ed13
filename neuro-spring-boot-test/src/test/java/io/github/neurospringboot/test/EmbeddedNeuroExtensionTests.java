package io.github.neurospringboot.test;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * {@link EmbeddedNeuroExtension} as JUnit drives one in an instance field: started before each test, checked and
 * closed after it. Its callbacks do not read their context, so the tests call them with none.
 */
class EmbeddedNeuroExtensionTests {

	@Test
	void failOnLintErrorsFailsTheTestAfterWhichTheGameSentSomethingNeuroRejectsAndClosesAnyway() throws Exception {
		EmbeddedNeuroExtension extension = new EmbeddedNeuroExtension().failOnLintErrors();
		extension.beforeEach(null);
		EmbeddedNeuro neuro = extension.get();
		gameSendsGarbageTo(neuro);

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> extension.afterEach(null))
			.withMessageContaining("A frame is not JSON");
		assertThatIllegalStateException().isThrownBy(extension::get);
		assertThat(neuro.openConnectionCount()).isZero();
	}

	@Test
	void withoutFailOnLintErrorsTheFindingsAreOnlyReported() throws Exception {
		EmbeddedNeuroExtension extension = new EmbeddedNeuroExtension();
		extension.beforeEach(null);
		gameSendsGarbageTo(extension.get());

		extension.afterEach(null);
		assertThatIllegalStateException().isThrownBy(extension::get);
	}

	/** A raw websocket client plays a game that sends one frame that is not JSON. */
	private static void gameSendsGarbageTo(EmbeddedNeuro neuro) throws Exception {
		WebSocket game = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(neuro.url(), new WebSocket.Listener() {
			})
			.get(10, TimeUnit.SECONDS);
		game.sendText("this is not JSON", true).get(10, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(10)).until(() -> !neuro.lintFindings().isEmpty());
	}

}
