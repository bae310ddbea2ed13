package io.github.neurospringboot.test.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.neurospringboot.action.ActionResultConverter;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.event.NeuroConnectedEvent;
import io.github.neurospringboot.event.NeuroConnectionFailedEvent;
import io.github.neurospringboot.event.NeuroDisconnectedEvent;
import io.github.neurospringboot.test.ActionOutcome;
import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.GameConnection;
import io.github.neurospringboot.testing.RecordedEvents;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that garbage from the server, mixed into play, costs nothing but itself: malformed JSON, JSON that is not a
 * message (arrays, scalars), a frame without a command, an {@code action} without an id or data, random bytes as
 * text and as binary frames are ignored while actions are in flight, the connection stays up, and every action still
 * gets exactly one result (and the garbage none). A frame over {@code neuro.websocket.max-text-message-size} (64 KB)
 * is the one exception: the websocket closes with 1009 (message too big), the game reconnects at its first attempt,
 * and play goes on with more garbage on the new connection. Nothing (thread, connection) is left once the game is
 * closed.
 */
class GarbageFrameReliabilityTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(NeuroConnection.class.getName(),
			"io.github.neurospringboot.client.ConnectionState", ActionResultConverter.class.getName());

	/** Actions sent before and after each piece of garbage, so that it arrives while they are in flight. */
	private static final int ACTIONS_AROUND = 6;

	private static final int MAX_TEXT_MESSAGE_SIZE = 64 * 1024;

	private final Random random = new Random(42);

	@Test
	void garbageMixedIntoPlay() {
		List<Consumer<EmbeddedNeuro>> garbage = garbage();
		int results = ReliabilityRun.play((play) -> {
			for (Consumer<EmbeddedNeuro> piece : garbage) {
				playAround(play, piece);
				assertThat(play.neuro().connectionCount()).as("connections after a piece of garbage").isOne();
			}

			// Sent with no action in flight: the connection it closes owes no result.
			GameConnection first = play.neuro().connection();
			first.sendText(oversizedAction());
			play.awaitConnection(2);
			for (Consumer<EmbeddedNeuro> piece : garbage) {
				playAround(play, piece);
			}

			assertThat(play.neuro().connectionCount()).as("connections after the oversized frame and more garbage")
				.isEqualTo(2);
			assertThat(first.awaitClose(ReliabilityRun.HANG_GUARD)).isEqualTo(1009);
			assertThat(play.neuro().closeCodes()).containsExactly(1009);
			RecordedEvents events = play.events();
			assertThat(events.ofType(NeuroDisconnectedEvent.class)).singleElement().satisfies((lost) -> {
				assertThat(lost.getCloseCode()).isEqualTo(1009);
				assertThat(lost.willReconnect()).isTrue();
			});
			assertThat(events.ofType(NeuroConnectedEvent.class)).hasSize(2);
			assertThat(events.ofType(NeuroConnectionFailedEvent.class)).isEmpty();
			assertThat(play.ledger().awaitAnswers()).hasSize(2 * garbage.size() * 2 * ACTIONS_AROUND);
			assertThat(play.ledger().outcomes(ReliabilityGame.PLAY))
				.allSatisfy((outcome) -> assertThat(outcome.assertSuccess().message()).isEqualTo("Played."));
			assertThat(play.ledger().outcomes(ReliabilityGame.NOTHING)).allSatisfy(ActionOutcome::assertSuccess);
			assertThat(play.ledger().outcomes(ReliabilityGame.EXPLODE))
				.allSatisfy((outcome) -> outcome.assertFailure("the game ran into an error while executing 'explode'"));
		});
		assertThat(results).isEqualTo(2 * garbage.size() * 2 * ACTIONS_AROUND);
	}

	/**
	 * A binary frame is garbage whatever its size, up to the frame limit: 16 KB of random bytes is ignored like 1 KB,
	 * the connection stays up and play goes on. (Tomcat's client buffers binary messages in 8 KB unless told
	 * otherwise, and closes the websocket with 1009 over that.)
	 */
	@Test
	void aBinaryFrameUnderTheFrameLimitIsIgnoredWhateverItsSize() {
		byte[] binary = randomBytes(16 * 1024);
		int results = ReliabilityRun.play((play) -> {
			sendActions(play);
			play.neuro().sendBinary(binary);
			CompletableFuture<ActionOutcome> after = play.ledger().send(ReliabilityGame.NOTHING, null);
			ReliabilityRun.waiting()
				.until(() -> after.isDone() || !play.events().ofType(NeuroDisconnectedEvent.class).isEmpty());
			assertThat(play.events().ofType(NeuroDisconnectedEvent.class)).as("connections lost to a 16 KB binary frame")
				.extracting((lost) -> lost.getCloseCode() + " " + lost.getReason())
				.isEmpty();
			assertThat(play.ledger().awaitAnswers()).hasSize(ACTIONS_AROUND + 1);
			assertThat(play.neuro().connectionCount()).isOne();
		});
		assertThat(results).isEqualTo(ACTIONS_AROUND + 1);
	}

	/** Send actions, then the garbage while they are in flight, then more actions, and wait for every result. */
	private static void playAround(ReliabilityRun.Play play, Consumer<EmbeddedNeuro> garbage) {
		sendActions(play);
		garbage.accept(play.neuro());
		sendActions(play);
		play.ledger().awaitAnswers();
	}

	private static void sendActions(ReliabilityRun.Play play) {
		for (int i = 0; i < ACTIONS_AROUND; i++) {
			switch (i % 3) {
				case 0 -> play.ledger().send(ReliabilityGame.PLAY, "{\"think\":" + i + "}");
				case 1 -> play.ledger().send(ReliabilityGame.NOTHING, null);
				default -> play.ledger().send(ReliabilityGame.EXPLODE, null);
			}
		}
	}

	private List<Consumer<EmbeddedNeuro>> garbage() {
		List<Consumer<EmbeddedNeuro>> garbage = new ArrayList<>();
		List.of("{\"command\":\"action\",\"data\":{\"id\":\"cut-short\",\"name\":\"play\"", "{command: action}",
				"[{\"command\":\"action\",\"data\":{\"id\":\"in-an-array\",\"name\":\"nothing\"}}]", "[]", "42", "null",
				"\"action\"", "", "{\"data\":{\"id\":\"no-command\",\"name\":\"nothing\"}}", "{\"command\":42}",
				"{\"command\":\"action\",\"data\":{\"name\":\"nothing\"}}", "{\"command\":\"action\"}",
				"{\"command\":\"action\",\"data\":\"not an object\"}", "{\"command\":\"vendor-x/noise\",\"data\":{}}")
			.forEach((text) -> garbage.add((neuro) -> neuro.sendText(text)));
		for (int i = 0; i < 4; i++) {
			String latin1 = new String(randomBytes(1024), StandardCharsets.ISO_8859_1);
			String utf8 = new String(randomBytes(1024), StandardCharsets.UTF_8);
			byte[] binary = randomBytes(1024);
			garbage.add((neuro) -> neuro.sendText(latin1));
			garbage.add((neuro) -> neuro.sendText(utf8));
			garbage.add((neuro) -> neuro.sendBinary(binary));
		}
		return garbage;
	}

	private byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		this.random.nextBytes(bytes);
		return bytes;
	}

	/** A well-formed action, one byte over the largest frame the game accepts. */
	private static String oversizedAction() {
		String head = "{\"command\":\"action\",\"data\":{\"id\":\"oversized\",\"name\":\"nothing\",\"padding\":\"";
		String tail = "\"}}";
		return head + "x".repeat(MAX_TEXT_MESSAGE_SIZE + 1 - head.length() - tail.length()) + tail;
	}

}
