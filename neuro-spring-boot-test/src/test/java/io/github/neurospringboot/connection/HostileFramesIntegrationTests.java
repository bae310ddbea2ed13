package io.github.neurospringboot.connection;

import java.time.Duration;

import ch.qos.logback.classic.Level;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.test.EmbeddedNeuroExtension;
import io.github.neurospringboot.test.GameConnection;
import io.github.neurospringboot.test.ReceivedFrame;
import io.github.neurospringboot.testing.TestGames;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import io.github.neurospringboot.testlogging.LogLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames no server should send: answered when they carry an id, and warned about without flooding the log.
 */
class HostileFramesIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.from(NeuroConnection.class);

	@RegisterExtension
	final EmbeddedNeuroExtension neuro = new EmbeddedNeuroExtension();

	@Test
	void anActionNestedTooDeeplyToParseIsStillAnswered() {
		TestGames.connectedTo(this.neuro.get()).withBean(Moves.class).run((context) -> {
			GameConnection connection = this.neuro.get().awaitConnection(WAIT);
			connection.awaitActionRegistered("move", WAIT);
			String deep = "[".repeat(5_000) + "]".repeat(5_000);
			connection.sendText("{\"command\":\"action\",\"data\":{\"id\":\"deep-1\",\"name\":\"move\",\"extra\":" + deep
					+ "}}");
			ReceivedFrame result = this.neuro.get().awaitFrame("action/result", WAIT);
			assertThat(result.data().path("id").asString()).isEqualTo("deep-1");
			assertThat(result.data().path("success").asBoolean()).isFalse();
			assertThat(result.data().path("message").asString()).isEqualTo("Action failed: the call could not be read "
					+ "(it was not valid JSON, or nested too deeply). Call the action again, with its parameters as one "
					+ "JSON object in the data string.");
			assertThat(context.getBean(Moves.class).moves).isZero();
		});
	}

	@Test
	void repeatedGarbageIsWarnedAboutOnce() {
		TestGames.connectedTo(this.neuro.get()).withBean(Moves.class).run((context) -> {
			GameConnection connection = this.neuro.get().awaitConnection(WAIT);
			connection.awaitActionRegistered("move", WAIT);
			for (int i = 0; i < 20; i++) {
				connection.sendText("not json " + i);
				connection.sendBinary(new byte[] { 1, 2, 3 });
			}
			// Frames are read in order: once this is answered, the garbage before it has been read.
			connection.execute("move", null, WAIT).assertSuccess();
			assertThat(this.logs.lines()).filteredOn((line) -> line.level() == Level.WARN)
				.singleElement()
				.extracting(LogLine::message)
				.asString()
				.startsWith("Ignored a malformed frame from Neuro");
		});
	}

	static class Moves {

		volatile int moves;

		@NeuroAction(description = "Make a move.")
		synchronized void move() {
			this.moves++;
		}

	}

}
