package io.github.neurospringboot.client;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.event.NeuroUnknownCommandEvent;
import io.github.neurospringboot.test.EmbeddedNeuroExtension;
import io.github.neurospringboot.test.GameConnection;
import io.github.neurospringboot.test.ReceivedFrame;
import io.github.neurospringboot.testing.RecordedEvents;
import io.github.neurospringboot.testing.TestGames;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commands the starter does not handle, such as a tool's vendor-prefixed command or one of a later version of the
 * API, reach the game as {@link NeuroUnknownCommandEvent}s: never answered, never an error, and the connection goes
 * on.
 */
class UnknownCommandIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	/** Captures the starter's lines, so that a warning or error about these commands would show here. */
	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.from("io.github.neurospringboot");

	@RegisterExtension
	final EmbeddedNeuroExtension neuro = new EmbeddedNeuroExtension();

	@Test
	void unknownCommandsArePublishedWithTheirDataAndNeverAnswered() {
		TestGames.connectedTo(this.neuro.get()).withBean(Moves.class).withBean(RecordedEvents.class).run((context) -> {
			GameConnection connection = this.neuro.get().awaitConnection(WAIT);
			connection.awaitActionRegistered("move", WAIT);
			this.neuro.get().drainFrames();

			connection.sendText("{\"command\":\"neuro-relay/ping\",\"data\":{\"nonce\":7,\"tags\":[\"a\",\"b\"]}}");
			connection.sendText("{\"command\":\"vision/describe\"}");
			// Frames are read in order: once this is answered, both commands before it have been read.
			connection.execute("move", null, WAIT).assertSuccess();

			RecordedEvents events = context.getBean(RecordedEvents.class);
			await().atMost(WAIT).until(() -> events.ofType(NeuroUnknownCommandEvent.class).size() == 2);
			List<NeuroUnknownCommandEvent> unknown = events.ofType(NeuroUnknownCommandEvent.class);
			assertThat(unknown).extracting(NeuroUnknownCommandEvent::getCommand)
				.containsExactly("neuro-relay/ping", "vision/describe");
			assertThat(unknown.get(0).getData()).map(JsonNode::toString)
				.hasValue("{\"nonce\":7,\"tags\":[\"a\",\"b\"]}");
			assertThat(unknown.get(1).getData()).isEmpty();

			// The only frame since the registration is the result of the action.
			assertThat(this.neuro.get().drainFrames()).extracting(ReceivedFrame::command)
				.containsExactly("action/result");
			assertThat(connection.isOpen()).isTrue();
			assertThat(this.neuro.get().connectionCount()).isOne();
			connection.execute("move", null, WAIT).assertSuccess();
			assertThat(context.getBean(Moves.class).moves).isEqualTo(2);
			assertThat(this.logs.lines()).noneMatch((line) -> line.level().isGreaterOrEqual(Level.WARN));
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
