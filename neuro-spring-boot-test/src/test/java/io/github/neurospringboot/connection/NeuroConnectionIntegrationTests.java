package io.github.neurospringboot.connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import io.github.neurospringboot.action.ActionCall;
import io.github.neurospringboot.action.ActionObserver;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.event.NeuroConnectedEvent;
import io.github.neurospringboot.event.NeuroConnectionFailedEvent;
import io.github.neurospringboot.event.NeuroDisconnectedEvent;
import io.github.neurospringboot.event.NeuroSessionAcknowledgedEvent;
import io.github.neurospringboot.event.NeuroShutdownRequestedEvent;
import io.github.neurospringboot.event.NeuroSpeechFinishedEvent;
import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.protocol.ActionResultMessage;
import io.github.neurospringboot.test.EmbeddedNeuroExtension;
import io.github.neurospringboot.test.ReceivedFrame;
import io.github.neurospringboot.test.lint.LintFinding;
import io.github.neurospringboot.test.lint.LintRule;
import io.github.neurospringboot.testing.RecordedEvents;
import io.github.neurospringboot.testing.TestGames;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The connection against an {@link io.github.neurospringboot.test.EmbeddedNeuro}, a real websocket server on loopback,
 * asserting on the frames that cross the wire. The TCP relay in front of it cuts, freezes and refuses connections.
 */
class NeuroConnectionIntegrationTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(NeuroConnection.class.getName(), "io.github.neurospringboot.client.ConnectionState");

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String PLACE_MARK_SCHEMA = """
			{"type":"object","properties":{"cell":{"type":"integer","minimum":0,"maximum":8}},"required":["cell"]}""";

	/**
	 * A fresh embedded Neuro per test. Whatever a test did, the game must have done nothing its diagnostics find
	 * wrong: every registration in Neuro's dialect, only JSON text frames (anything else is a diagnostic, not a frame,
	 * so it would not show among the frames the tests await), startup first, one result per action.
	 */
	@RegisterExtension
	final EmbeddedNeuroExtension neuro = TestGames.diagnosedNeuro();

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NeuroAutoConfiguration.class))
			.withUserConfiguration(TicTacToeActions.class, RecordedEvents.class)
			.withPropertyValues("neuro.game=Test Game", "neuro.url=" + this.neuro.get().url(),
					"neuro.reconnect.initial-interval=300ms", "neuro.reconnect.multiplier=2",
					"neuro.reconnect.max-interval=1600ms", "neuro.reconnect.jitter=0ms");
	}

	@Test
	void startupIsFirstThenEveryActionIsRegistered() {
		runner().run((context) -> {
			ReceivedFrame first = this.neuro.get().awaitFrame(WAIT);
			JSONAssert.assertEquals("{\"command\":\"startup\",\"game\":\"Test Game\"}", first.text(),
					JSONCompareMode.STRICT);
			ReceivedFrame second = this.neuro.get().awaitFrame(WAIT);
			JSONAssert.assertEquals("""
					{"command":"actions/register","game":"Test Game","data":{"actions":[
					  {"name":"place_mark","description":"Place your mark on an empty cell.","schema":%s},
					  {"name":"end_turn","description":"End your turn."}]}}""".formatted(PLACE_MARK_SCHEMA),
					second.text(), JSONCompareMode.STRICT);
			await().atMost(WAIT).until(() -> context.getBean(NeuroClient.class).isConnected());
			assertThat(context.getBean(RecordedEvents.class).ofType(NeuroConnectedEvent.class)).singleElement()
				.satisfies((event) -> assertThat(event.isReconnect()).isFalse());
		});
	}

	@Test
	void abruptCloseReconnectsOnTheFirstAttemptAndRegistersAgain() {
		runner().run((context) -> {
			awaitRegistered(1);
			this.neuro.get().dropConnections();

			ReceivedFrame startup = this.neuro.get().awaitFrame("startup", WAIT);
			assertThat(startup.connection()).isEqualTo(2);
			ReceivedFrame register = this.neuro.get().awaitFrame(WAIT);
			assertThat(register.command()).isEqualTo("actions/register");
			assertThat(register.json().at("/data/actions").size()).isEqualTo(2);
			// The connection had worked, so the first attempt went out at once, without the back-off, and succeeded.
			assertThat(this.neuro.get().connectionAttemptNanos()).hasSize(2);
			assertThat(logs.text()).contains("Disconnected from Neuro (", "); reconnecting now");
			RecordedEvents events = context.getBean(RecordedEvents.class);
			await().atMost(WAIT).until(() -> events.ofType(NeuroConnectedEvent.class).size() == 2);
			assertThat(events.ofType(NeuroDisconnectedEvent.class)).singleElement()
				.satisfies((event) -> assertThat(event.willReconnect()).isTrue());
			assertThat(events.ofType(NeuroConnectedEvent.class).get(1).isReconnect()).isTrue();
			assertThat(events.ofType(NeuroConnectionFailedEvent.class)).isEmpty();
		});
	}

	@Test
	void whileNeuroIsDownAttemptsBackOffOneAtATimeAndConnectWhenItReturns() {
		runner().run((context) -> {
			awaitRegistered(1);
			this.neuro.get().refuseConnections(true);
			// Back-off of 300, 600, 1200, 1600, 1600 ms: four attempts in four and a half seconds.
			Thread.sleep(4500);
			List<Long> allAttempts = this.neuro.get().connectionAttemptNanos();
			List<Long> attempts = allAttempts.subList(1, allAttempts.size());
			assertThat(attempts).hasSizeBetween(3, 6);
			List<Long> expectedDelays = List.of(600L, 1200L, 1600L, 1600L, 1600L);
			for (int i = 1; i < attempts.size(); i++) {
				long gapMillis = (attempts.get(i) - attempts.get(i - 1)) / 1_000_000;
				assertThat(gapMillis).as("gap before attempt %d", i + 1).isGreaterThanOrEqualTo(expectedDelays.get(i - 1));
			}
			List<NeuroConnectionFailedEvent> failures = context.getBean(RecordedEvents.class)
				.ofType(NeuroConnectionFailedEvent.class);
			assertThat(failures).extracting(NeuroConnectionFailedEvent::getAttempt)
				.startsWith(1, 2, 3)
				.isSorted();

			this.neuro.get().refuseConnections(false);
			ReceivedFrame startup = this.neuro.get().awaitFrame("startup", WAIT);
			assertThat(startup.connection()).isEqualTo(2);
			assertThat(this.neuro.get().awaitFrame(WAIT).command()).isEqualTo("actions/register");
			await().atMost(WAIT).until(() -> context.getBean(NeuroClient.class).isConnected());
		});
	}

	@Test
	void halfOpenSocketIsDetectedByPingsAndReplaced() {
		runner().withPropertyValues("neuro.websocket.ping-interval=200ms").run((context) -> {
			NeuroClient client = context.getBean(NeuroClient.class);
			awaitRegistered(1);
			await().atMost(WAIT).until(() -> client.roundTripTime().isPresent());
			assertThat(client.roundTripTime()).hasValueSatisfying((rtt) -> assertThat(rtt).isPositive());

			this.neuro.get().freezeConnections();
			ReceivedFrame startup = this.neuro.get().awaitFrame("startup", WAIT);
			assertThat(startup.connection()).isEqualTo(2);
			assertThat(context.getBean(RecordedEvents.class).ofType(NeuroDisconnectedEvent.class)).singleElement()
				.satisfies((event) -> assertThat(event.getCloseCode()).isEqualTo(4000));
		});
	}

	@Test
	void eightThreadsSendingContextAtOnceLoseAndCorruptNothing() throws Exception {
		runner().run((context) -> {
			NeuroClient client = context.getBean(NeuroClient.class);
			awaitRegistered(1);
			int threads = 8;
			int perThread = 250;
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Integer>> sent = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				sent.add(pool.submit(() -> {
					go.await();
					int ok = 0;
					for (int i = 0; i < perThread; i++) {
						ok += client.sendContext("thread " + thread + " message " + i, i % 2 == 0) ? 1 : 0;
					}
					return ok;
				}));
			}
			go.countDown();
			for (Future<Integer> future : sent) {
				assertThat(future.get(30, TimeUnit.SECONDS)).isEqualTo(perThread);
			}
			pool.shutdown();

			List<ReceivedFrame> frames = new ArrayList<>();
			while (frames.size() < threads * perThread) {
				frames.add(this.neuro.get().awaitFrame("context", WAIT));
			}
			Set<String> messages = new HashSet<>();
			int[] nextPerThread = new int[threads];
			for (ReceivedFrame frame : frames) {
				JsonNode data = frame.json().get("data");
				String message = data.get("message").asString();
				String[] words = message.split(" ");
				int thread = Integer.parseInt(words[1]);
				int index = Integer.parseInt(words[3]);
				assertThat(index).as("order of thread %d", thread).isEqualTo(nextPerThread[thread]++);
				assertThat(data.get("silent").asBoolean()).isEqualTo(index % 2 == 0);
				messages.add(message);
			}
			assertThat(messages).hasSize(threads * perThread);
			assertThat(this.neuro.get().connectionCount()).isEqualTo(1);
			assertThat(this.neuro.get().lintFindings()).extracting(LintFinding::rule)
				.doesNotContain(LintRule.BINARY_FRAME);
		});
	}

	@Test
	void binaryMalformedAndUnknownFramesLeaveTheConnectionUsable() {
		runner().run((context) -> {
			awaitRegistered(1);
			this.neuro.get().sendBinary(new byte[] { 1, 2, 3 });
			this.neuro.get().sendText("this is not JSON");
			this.neuro.get().sendText("[1,2,3]");
			this.neuro.get().sendText("{\"data\":{}}");
			this.neuro.get().sendText("{\"command\":\"vendor-x/ping\",\"data\":{}}");
			this.neuro.get().sendText("{\"command\":\"action\",\"data\":{\"name\":\"place_mark\",\"data\":\"{}\"}}");
			this.neuro.get().sendText("{\"command\":\"action\",\"data\":{\"id\":\"1\",\"name\":\"fly\"}}");

			ReceivedFrame result = this.neuro.get().awaitFrame(WAIT);
			assertThat(result.command()).isEqualTo("action/result");
			assertThat(result.json().at("/data/id").asString()).isEqualTo("1");
			assertThat(result.json().at("/data/success").asBoolean()).isFalse();
			assertThat(result.json().at("/data/message").asString()).contains("fly");
			assertThat(this.neuro.get().connectionCount()).isEqualTo(1);
			assertThat(this.neuro.get().drainFrames()).isEmpty();
		});
	}

	@Test
	void reregisterAllSendsTheWholeSetAgain() {
		runner().run((context) -> {
			ReceivedFrame registered = awaitRegistered(1);
			this.neuro.get().sendText("{\"command\":\"actions/reregister_all\",\"data\":null}");
			ReceivedFrame again = this.neuro.get().awaitFrame(WAIT);
			JSONAssert.assertEquals(registered.text(), again.text(), JSONCompareMode.STRICT);
		});
	}

	@Test
	void reregisterAllWithNoActionsSendsNothing() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NeuroAutoConfiguration.class))
			.withPropertyValues("neuro.game=Test Game", "neuro.url=" + this.neuro.get().url())
			.run((context) -> {
				assertThat(this.neuro.get().awaitFrame(WAIT).command()).isEqualTo("startup");
				this.neuro.get().sendText("{\"command\":\"actions/reregister_all\"}");
				// A context frame sent afterwards is the next frame: nothing came in between.
				await().atMost(WAIT).until(() -> context.getBean(NeuroClient.class).sendContext("marker"));
				assertThat(this.neuro.get().awaitFrame(WAIT).command()).isEqualTo("context");
			});
	}

	@Test
	void acknowledgementSpeechAndShutdownRequestsBecomeStateAndEvents() {
		runner().run((context) -> {
			NeuroClient client = context.getBean(NeuroClient.class);
			RecordedEvents events = context.getBean(RecordedEvents.class);
			awaitRegistered(1);
			this.neuro.get().sendText("""
					{"command":"startup","data":{"session":{"sessionId":"s-1","characterId":"evil","displayName":"Evil Neuro"}}}""");
			this.neuro.get().sendText("{\"command\":\"speech_finished\",\"data\":{\"isFinal\":false}}");
			this.neuro.get().sendText("""
					{"command":"speech_finished","data":{"isFinal":true,"cancelled":true,"reason":"interrupted"}}""");
			this.neuro.get().sendText("{\"command\":\"shutdown/graceful\",\"data\":{\"wants_shutdown\":true}}");
			this.neuro.get().sendText("{\"command\":\"shutdown/graceful\",\"data\":{\"wants_shutdown\":false}}");
			this.neuro.get().sendText("{\"command\":\"shutdown/immediate\"}");

			await().atMost(WAIT).until(() -> events.ofType(NeuroShutdownRequestedEvent.class).size() == 3);
			assertThat(client.session()).hasValueSatisfying((session) -> {
				assertThat(session.characterId()).isEqualTo("evil");
				assertThat(session.displayName()).isEqualTo("Evil Neuro");
			});
			assertThat(events.ofType(NeuroSessionAcknowledgedEvent.class)).singleElement()
				.satisfies((event) -> assertThat(event.getSession().characterId()).isEqualTo("evil"));
			assertThat(events.ofType(NeuroSpeechFinishedEvent.class)).singleElement().satisfies((event) -> {
				assertThat(event.isCancelled()).isTrue();
				assertThat(event.getReason()).hasValue("interrupted");
			});
			assertThat(events.ofType(NeuroShutdownRequestedEvent.class))
				.extracting(NeuroShutdownRequestedEvent::isImmediate, NeuroShutdownRequestedEvent::wantsShutdown)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(false, true),
						org.assertj.core.groups.Tuple.tuple(false, false),
						org.assertj.core.groups.Tuple.tuple(true, true));
			assertThat(client.sendShutdownReady()).isTrue();
			JSONAssert.assertEquals("{\"command\":\"shutdown/ready\",\"game\":\"Test Game\"}",
					this.neuro.get().awaitFrame(WAIT).text(), JSONCompareMode.STRICT);
			assertThat(this.neuro.get().drainFrames()).isEmpty();
		});
	}

	@Test
	void resultsOfTheOldConnectionAreNeverSentOnTheNewOne() {
		runner().withUserConfiguration(HeldActions.class).run((context) -> {
			HeldActions held = context.getBean(HeldActions.class);
			awaitRegistered(1);
			this.neuro.get().sendText("{\"command\":\"action\",\"data\":{\"id\":\"0\",\"name\":\"hold\"}}");
			assertThat(held.started.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			this.neuro.get().dropConnections();
			awaitRegistered(2);
			context.getBean(NeuroConnection.class).whenConnected().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

			// The call of the old connection finishes now: its result has nowhere to go but the old link.
			held.release.countDown();
			assertThat(held.answered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			assertThat(context.getBean(NeuroClient.class).sendContext("marker")).isTrue();
			assertThat(this.neuro.get().awaitFrame(WAIT).command()).isEqualTo("context");
		});
	}

	@Test
	void anActionThatCrossesTheGoodbyeIsAnsweredAsNoLongerAvailableAndOneStillRunningIsAwaited() throws Exception {
		runner().withUserConfiguration(HeldActions.class).run((context) -> {
			HeldActions held = context.getBean(HeldActions.class);
			awaitRegistered(1);
			this.neuro.get().sendText("{\"command\":\"action\",\"data\":{\"id\":\"0\",\"name\":\"hold\"}}");
			assertThat(held.started.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			ExecutorService stopping = Executors.newSingleThreadExecutor();
			try {
				Future<?> stopped = stopping.submit(context::close);
				// The goodbye goes out while the held action still runs; then Neuro, not yet aware, calls another.
				this.neuro.get().awaitFrame("actions/unregister", WAIT);
				this.neuro.get()
					.sendText("{\"command\":\"action\",\"data\":{\"id\":\"1\",\"name\":\"hold\"}}");
				JsonNode refused = this.neuro.get().awaitFrame("action/result", WAIT).data();
				assertThat(refused.path("id").asString()).isEqualTo("1");
				assertThat(refused.path("success").asBoolean()).isFalse();
				assertThat(refused.path("message").asString()).isEqualTo("Action 'hold' is no longer available.");

				held.release.countDown();
				JsonNode awaited = this.neuro.get().awaitFrame("action/result", WAIT).data();
				assertThat(awaited.path("id").asString()).isEqualTo("0");
				assertThat(awaited.path("success").asBoolean()).isTrue();
				stopped.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			}
			finally {
				held.release.countDown();
				stopping.shutdownNow();
			}
		});
	}

	@Test
	void runtimeRegistrationWhileConnectedIsSentAndSurvivesReconnects() {
		runner().run((context) -> {
			NeuroClient client = context.getBean(NeuroClient.class);
			awaitRegistered(1);
			client.registerWithoutHandler(new ActionDefinition("pass", "Pass the turn.", null));
			JSONAssert.assertEquals("""
					{"command":"actions/register","game":"Test Game","data":{"actions":[
					  {"name":"pass","description":"Pass the turn."}]}}""", this.neuro.get().awaitFrame(WAIT).text(),
					JSONCompareMode.STRICT);
			client.registerWithoutHandler(new ActionDefinition("pass", "Pass the turn.", null));
			client.unregisterActions("end_turn", "not_registered");
			JSONAssert.assertEquals("""
					{"command":"actions/unregister","game":"Test Game","data":{"action_names":["end_turn"]}}""",
					this.neuro.get().awaitFrame(WAIT).text(), JSONCompareMode.STRICT);

			this.neuro.get().dropConnections();
			ReceivedFrame register = awaitRegistered(2);
			assertThat(register.json().at("/data/actions").findValuesAsString("name"))
				.containsExactly("place_mark", "pass");
		});
	}

	@Test
	void changedDefinitionIsUnregisteredThenRegistered() {
		runner().run((context) -> {
			NeuroClient client = context.getBean(NeuroClient.class);
			awaitRegistered(1);
			client.registerWithoutHandler(new ActionDefinition("end_turn", "End your turn now.", null));
			assertThat(this.neuro.get().awaitFrame(WAIT).text()).contains("actions/unregister", "end_turn");
			assertThat(this.neuro.get().awaitFrame(WAIT).text()).contains("actions/register", "End your turn now.");
		});
	}

	@Test
	void shutdownUnregistersThenClosesWithGoingAway() {
		runner().run((context) -> {
			awaitRegistered(1);
			context.close();
			JSONAssert.assertEquals("""
					{"command":"actions/unregister","game":"Test Game","data":{"action_names":["place_mark","end_turn"]}}""",
					this.neuro.get().awaitFrame(WAIT).text(), JSONCompareMode.STRICT);
			this.neuro.get().awaitCloseCode(1001, WAIT);
			assertThat(this.neuro.get().closeCodes()).singleElement().isEqualTo(1001);
		});
	}

	@Test
	void startupDoesNotWaitForAnUnreachableNeuro() {
		this.neuro.get().refuseConnections(true);
		runner().run((context) -> {
			NeuroClient client = context.getBean(NeuroClient.class);
			assertThat(context).hasNotFailed();
			assertThat(client.isConnected()).isFalse();
			assertThat(client.sendContext("nobody hears this")).isFalse();
			this.neuro.get().refuseConnections(false);
			client.whenConnected().get(10, TimeUnit.SECONDS);
			assertThat(client.isConnected()).isTrue();
		});
	}

	private ReceivedFrame awaitRegistered(int connection) {
		ReceivedFrame startup = this.neuro.get().awaitFrame("startup", WAIT);
		assertThat(startup.connection()).isEqualTo(connection);
		ReceivedFrame register = this.neuro.get().awaitFrame(WAIT);
		assertThat(register.command()).isEqualTo("actions/register");
		assertThat(register.connection()).isEqualTo(connection);
		return register;
	}

	@Configuration(proxyBeanMethods = false)
	static class TicTacToeActions {

		TicTacToeActions(NeuroClient client) {
			ObjectNode schema = (ObjectNode) JsonMapper.shared().readTree(PLACE_MARK_SCHEMA);
			client.registerWithoutHandler(new ActionDefinition("place_mark", "Place your mark on an empty cell.", schema),
					new ActionDefinition("end_turn", "End your turn.", null));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HeldActions {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final CountDownLatch answered = new CountDownLatch(1);

		@NeuroAction(name = "hold", description = "Hold the turn until the test lets go.")
		String hold() throws InterruptedException {
			this.started.countDown();
			this.release.await();
			return "Held.";
		}

		@Bean
		ActionObserver answeredCalls() {
			return new ActionObserver() {

				@Override
				public void completed(ActionCall call) {
					HeldActions.this.answered.countDown();
				}

			};
		}

	}

}
