package io.github.neurospringboot.connection;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.neurospringboot.action.ActionCall;
import io.github.neurospringboot.action.ActionObserver;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.EmbeddedNeuroExtension;
import io.github.neurospringboot.test.GameConnection;
import io.github.neurospringboot.test.NeuroCharacter;
import io.github.neurospringboot.test.ReceivedFrame;
import io.github.neurospringboot.testing.TestGames;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a link says, and what is done with what arrives on it, at the edges of its life: a stop that lands in the
 * middle of the handshake, and frames that arrive on a link the game has already given up.
 */
class LinkLifecycleIntegrationTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(NeuroConnection.class);

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final int STOPS = 1_000;

	@RegisterExtension
	final EmbeddedNeuroExtension neuro = new EmbeddedNeuroExtension(
			EmbeddedNeuro.builder().acknowledgeAs(NeuroCharacter.NEURO));

	@Test
	void aStopDuringTheHandshakeNeverBreaksTheOrderOfFrames() {
		Random random = new Random(42);
		TestGames.connectedTo(this.neuro.get())
			.withBean(Moves.class)
			.withPropertyValues("neuro.auto-startup=false", "neuro.reconnect.initial-interval=10ms",
					"neuro.reconnect.jitter=0ms")
			.run((context) -> {
				NeuroConnection connection = context.getBean(NeuroConnection.class);
				EmbeddedNeuro server = this.neuro.get();
				int greetedAndLeft = 0;
				int leftUnseen = 0;
				for (int stop = 0; stop < STOPS; stop++) {
					int before = server.connectionCount();
					connection.start();
					// Stop when the server has accepted the websocket, while the game is in its handshake, or just
					// before or after it: a random pause of up to 300 µs spreads the stops over all of these.
					while (server.connectionCount() == before) {
						Thread.onSpinWait();
					}
					long pause = System.nanoTime() + random.nextInt(300_000);
					while (System.nanoTime() < pause) {
						Thread.onSpinWait();
					}
					CountDownLatch stopped = new CountDownLatch(1);
					connection.stop(stopped::countDown);
					assertThat(stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
					GameConnection opened = server.connections().get(before);
					opened.awaitClose(WAIT);
					List<String> commands = server.frames()
						.stream()
						.filter((frame) -> frame.connection() == opened.number())
						.map(ReceivedFrame::command)
						.toList();
					assertThat(commands).as("the frames of connection %d", opened.number())
						.isIn(List.of(), List.of("startup", "actions/register", "actions/unregister"));
					if (commands.isEmpty()) {
						leftUnseen++;
					}
					else {
						greetedAndLeft++;
					}
				}
				// Both sides of the handshake were hit, so the stops did land around it.
				assertThat(greetedAndLeft).isPositive();
				assertThat(leftUnseen).isPositive();
			});
	}

	@Test
	void framesOnALinkAlreadyGivenUpAreNeitherExecutedNorRouted() {
		TestGames.connectedTo(this.neuro.get())
			.withBean(Moves.class)
			.withBean(AcceptedCalls.class)
			.withPropertyValues("neuro.websocket.ping-interval=100ms", "neuro.reconnect.initial-interval=10ms",
					"neuro.reconnect.jitter=0ms")
			.run((context) -> {
				EmbeddedNeuro server = this.neuro.get();
				NeuroClient client = context.getBean(NeuroClient.class);
				GameConnection first = server.awaitConnection(WAIT);
				first.awaitActionRegistered("move", WAIT);
				await().atMost(WAIT).until(() -> client.session().isPresent());

				// Half-open: the game misses a pong, gives the link up and connects again.
				server.freezeConnections();
				await().atMost(WAIT).until(() -> server.connectionCount() == 2);
				GameConnection second = server.awaitConnection(WAIT);
				second.awaitActionRegistered("move", WAIT);
				await().atMost(WAIT).until(() -> client.session().isPresent());

				// The old link carries again: what Neuro still sends on it is late.
				server.thawConnections();
				first.executeAsync("move", null);
				first.sendStartupAcknowledgement(NeuroCharacter.EVIL);
				// The game reads the old link in order: once it has answered the close, it has read what came before.
				first.close();
				first.awaitClose(WAIT);

				assertThat(context.getBean(Moves.class).moves).as("moves made").isZero();
				assertThat(context.getBean(AcceptedCalls.class).calls).as("calls accepted").isEmpty();
				assertThat(client.session().orElseThrow().characterId()).isEqualTo("neuro");
				second.execute("move", null, WAIT).assertSuccess();
				assertThat(context.getBean(Moves.class).moves).isOne();
			});
	}

	static class Moves {

		volatile int moves;

		@NeuroAction(description = "Make a move.")
		synchronized void move() {
			this.moves++;
		}

	}

	static class AcceptedCalls implements ActionObserver {

		final List<ActionCall> calls = new CopyOnWriteArrayList<>();

		@Override
		public void accepted(ActionCall call) {
			this.calls.add(call);
		}

	}

}
