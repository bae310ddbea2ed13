package io.github.neurospringboot.test.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.event.NeuroConnectedEvent;
import io.github.neurospringboot.event.NeuroConnectionFailedEvent;
import io.github.neurospringboot.event.NeuroEvent;
import io.github.neurospringboot.event.NeuroEventPublisher;
import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.ReceivedFrame;
import io.github.neurospringboot.testing.RecordedEvents;
import org.awaitility.core.ConditionFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs one reliability scenario: a fresh {@link EmbeddedNeuro}, a game with the starter connected to it, and, once
 * the game and then the embedded Neuro are closed, the checks every scenario shares:
 * <ul>
 * <li>every action id got at most one result, and exactly one when its connection stayed up
 * ({@link ActionLedger#verify()});</li>
 * <li>no connection of the game is left open, on the server or in the game, once the game is closed;</li>
 * <li>no thread started and no socket opened during the run is left ({@link LeakCensus}).</li>
 * </ul>
 * The game reconnects fast and without jitter (first delay 50 ms, doubling up to 200 ms), so that back-off bounds
 * can be computed exactly. The result deadline is 1 s unless a scenario says otherwise: short, so that a handler that
 * blocks is soon answered, yet far above what the other handlers take, so that a pause of a busy machine does not
 * turn a success into a time-out.
 */
final class ReliabilityRun {

	/** The longest any wait may take: a guard against a hang, never a performance threshold. */
	static final Duration HANG_GUARD = Duration.ofSeconds(60);

	static final Duration INITIAL_INTERVAL = Duration.ofMillis(50);

	static final double MULTIPLIER = 2.0;

	static final Duration MAX_INTERVAL = Duration.ofMillis(200);

	private ReliabilityRun() {
	}

	/**
	 * Wait for a condition, checking it often on this thread, for at most {@link #HANG_GUARD}.
	 * @return the condition factory
	 */
	static ConditionFactory waiting() {
		return await().atMost(HANG_GUARD)
			.pollInSameThread()
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(5));
	}

	/**
	 * The delay after a failed attempt to reconnect, with the back-off of every run. The first attempt after the
	 * loss of a working connection goes out at once and takes the place of the first interval, so the delay after it
	 * is the first two intervals; the delay after each later one is the next interval.
	 * @param failed the failed attempt, from 1 for the one made at once
	 * @return the delay before the next attempt
	 */
	static Duration delayAfterFailedAttempt(int failed) {
		return (failed == 1) ? reconnectDelay(0).plus(reconnectDelay(1)) : reconnectDelay(failed);
	}

	/**
	 * The back-off interval of each connection attempt after a connection is lost: the initial interval, multiplied
	 * after each failed attempt, up to the maximum (there is no jitter).
	 * @param attempt the attempt, from 0 for the first after the loss
	 * @return its interval
	 */
	static Duration reconnectDelay(int attempt) {
		double millis = INITIAL_INTERVAL.toMillis() * Math.pow(MULTIPLIER, attempt);
		return Duration.ofMillis((long) Math.min(millis, MAX_INTERVAL.toMillis()));
	}

	/**
	 * The most attempts that can fail while the server is down, by the back-off: the first goes out at the loss, and
	 * each later one no sooner than {@link #delayAfterFailedAttempt the delay} after the one before; a failed attempt
	 * started before the server came back.
	 * @param down how long the server was down, from just before it went down to just after it came back
	 * @return the bound
	 */
	static int mostFailedAttemptsWithin(Duration down) {
		int attempts = 0;
		Duration elapsed = Duration.ZERO;
		while (elapsed.compareTo(down) <= 0) {
			attempts++;
			elapsed = elapsed.plus(delayAfterFailedAttempt(attempts));
		}
		return attempts;
	}

	/**
	 * Play a scenario.
	 * @param scenario what to do while the game runs
	 * @param properties properties of the game, overriding the defaults above
	 * @return the number of results the embedded Neuro received
	 */
	static int play(Scenario scenario, String... properties) {
		LeakCensus census = LeakCensus.take();
		int results;
		try (EmbeddedNeuro neuro = EmbeddedNeuro.builder().start()) {
			ActionLedger ledger = new ActionLedger(neuro);
			game(neuro, properties).run((context) -> {
				assertThat(context).hasNotFailed();
				Play play = new Play(neuro, context, ledger);
				play.awaitConnection(1);
				scenario.play(play);
			});
			waiting().untilAsserted(() -> assertThat(neuro.openConnectionCount())
				.as("the game's connections still open after it closed").isZero());
			LeakCensus.awaitNoSocketTo(neuro.port());
			results = ledger.verify();
		}
		census.assertNothingLeftBehind();
		return results;
	}

	private static ApplicationContextRunner game(EmbeddedNeuro neuro, String... properties) {
		List<String> all = new ArrayList<>(List.of("neuro.game=Reliability", "neuro.url=" + neuro.url(),
				"neuro.reconnect.initial-interval=" + INITIAL_INTERVAL.toMillis() + "ms",
				"neuro.reconnect.multiplier=" + MULTIPLIER, "neuro.reconnect.jitter=0ms",
				"neuro.reconnect.max-interval=" + MAX_INTERVAL.toMillis() + "ms",
				"neuro.actions.result-timeout=1s"));
		all.addAll(List.of(properties));
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ValidationAutoConfiguration.class,
					NeuroAutoConfiguration.class))
			.withBean(ReliabilityGame.class)
			.withBean(RecordedEvents.class)
			.withPropertyValues(all.toArray(String[]::new));
	}

	/**
	 * What a scenario does while the game runs.
	 */
	@FunctionalInterface
	interface Scenario {

		void play(Play play) throws Exception;

	}

	/**
	 * A running scenario: the embedded Neuro, the game, and the ledger of the actions sent.
	 *
	 * @param neuro the embedded Neuro
	 * @param context the game
	 * @param ledger where actions are sent and accounted for
	 */
	record Play(EmbeddedNeuro neuro, AssertableApplicationContext context, ActionLedger ledger) {

		ReliabilityGame game() {
			return this.context.getBean(ReliabilityGame.class);
		}

		NeuroClient client() {
			return this.context.getBean(NeuroClient.class);
		}

		RecordedEvents events() {
			return this.context.getBean(RecordedEvents.class);
		}

		NeuroEventPublisher publisher() {
			return this.context.getBean(NeuroEventPublisher.class);
		}

		/**
		 * Wait until the game opened a connection, registered its actions on it and published its
		 * {@link NeuroConnectedEvent} (so that every event of the earlier connections has been delivered too).
		 * @param connection the connection's number, from 1
		 */
		void awaitConnection(int connection) {
			waiting().until(() -> this.neuro.connectionCount() >= connection);
			assertThat(this.neuro.connectionCount()).as("connections opened").isEqualTo(connection);
			waiting().until(() -> this.neuro.frames()
				.stream()
				.anyMatch((frame) -> frame.connection() == connection && frame.command().equals("actions/register")));
			waiting().until(() -> events().ofType(NeuroConnectedEvent.class).size() >= connection);
		}

		/**
		 * Let the server accept connections again after it refused them.
		 * @return a marker placed among the game's events just before the server came back
		 */
		RecordedEvents.Marker serverReturns() {
			RecordedEvents.Marker back = events().mark(publisher());
			this.neuro.refuseConnections(false);
			return back;
		}

		/**
		 * Check that the game reconnects within its back-off bound once the server is back: at most one more attempt
		 * fails (one already under way when it came back), and the next scheduled attempt connects and registers
		 * every action again. No clock is involved.
		 * @param back the marker of {@link #serverReturns()}
		 * @param connection the number the new connection will have
		 */
		void assertReconnectsWithinBackOff(RecordedEvents.Marker back, int connection) {
			awaitConnection(connection);
			waiting().until(() -> events().after(back).stream().anyMatch(NeuroConnectedEvent.class::isInstance));
			List<NeuroEvent> untilConnected = events().after(back)
				.stream()
				.takeWhile((event) -> !(event instanceof NeuroConnectedEvent))
				.toList();
			assertThat(untilConnected).as("events between the server's return and the reconnect")
				.allMatch(NeuroConnectionFailedEvent.class::isInstance)
				.hasSizeLessThanOrEqualTo(1);
		}

		/**
		 * The frames of one command the game sent on one connection.
		 * @param connection the connection's number, from 1
		 * @param command the command
		 * @return the frames, in order
		 */
		List<ReceivedFrame> frames(int connection, String command) {
			return this.neuro.frames()
				.stream()
				.filter((frame) -> frame.connection() == connection && frame.command().equals(command))
				.toList();
		}

	}

}
