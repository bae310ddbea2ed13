package io.github.neurospringboot.test.reliability;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.neurospringboot.client.Force;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.test.ActionOutcome;
import io.github.neurospringboot.test.ReceivedFrame;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that memory stays bounded while the game is disconnected, however much it tries to say: with the server
 * refusing connections, 200,000 context messages and 200,000 forces are all refused at once ({@code false}), and
 * 50,000 rounds of registering and unregistering the same actions only change what will be registered; the used
 * heap (after garbage collection) grows by less than 16 MB, while queuing what was refused would take well over
 * 100 MB. When the server returns, the game reconnects within its back-off bound and sends none of it: no context,
 * no force, just {@code startup} and the registration of the actions it has now. Nothing (thread, connection) is
 * left once the game is closed.
 */
class DisconnectedMemoryReliabilityTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(NeuroConnection.class);

	private static final int CONTEXTS = 200_000;

	private static final int FORCES = 200_000;

	private static final int REGISTRATION_ROUNDS = 50_000;

	private static final long MAX_GROWTH = 16L * 1024 * 1024;

	/** Long enough that keeping each refused message would show: about 500 bytes apiece. */
	private static final String PADDING = "x".repeat(480);

	@Test
	void memoryStaysBoundedWhileDisconnected() {
		ReliabilityRun.play((play) -> {
			NeuroClient client = play.client();
			play.neuro().refuseConnections(true);
			ReliabilityRun.waiting().until(() -> !client.isConnected());
			long before = usedHeapAfterGc();

			int refusedContexts = 0;
			for (int i = 0; i < CONTEXTS; i++) {
				if (!client.sendContext("Move " + i + " happened while Neuro was away. " + PADDING)) {
					refusedContexts++;
				}
			}
			int refusedForces = 0;
			for (int i = 0; i < FORCES; i++) {
				Force force = Force.query("Your move " + i + ". " + PADDING);
				if (!client.forceActions(force, ReliabilityGame.PLAY)) {
					refusedForces++;
				}
			}
			for (int i = 0; i < REGISTRATION_ROUNDS; i++) {
				client.registerWithoutHandler(new ActionDefinition("bonus", "A bonus move, take " + i + ". " + PADDING, null));
				client.unregisterActions("bonus");
				client.unregisterActions(ReliabilityGame.NOTHING);
				client.registerActions(ReliabilityGame.NOTHING);
			}
			long growth = usedHeapAfterGc() - before;

			assertThat(refusedContexts).isEqualTo(CONTEXTS);
			assertThat(refusedForces).isEqualTo(FORCES);
			assertThat(growth).as("heap growth while disconnected, in bytes").isLessThan(MAX_GROWTH);

			play.assertReconnectsWithinBackOff(play.serverReturns(), 2);
			assertThat(play.frames(2, "context")).isEmpty();
			assertThat(play.frames(2, "actions/force")).isEmpty();
			assertThat(play.frames(2, "actions/register")).singleElement()
				.satisfies((registration) -> assertThat(names(registration)).containsExactlyInAnyOrder(
						ReliabilityGame.PLAY, ReliabilityGame.EXPLODE, ReliabilityGame.STALL, ReliabilityGame.NOTHING));
			play.ledger().send(ReliabilityGame.PLAY, "{\"think\":0}");
			assertThat(play.ledger().awaitAnswers()).singleElement().satisfies(ActionOutcome::assertSuccess);
		});
	}

	private static Set<String> names(ReceivedFrame registration) {
		return registration.data().path("actions").valueStream().map((action) -> action.path("name"))
			.map(JsonNode::asString).collect(Collectors.toSet());
	}

	/** The used heap after garbage collection: the least of a few rounds, so that a collection cut short is not it. */
	private static long usedHeapAfterGc() throws InterruptedException {
		long least = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(50);
			least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
		}
		return least;
	}

}
