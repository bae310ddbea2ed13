package io.github.neurospringboot.action;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.annotation.NeuroParam;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.test.ActionOutcome;
import io.github.neurospringboot.test.EmbeddedNeuroExtension;
import io.github.neurospringboot.test.ReceivedFrame;
import io.github.neurospringboot.testing.TestGames;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.aopalliance.intercept.MethodInterceptor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.JsonNode;

import org.springframework.aop.framework.autoproxy.BeanNameAutoProxyCreator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code @NeuroAction} methods called by an {@link io.github.neurospringboot.test.EmbeddedNeuro EmbeddedNeuro}, a real
 * websocket server on loopback, with Neuro's side driven by hand: each conformance vector of the Neuro API, asserted
 * on the {@code action/result} frames, and always exactly one result per action id.
 */
class ActionDispatchIntegrationTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(ActionResultConverter.class.getName(),
			ActionDispatcher.class.getName(), "io.github.neurospringboot.client.ConnectionState");

	private static final Duration WAIT = Duration.ofSeconds(10);

	/**
	 * A fresh embedded Neuro for each test; it neither acknowledges startup nor plays on its own. Whatever a test
	 * does, the game must do nothing its diagnostics find wrong: every action these tests register is meant to be
	 * valid, as the real server would read it.
	 */
	@RegisterExtension
	final EmbeddedNeuroExtension neuro = TestGames.diagnosedNeuro();

	private ApplicationContextRunner runner() {
		return TestGames.connectedTo(this.neuro.get())
			.withUserConfiguration(GameConfiguration.class)
			.withPropertyValues("neuro.actions.result-timeout=2s");
	}

	@Test
	void tv02AnnotatedActionsAreRegisteredAtStartupWithTheirSchemas() {
		runner().run((context) -> {
			JsonNode actions = registered().json().at("/data/actions");
			JSONAssert.assertEquals("""
					{"name":"place_mark","description":"Place your mark on an empty cell.",
					 "schema":{"type":"object","properties":{"cell":{"type":"integer","minimum":0,"maximum":8}},
					           "required":["cell"]}}""", action(actions, "place_mark").toString(), JSONCompareMode.STRICT);
			JSONAssert.assertEquals("{\"name\":\"end_turn\",\"description\":\"End your turn.\"}",
					action(actions, "end_turn").toString(), JSONCompareMode.STRICT);
			JSONAssert.assertEquals("""
					{"name":"move","description":"Move a piece.","schema":{"type":"object",
					 "properties":{"from":{"type":"integer","minimum":-2147483648,"maximum":2147483647},
					               "to":{"type":"integer","minimum":-2147483648,"maximum":2147483647}},
					 "required":["from","to"]}}""",
					action(actions, "move").toString(), JSONCompareMode.STRICT);
			JSONAssert.assertEquals("""
					{"name":"choose_color","description":"Choose a color.\\nParameters:\\n- note: Why.",
					 "schema":{"type":"object","properties":{"color":{"type":"string","enum":["red","green","blue"]},
					 "note":{"type":"string"}},"required":["color"]}}""",
					action(actions, "choose_color").toString(), JSONCompareMode.STRICT);
			assertThat(actions.findValuesAsString("name")).doesNotContain("secret_move")
				.containsExactly("choose_color", "end_turn", "explode", "move", "place_mark", "ponder", "take", "wave");
		});
	}

	@Test
	void tv06ValidActionInvokesTheMethodOnceAndSucceeds() {
		runner().run((context) -> {
			registered();
			JsonNode result = call("{\"id\":\"0\",\"name\":\"place_mark\",\"data\":\"{\\\"cell\\\":4}\"}");
			JSONAssert.assertEquals("{\"command\":\"action/result\",\"game\":\"Test Game\",\"data\":{\"id\":\"0\","
					+ "\"success\":true,\"message\":\"Placed at 4.\"}}", result.toString(), JSONCompareMode.STRICT);
			assertThat(context.getBean(Game.class).marks).containsExactly(4);
			assertNoFurtherResults();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ",\"data\":\"{}\"", ",\"data\":\"\"", ",\"data\":\"   \"", ",\"data\":null" })
	void tv07AndTv08ParameterlessActionWithoutOrWithTrivialData(String data) {
		runner().run((context) -> {
			registered();
			JsonNode result = call("{\"id\":\"1\",\"name\":\"end_turn\"" + data + "}");
			JSONAssert.assertEquals("{\"id\":\"1\",\"success\":true}", result.get("data").toString(),
					JSONCompareMode.STRICT);
			assertNoFurtherResults();
		});
	}

	@Test
	void tv09InvalidJsonIsRejectedWithoutInvokingTheMethod() {
		runner().run((context) -> {
			registered();
			assertFailure(call(placeMark("9", "{\\\"cell\\\": 4")),
					"Action failed: the parameters of 'place_mark' were not valid JSON.");
			assertThat(context.getBean(Game.class).marks).isEmpty();
		});
	}

	@Test
	void tv10MissingRequiredPropertyIsNamed() {
		runner().run((context) -> {
			registered();
			assertFailure(call(placeMark("10", "{}")), "Missing required parameter 'cell'.");
		});
	}

	@Test
	void tv11WrongTypeSaysWhatIsExpected() {
		runner().run((context) -> {
			registered();
			assertFailure(call(placeMark("11", "{\\\"cell\\\":\\\"four\\\"}")), "'cell' must be an integer");
		});
	}

	@Test
	void tv12ConstraintViolationStatesTheBound() {
		runner().run((context) -> {
			registered();
			assertFailure(call(placeMark("12", "{\\\"cell\\\":9}")), "'cell' must be at most 8, but was 9.");
			assertThat(context.getBean(Game.class).marks).isEmpty();
		});
	}

	@Test
	void anIntParameterRejectsWhatAnIntCannotHoldInPlainWords() {
		runner().run((context) -> {
			registered();
			String take = "{\"id\":\"%s\",\"name\":\"take\",\"data\":\"{\\\"cell\\\":%s}\"}";
			assertThat(failureMessage(call(take.formatted("big", "2147483648"))))
				.isEqualTo("Action failed: invalid parameters for 'take'. 'cell' must be at most 2147483647, but was "
						+ "2147483648.");
			assertThat(failureMessage(call(take.formatted("huge", "1e400"))))
				.isEqualTo("Action failed: invalid parameters for 'take'. 'cell' must be an integer, but was a number "
						+ "too large to use.");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "[4]", "4", "null" })
	void tv13ParametersThatAreNotAnObjectAreRejected(String data) {
		runner().run((context) -> {
			registered();
			assertFailure(call(placeMark("13", data)), "must be one JSON object, such as {\"cell\": …}");
		});
	}

	@Test
	void tv14ExtraPropertiesAreIgnored() {
		runner().run((context) -> {
			registered();
			assertThat(call(placeMark("14", "{\\\"cell\\\":4,\\\"note\\\":\\\"hi\\\"}")).at("/data/success")
				.asBoolean()).isTrue();
			assertThat(context.getBean(Game.class).marks).containsExactly(4);
		});
	}

	@Test
	void tv15UnknownActionIsNamedWithTheAvailableOnes() {
		runner().run((context) -> {
			registered();
			assertFailure(call("{\"id\":\"7\",\"name\":\"fly\",\"data\":\"{}\"}"),
					"Unknown action 'fly'. Available actions: choose_color, end_turn, explode, move, place_mark, ponder, "
							+ "take, wave.");
		});
	}

	@Test
	void aLongUnknownNameIsQuotedOnlyInPart() {
		runner().run((context) -> {
			registered();
			String name = "fly_".repeat(2_500);
			assertThat(failureMessage(call("{\"id\":\"long\",\"name\":\"" + name + "\"}")))
				.isEqualTo("Unknown action '" + name.substring(0, 64) + "'…. Available actions: choose_color, "
						+ "end_turn, explode, move, place_mark, ponder, take, wave.");
		});
	}

	@Test
	void tv16RecentlyUnregisteredActionIsNoLongerAvailable() {
		runner().run((context) -> {
			registered();
			context.getBean(NeuroClient.class).unregisterActions("place_mark");
			assertThat(this.neuro.get().awaitFrame(WAIT).command()).isEqualTo("actions/unregister");
			assertFailure(call(placeMark("16", "{\\\"cell\\\":4}")), "Action 'place_mark' is no longer available.");
			assertThat(context.getBean(Game.class).marks).isEmpty();
		});
	}

	@Test
	void tv17ActionWithoutIdIsDroppedAndTheConnectionStaysUsable() {
		runner().run((context) -> {
			registered();
			this.neuro.get()
				.sendText("{\"command\":\"action\",\"data\":{\"name\":\"place_mark\",\"data\":\"{\\\"cell\\\":4}\"}}");
			JsonNode next = call("{\"id\":\"17\",\"name\":\"end_turn\"}");
			assertThat(next.at("/data/id").asString()).isEqualTo("17");
			assertThat(context.getBean(Game.class).marks).isEmpty();
			assertThat(this.neuro.get().connectionCount()).isEqualTo(1);
		});
	}

	@Test
	void tv18UnexpectedExceptionGivesOneGenericFailureWithoutInternals() {
		runner().run((context) -> {
			registered();
			JsonNode result = call("{\"id\":\"18\",\"name\":\"explode\"}");
			assertFailure(result, "Action failed: the game ran into an error while executing 'explode'.");
			assertThat(result.toString()).doesNotContain("hunter2");
			assertNoFurtherResults();
		});
	}

	@Test
	void tv18ErrorCanBeReportedWithoutRetryAndWithItsMessage() {
		runner().withPropertyValues("neuro.actions.retry-on-error=false", "neuro.actions.expose-exception-messages=true")
			.run((context) -> {
				registered();
				JsonNode result = call("{\"id\":\"18\",\"name\":\"explode\"}");
				assertThat(result.at("/data/success").asBoolean()).isTrue();
				assertThat(result.at("/data/message").asString()).endsWith(": the database password is hunter2");
			});
	}

	@Test
	void errorHandlerBeansExplainExceptionsTheFirstAnswerWinning() {
		runner().withUserConfiguration(ErrorHandlerConfiguration.class).run((context) -> {
			registered();
			// The handler for IllegalArgumentException passes, the one for IllegalStateException answers first.
			JsonNode explained = call("{\"id\":\"h1\",\"name\":\"explode\"}");
			assertThat(explained.at("/data/success").asBoolean()).isTrue();
			assertThat(explained.at("/data/message").asString()).isEqualTo("Nothing here can break. Try another move.");
			// A NeuroActionException is already meant for Neuro: no handler sees it.
			assertFailure(call("{\"id\":\"h2\",\"name\":\"take\",\"data\":\"{\\\"cell\\\":4}\"}"),
					"Cell 4 is taken. Free cells: 2, 5, 7.");
			assertThat(context.getBean(ErrorHandlerConfiguration.class).asked).containsExactly(
					"illegal arguments: IllegalStateException", "illegal states: IllegalStateException");
			assertNoFurtherResults();
		});
	}

	@Test
	void neuroActionExceptionCarriesItsMessageWithOrWithoutRetry() {
		runner().run((context) -> {
			registered();
			assertFailure(call("{\"id\":\"a\",\"name\":\"take\",\"data\":\"{\\\"cell\\\":4}\"}"),
					"Cell 4 is taken. Free cells: 2, 5, 7.");
			JsonNode noRetry = call("{\"id\":\"b\",\"name\":\"take\",\"data\":\"{\\\"cell\\\":0}\"}");
			assertThat(noRetry.at("/data/success").asBoolean()).isTrue();
			assertThat(noRetry.at("/data/message").asString()).isEqualTo("The game is over.");
		});
	}

	@Test
	void tv20UnknownFieldsAreIgnored() {
		runner().run((context) -> {
			registered();
			this.neuro.get()
				.sendText("{\"command\":\"action\",\"trace\":\"abc\",\"data\":{\"id\":\"8\",\"name\":\"place_mark\","
						+ "\"data\":\"{\\\"cell\\\":2}\",\"hint\":1}}");
			JsonNode result = nextResult();
			assertThat(result.at("/data/success").asBoolean()).isTrue();
			assertThat(context.getBean(Game.class).marks).containsExactly(2);
		});
	}

	@Test
	void tv36SlowHandlerTimesOutOnceAndItsLateResultIsDiscarded() {
		runner().run((context) -> {
			registered();
			Game game = context.getBean(Game.class);
			assertFailure(call("{\"id\":\"36\",\"name\":\"ponder\"}"), "Action 'ponder' timed out");
			game.ponderRelease.countDown();
			assertThat(game.ponderFinished.await(10, TimeUnit.SECONDS)).isTrue();
			assertNoFurtherResults();
		});
	}

	@ParameterizedTest(name = "on the application task executor: {0}")
	@ValueSource(booleans = { false, true })
	void anActionRunningWhenTheApplicationStopsIsAnsweredBeforeTheConnectionCloses(boolean applicationTaskExecutor) {
		ApplicationContextRunner runner = applicationTaskExecutor
				? runner().withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class)) : runner();
		Game[] game = new Game[1];
		runner.run((context) -> {
			registered();
			game[0] = context.getBean(Game.class);
			this.neuro.get().sendText("{\"command\":\"action\",\"data\":{\"id\":\"last\",\"name\":\"ponder\"}}");
			assertThat(game[0].ponderStarted.await(10, TimeUnit.SECONDS)).isTrue();
			// It finishes while the application stops, which begins as this lambda returns.
			CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(game[0].ponderRelease::countDown);
		});
		assertThat(this.neuro.get().awaitFrame(WAIT).command()).isEqualTo("actions/unregister");
		JsonNode result = nextResult();
		assertThat(result.at("/data/id").asString()).isEqualTo("last");
		assertThat(result.at("/data/message").asString()).isEqualTo("Done pondering.");
		awaitClosedGoingAway();
		assertThat(this.neuro.get().drainFrames()).isEmpty();
	}

	@Test
	void anActionStillRunningAtItsDeadlineWhenTheApplicationStopsIsAnsweredAsTimedOut() {
		Game[] game = new Game[1];
		runner().run((context) -> {
			registered();
			game[0] = context.getBean(Game.class);
			this.neuro.get().sendText("{\"command\":\"action\",\"data\":{\"id\":\"last\",\"name\":\"ponder\"}}");
			assertThat(game[0].ponderStarted.await(10, TimeUnit.SECONDS)).isTrue();
		});
		game[0].ponderRelease.countDown();
		assertThat(this.neuro.get().awaitFrame(WAIT).command()).isEqualTo("actions/unregister");
		assertFailure(nextResult(), "Action 'ponder' timed out");
		awaitClosedGoingAway();
		assertThat(this.neuro.get().drainFrames()).isEmpty();
	}

	private void awaitClosedGoingAway() {
		await().atMost(WAIT).until(() -> !this.neuro.get().closeCodes().isEmpty());
		assertThat(this.neuro.get().closeCodes()).containsExactly(1001);
	}

	@Test
	void tv37RepeatedIdRunsOnceAndTheRepeatIsAnsweredAsSuch() {
		runner().run((context) -> {
			registered();
			String action = placeMark("5", "{\\\"cell\\\":3}");
			JsonNode first = call(action);
			JsonNode second = call(action);
			assertThat(first.at("/data/success").asBoolean()).isTrue();
			assertFailure(second, "Action id '5' was already received on this connection");
			assertThat(context.getBean(Game.class).marks).containsExactly(3);
		});
	}

	@Test
	void tv37AnIdRepeatedAfterThousandsOfOthersStillRunsOnce() {
		runner().run((context) -> {
			registered();
			String action = placeMark("5", "{\\\"cell\\\":3}");
			assertThat(call(action).at("/data/success").asBoolean()).isTrue();
			List<CompletableFuture<ActionOutcome>> others = IntStream.range(0, 2_000)
				.mapToObj((i) -> this.neuro.get().executeAsync("end_turn", null))
				.toList();
			this.neuro.get().sendText("{\"command\":\"action\",\"data\":" + action + "}");
			assertFailure(resultFor("5"), "Action id '5' was already received on this connection");
			others.forEach((other) -> assertThat(other).succeedsWithin(WAIT).matches(ActionOutcome::success));
			assertThat(context.getBean(Game.class).marks).containsExactly(3);
		});
	}

	@Test
	void asynchronousResultsAreSentWhenTheyComplete() {
		runner().run((context) -> {
			registered();
			JsonNode result = call("{\"id\":\"w\",\"name\":\"wave\"}");
			assertThat(result.at("/data/message").asString()).isEqualTo("Waved back.");
		});
	}

	@Test
	void theActionContextAndASingleRecordAreBound() {
		runner().run((context) -> {
			registered();
			JsonNode result = call("{\"id\":\"m\",\"name\":\"move\",\"data\":\"{\\\"from\\\":1,\\\"to\\\":2}\"}");
			assertThat(result.at("/data/message").asString()).isEqualTo("m: move from 1 to 2");
		});
	}

	@Test
	void enumsAreValidatedWithTheirAllowedValues() {
		runner().run((context) -> {
			registered();
			assertFailure(call("{\"id\":\"c\",\"name\":\"choose_color\",\"data\":\"{\\\"color\\\":\\\"pink\\\"}\"}"),
					"'color' must be one of \"red\", \"green\", \"blue\", but was \"pink\".");
			JsonNode ok = call("{\"id\":\"d\",\"name\":\"choose_color\",\"data\":\"{\\\"color\\\":\\\"green\\\"}\"}");
			assertThat(ok.at("/data/message").asString()).isEqualTo("GREEN, no note");
		});
	}

	@Test
	void onDemandActionsRegisterWhenAsked() {
		runner().run((context) -> {
			registered();
			assertFailure(call("{\"id\":\"s1\",\"name\":\"secret_move\"}"), "is no longer available");
			context.getBean(NeuroClient.class).registerActions("secret_move");
			assertThat(this.neuro.get().awaitFrame(WAIT).text()).contains("actions/register", "secret_move");
			assertThat(call("{\"id\":\"s2\",\"name\":\"secret_move\"}").at("/data/success").asBoolean()).isTrue();
		});
	}

	@Test
	void proxiedBeansAreCalledThroughTheirProxy() {
		runner().withUserConfiguration(ProxyConfiguration.class).run((context) -> {
			registered();
			assertThat(call(placeMark("p", "{\\\"cell\\\":1}")).at("/data/success").asBoolean()).isTrue();
			assertThat(context.getBean(ProxyConfiguration.class).intercepted.get()).isEqualTo(1);
		});
	}

	private static JsonNode action(JsonNode actions, String name) {
		for (JsonNode action : actions) {
			if (action.get("name").asString().equals(name)) {
				return action;
			}
		}
		throw new AssertionError("No action " + name + " in " + actions);
	}

	private ReceivedFrame registered() {
		assertThat(this.neuro.get().awaitFrame(WAIT).command()).isEqualTo("startup");
		ReceivedFrame register = this.neuro.get().awaitFrame(WAIT);
		assertThat(register.command()).isEqualTo("actions/register");
		return register;
	}

	private static String placeMark(String id, String data) {
		return "{\"id\":\"" + id + "\",\"name\":\"place_mark\",\"data\":\"" + data + "\"}";
	}

	private JsonNode call(String actionData) {
		this.neuro.get().sendText("{\"command\":\"action\",\"data\":" + actionData + "}");
		return nextResult();
	}

	/** The next result for an id, past those for other ids. */
	private JsonNode resultFor(String id) {
		while (true) {
			JsonNode result = this.neuro.get().awaitFrame("action/result", WAIT).json();
			if (result.at("/data/id").asString().equals(id)) {
				return result;
			}
		}
	}

	private JsonNode nextResult() {
		ReceivedFrame frame = this.neuro.get().awaitFrame(WAIT);
		assertThat(frame.command()).isEqualTo("action/result");
		return frame.json();
	}

	private static void assertFailure(JsonNode result, String expectedMessagePart) {
		assertThat(result.at("/data/success").asBoolean()).as(result.toString()).isFalse();
		assertThat(result.at("/data/message").asString()).contains(expectedMessagePart);
	}

	private static String failureMessage(JsonNode result) {
		assertThat(result.at("/data/success").asBoolean()).as(result.toString()).isFalse();
		return result.at("/data/message").asString();
	}

	/** A marker sent now arrives next: no second result was sent for any id before it. */
	private void assertNoFurtherResults() {
		this.neuro.get().sendText("{\"command\":\"action\",\"data\":{\"id\":\"marker\",\"name\":\"end_turn\"}}");
		ReceivedFrame next = this.neuro.get().awaitFrame(WAIT);
		assertThat(next.json().at("/data/id").asString()).as(next.text()).isEqualTo("marker");
	}

	enum Color {

		RED, GREEN, BLUE;

		@Override
		public String toString() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	record Move(int from, int to) {
	}

	static class Game {

		final List<Integer> marks = new CopyOnWriteArrayList<>();

		final CountDownLatch ponderStarted = new CountDownLatch(1);

		final CountDownLatch ponderRelease = new CountDownLatch(1);

		final CountDownLatch ponderFinished = new CountDownLatch(1);

		@NeuroAction(description = "Place your mark on an empty cell.")
		String placeMark(@Min(0) @Max(8) int cell) {
			this.marks.add(cell);
			return "Placed at " + cell + ".";
		}

		@NeuroAction(description = "End your turn.")
		void endTurn() {
		}

		@NeuroAction(description = "Take a cell.")
		void take(int cell) {
			throw (cell == 0) ? new NeuroActionException("The game is over.", false)
					: new NeuroActionException("Cell 4 is taken. Free cells: 2, 5, 7.");
		}

		@NeuroAction(description = "Break something.")
		void explode() {
			throw new IllegalStateException("the database password is hunter2");
		}

		@NeuroAction(description = "Think hard.")
		String ponder() throws InterruptedException {
			try {
				this.ponderStarted.countDown();
				this.ponderRelease.await(10, TimeUnit.SECONDS);
				return "Done pondering.";
			}
			finally {
				this.ponderFinished.countDown();
			}
		}

		@NeuroAction(description = "Wave at chat.")
		CompletionStage<ActionResult> wave() {
			return CompletableFuture.supplyAsync(() -> ActionResult.success("Waved back."));
		}

		@NeuroAction(description = "Move a piece.")
		String move(Move move, ActionContext context) {
			return context.id() + ": move from " + move.from() + " to " + move.to();
		}

		@NeuroAction(description = "Choose a color.")
		String chooseColor(Color color, @NeuroParam(description = "Why.") Optional<String> note) {
			return color.name() + ", " + note.orElse("no note");
		}

		@NeuroAction(description = "A move only possible later.", registerAtStartup = false)
		@Nullable String secretMove() {
			return null;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class GameConfiguration {

		@Bean
		Game game() {
			return new Game();
		}

	}

	/**
	 * Three error handlers, declared in the reverse of their order: a catch-all that is never reached, one that
	 * answers, and one that passes.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ErrorHandlerConfiguration {

		final List<String> asked = new CopyOnWriteArrayList<>();

		@Bean
		@Order(3)
		ActionErrorHandler everything() {
			return (exception, call) -> {
				this.asked.add("everything: " + exception.getClass().getSimpleName());
				return ActionResult.failure("Something went wrong.");
			};
		}

		@Bean
		@Order(2)
		ActionErrorHandler illegalStates() {
			return (exception, call) -> {
				this.asked.add("illegal states: " + exception.getClass().getSimpleName());
				return (exception instanceof IllegalStateException)
						? ActionResult.failureWithoutRetry("Nothing here can break. Try another move.") : null;
			};
		}

		@Bean
		@Order(1)
		ActionErrorHandler illegalArguments() {
			return (exception, call) -> {
				this.asked.add("illegal arguments: " + exception.getClass().getSimpleName());
				return (exception instanceof IllegalArgumentException) ? ActionResult.failure("Wrong argument.") : null;
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ProxyConfiguration {

		final AtomicInteger intercepted = new AtomicInteger();

		@Bean
		static BeanNameAutoProxyCreator gameProxyCreator() {
			BeanNameAutoProxyCreator creator = new BeanNameAutoProxyCreator();
			creator.setBeanNames("game");
			creator.setProxyTargetClass(true);
			creator.setInterceptorNames("countingInterceptor");
			return creator;
		}

		@Bean
		MethodInterceptor countingInterceptor() {
			return (invocation) -> {
				if (invocation.getMethod().getName().equals("placeMark")) {
					this.intercepted.incrementAndGet();
				}
				return invocation.proceed();
			};
		}

	}

}
