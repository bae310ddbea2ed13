package io.github.neurospringboot.test;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.neurospringboot.test.diagnostics.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * {@link EmbeddedNeuroExtension} as JUnit drives one: in an instance field, started before each test, checked and
 * closed after it; in a static field, started before all tests. Its callbacks do not read their context, so the tests
 * call them with none.
 */
class EmbeddedNeuroExtensionTests {

	private static final String CONTEXT_FIRST = "{\"command\":\"context\",\"game\":\"Raw\",\"data\":"
			+ "{\"message\":\"Hello.\",\"silent\":false}}";

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

	@Test
	void failOnDiagnosticsFailsTheTestListingWhatTheGameDidWrongWithTheFix() throws Exception {
		EmbeddedNeuroExtension extension = new EmbeddedNeuroExtension().failOnDiagnostics(Severity.WARNING);
		extension.beforeEach(null);
		gameSends(extension.get(), CONTEXT_FIRST);

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> extension.afterEach(null))
			.withMessage("The embedded Neuro's diagnostics found 1 problem(s) at WARNING or above in what the game"
					+ " did:\n  WARNING startup-missing (game 'Raw', connection 1): The first message on this"
					+ " connection was 'context', not 'startup': send startup first on every connection (after each"
					+ " reconnect too), because it tells Neuro which game is there and clears the actions it registered"
					+ " before.");
	}

	@Test
	void failOnDiagnosticsLetsLesserOnesPass() throws Exception {
		EmbeddedNeuroExtension extension = new EmbeddedNeuroExtension().failOnDiagnostics(Severity.ERROR);
		extension.beforeEach(null);
		gameSends(extension.get(), CONTEXT_FIRST);

		extension.afterEach(null);
		assertThatIllegalStateException().isThrownBy(extension::get);
	}

	@Test
	void failOnDiagnosticsCountsOnlyWhatHappenedWhileTheTestRan() throws Exception {
		EmbeddedNeuroExtension extension = new EmbeddedNeuroExtension().failOnDiagnostics(Severity.INFO);
		extension.beforeAll(null);
		try {
			gameSends(extension.get(), CONTEXT_FIRST);
			extension.beforeEach(null);
			extension.afterEach(null);
		}
		finally {
			extension.afterAll(null);
		}
	}

	/** A raw websocket client plays a game that sends one frame that is not JSON. */
	private static void gameSendsGarbageTo(EmbeddedNeuro neuro) throws Exception {
		gameSends(neuro, "this is not JSON");
	}

	/** A raw websocket client plays a game that sends one frame, and the embedded Neuro diagnoses it. */
	private static void gameSends(EmbeddedNeuro neuro, String frame) throws Exception {
		WebSocket game = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(neuro.url(), new WebSocket.Listener() {
			})
			.get(10, TimeUnit.SECONDS);
		game.sendText(frame, true).get(10, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(10)).until(() -> !neuro.diagnostics().isEmpty());
	}

}
