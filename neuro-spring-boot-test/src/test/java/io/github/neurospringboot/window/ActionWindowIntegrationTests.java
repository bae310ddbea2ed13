package io.github.neurospringboot.window;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.neurospringboot.action.LambdaAction;
import io.github.neurospringboot.action.NeuroActionException;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.client.Force;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.protocol.ForcePriority;
import io.github.neurospringboot.test.EmbeddedNeuroExtension;
import io.github.neurospringboot.test.ReceivedFrame;
import io.github.neurospringboot.testing.TestGames;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Action windows and forces against an {@link io.github.neurospringboot.test.EmbeddedNeuro EmbeddedNeuro}, a real
 * websocket server on loopback behind a TCP relay that can cut connections, with Neuro's side driven by hand,
 * asserting on the frames: the force vectors of the Neuro API (TV-26 to TV-31), and the races turn-based play runs
 * into.
 */
class ActionWindowIntegrationTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(NeuroConnection.class);

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
			.withBean(TicTacToe.class)
			.withPropertyValues("neuro.reconnect.initial-interval=200ms", "neuro.reconnect.jitter=0ms");
	}

	@Test
	void tv26MinimalForceOmitsOptionalKeys() {
		runner().run((context) -> {
			connected(context);
			windows(context).window().actions("place_mark").force(Force.query("It is your turn.")).open();
			assertThat(frame().text()).contains("actions/register", "place_mark");
			JSONAssert.assertEquals("""
					{"command":"actions/force","game":"Test Game","data":{"query":"It is your turn.",
					 "action_names":["place_mark"]}}""", frame().text(), JSONCompareMode.STRICT);
		});
	}

	@Test
	void tv27FullForceHasEveryKey() {
		runner().run((context) -> {
			connected(context);
			windows(context).window()
				.actions("place_mark", "end_turn")
				.force(Force.query("It is your turn.").state("## Board\n- X at 0").ephemeral()
					.priority(ForcePriority.HIGH))
				.open();
			frame();
			JSONAssert.assertEquals("""
					{"command":"actions/force","game":"Test Game","data":{"state":"## Board\\n- X at 0",
					 "query":"It is your turn.","ephemeral_context":true,"priority":"high",
					 "action_names":["place_mark","end_turn"]}}""", frame().text(), JSONCompareMode.STRICT);
		});
	}

	@Test
	void tv30SuccessUnregistersTheWindowBeforeTheResult() {
		runner().run((context) -> {
			connected(context);
			ActionWindow window = windows(context).window()
				.context("Your opponent played X in cell 0.", true)
				.actions("place_mark", "end_turn")
				.force(Force.query("It is your turn."))
				.open();
			JSONAssert.assertEquals("""
					{"command":"context","game":"Test Game","data":{"message":"Your opponent played X in cell 0.",
					 "silent":true}}""", frame().text(), JSONCompareMode.STRICT);
			assertThat(frame().command()).isEqualTo("actions/register");
			assertThat(frame().command()).isEqualTo("actions/force");

			this.neuro.get().sendText(action("1", "place_mark", "{\\\"cell\\\":4}"));
			JSONAssert.assertEquals("""
					{"command":"actions/unregister","game":"Test Game","data":{"action_names":["place_mark","end_turn"]}}""",
					frame().text(), JSONCompareMode.STRICT);
			JSONAssert.assertEquals("""
					{"command":"action/result","game":"Test Game","data":{"id":"1","success":true}}""",
					frame().text(), JSONCompareMode.STRICT);
			assertThat(window.whenEnded().get(10, TimeUnit.SECONDS))
				.isEqualTo(new WindowEnd(WindowEnd.Reason.ACTION_DONE, "place_mark"));
			assertThat(window.isOpen()).isFalse();
			assertNothingMoreThan(context);
		});
	}

	@Test
	void aWindowForcesAnActionRegisteredAtStartupAndLeavesItRegisteredWhenItEnds() {
		runner().run((context) -> {
			connected(context);
			ActionWindow window = windows(context).window().actions("draw_card").force(Force.query("Draw a card."))
				.open();
			// Registered since startup: the window's only frame is its force.
			JSONAssert.assertEquals("""
					{"command":"actions/force","game":"Test Game","data":{"query":"Draw a card.",
					 "action_names":["draw_card"]}}""", frame().text(), JSONCompareMode.STRICT);

			this.neuro.get().sendText(action("1", "draw_card", ""));
			JSONAssert.assertEquals("""
					{"command":"action/result","game":"Test Game","data":{"id":"1","success":true,
					 "message":"You drew the queen of hearts."}}""", frame().text(), JSONCompareMode.STRICT);
			assertThat(window.whenEnded().get(10, TimeUnit.SECONDS))
				.isEqualTo(new WindowEnd(WindowEnd.Reason.ACTION_DONE, "draw_card"));
			assertNothingMoreThan(context);
			assertThat(this.neuro.get().registeredActions()).contains("draw_card");

			// The next turn forces it again, with no registration either.
			windows(context).window().actions("draw_card").force(Force.query("Draw another card.")).open();
			assertThat(frame().text()).contains("actions/force", "Draw another card.");
		});
	}

	@Test
	void aWindowUnregistersOnlyTheActionsItRegistered() {
		runner().run((context) -> {
			connected(context);
			windows(context).window()
				.actions("draw_card", "end_turn")
				.force(Force.query("Draw a card or end your turn."))
				.open();
			assertThat(frame().json().at("/data/actions").findValuesAsString("name")).containsExactly("end_turn");
			assertThat(frame().json().at("/data/action_names").valueStream().map(JsonNode::asString))
				.containsExactly("draw_card", "end_turn");

			this.neuro.get().sendText(action("1", "draw_card", ""));
			JSONAssert.assertEquals("""
					{"command":"actions/unregister","game":"Test Game","data":{"action_names":["end_turn"]}}""",
					frame().text(), JSONCompareMode.STRICT);
			assertThat(frame().text()).contains("action/result", "\"success\":true");
			assertNothingMoreThan(context);

			ActionWindow timedOut = windows(context).window().actions("draw_card").timeout(Duration.ofMillis(200))
				.open();
			assertThat(timedOut.whenEnded().get(10, TimeUnit.SECONDS).reason()).isEqualTo(WindowEnd.Reason.TIMED_OUT);
			assertNothingMoreThan(context);
			assertThat(this.neuro.get().registeredActions()).contains("draw_card");
		});
	}

	@Test
	void whatTheGameDoesWhenAWindowEndsFollowsTheResultOnTheWire() {
		runner().run((context) -> {
			connected(context);
			ActionWindows windows = windows(context);
			ActionWindow first = windows.window().actions("place_mark").force(Force.query("Mark.")).open();
			first.whenEnded()
				.thenAccept((end) -> windows.window().actions("end_turn").force(Force.query("End.")).open());
			frame();
			frame();
			this.neuro.get().sendText(action("1", "place_mark", "{\\\"cell\\\":4}"));
			assertThat(frame().command()).isEqualTo("actions/unregister");
			assertThat(frame().command()).isEqualTo("action/result");
			assertThat(frame().text()).contains("actions/register", "end_turn");
			assertThat(frame().text()).contains("actions/force", "End.");
		});
	}

	@Test
	void tv28OnlyOneForceIsInFlightAndTheNextGoesWhenItResolves() {
		runner().run((context) -> {
			connected(context);
			windows(context).window().actions("place_mark").force(Force.query("Mark a cell.")).open();
			assertThat(frame().command()).isEqualTo("actions/register");
			assertThat(frame().text()).contains("actions/force", "Mark a cell.");
			windows(context).window().actions("end_turn").force(Force.query("End your turn.")).open();
			assertThat(frame().text()).contains("actions/register", "end_turn");
			assertNothingMoreThan(context);

			this.neuro.get().sendText(action("1", "place_mark", "{\\\"cell\\\":4}"));
			assertThat(frame().text()).contains("actions/unregister", "place_mark");
			assertThat(frame().text()).contains("action/result", "\"success\":true");
			JSONAssert.assertEquals("""
					{"command":"actions/force","game":"Test Game","data":{"query":"End your turn.",
					 "action_names":["end_turn"]}}""", frame().text(), JSONCompareMode.STRICT);
		});
	}

	@Test
	void tv29AFailedResultInsideAForceIsNeverForcedAgainByTheGame() {
		runner().run((context) -> {
			connected(context);
			ActionWindow window = windows(context).window().actions("place_mark").force(Force.query("Mark.")).open();
			frame();
			frame();
			this.neuro.get().sendText(action("1", "place_mark", "{\\\"cell\\\":9}"));
			assertThat(frame().text()).contains("action/result", "\"success\":false", "at most 8");
			assertNothingMoreThan(context);
			assertThat(window.isOpen()).isTrue();
			// Neuro retries on her own; the retry is executed and ends the window.
			this.neuro.get().sendText(action("2", "place_mark", "{\\\"cell\\\":3}"));
			assertThat(frame().command()).isEqualTo("actions/unregister");
			assertThat(frame().text()).contains("action/result", "\"success\":true");
		});
	}

	@Test
	void tv31EndingAWindowUnregistersItsActions() {
		runner().run((context) -> {
			connected(context);
			ActionWindow window = windows(context).window().actions("place_mark").open();
			frame();
			window.end();
			JSONAssert.assertEquals("""
					{"command":"actions/unregister","game":"Test Game","data":{"action_names":["place_mark"]}}""",
					frame().text(), JSONCompareMode.STRICT);
			assertThat(window.whenEnded().get(10, TimeUnit.SECONDS).reason()).isEqualTo(WindowEnd.Reason.ENDED);
		});
	}

	@Test
	void anActionArrivingBeforeItsWindowsForceEndsTheWindowAndTheForceNeverGoes() {
		runner().run((context) -> {
			connected(context);
			ActionWindow window = windows(context).window()
				.actions("place_mark")
				.forceAfter(Duration.ofMillis(400), Force.query("Mark."))
				.open();
			frame();
			this.neuro.get().sendText(action("1", "place_mark", "{\\\"cell\\\":4}"));
			assertThat(frame().command()).isEqualTo("actions/unregister");
			assertThat(frame().text()).contains("action/result", "\"success\":true");
			assertThat(window.isOpen()).isFalse();
			Thread.sleep(800);
			assertNothingMoreThan(context);
		});
	}

	@Test
	void anActionArrivingAfterItsWindowEndedIsNoLongerAvailable() {
		runner().run((context) -> {
			connected(context);
			ActionWindow window = windows(context).window().actions("place_mark").open();
			frame();
			window.end();
			frame();
			this.neuro.get().sendText(action("1", "place_mark", "{\\\"cell\\\":4}"));
			assertThat(frame().json().at("/data/message").asString())
				.isEqualTo("Action 'place_mark' is no longer available.");
			assertThat(context.getBean(TicTacToe.class).marks).isZero();
		});
	}

	@Test
	void aForceRequestedWhileAResultIsPendingWaitsForTheResult() {
		runner().run((context) -> {
			connected(context);
			TicTacToe game = context.getBean(TicTacToe.class);
			this.neuro.get().sendText(action("p", "ponder", "{}"));
			assertThat(game.pondering.await(10, TimeUnit.SECONDS)).isTrue();
			windows(context).window().actions("place_mark").force(Force.query("Mark.")).open();
			assertThat(frame().command()).isEqualTo("actions/register");
			assertNothingMoreThan(context);

			game.stopPondering.countDown();
			assertThat(frame().text()).contains("action/result", "\"id\":\"p\"");
			assertThat(frame().text()).contains("actions/force", "Mark.");
		});
	}

	@Test
	void forcesOfTheClientQueueBehindTheWindowsForce() {
		runner().run((context) -> {
			connected(context);
			windows(context).window().actions("place_mark").force(Force.query("Mark.")).open();
			frame();
			frame();
			NeuroClient client = context.getBean(NeuroClient.class);
			assertThat(client.forceActions(Force.query("Ponder."), "ponder")).isTrue();
			assertNothingMoreThan(context);
			this.neuro.get().sendText(action("1", "place_mark", "{\\\"cell\\\":1}"));
			frame();
			frame();
			assertThat(frame().text()).contains("actions/force", "Ponder.");
		});
	}

	@Test
	void aReconnectInTheMiddleOfAWindowRegistersItAgainAndSendsItsForceAgain() {
		runner().run((context) -> {
			connected(context);
			ActionWindow window = windows(context).window().actions("place_mark").force(Force.query("Mark.")).open();
			frame();
			frame();
			this.neuro.get().dropConnections();

			ReceivedFrame startup = this.neuro.get().awaitFrame("startup", WAIT);
			assertThat(startup.connection()).isEqualTo(2);
			ReceivedFrame register = frame();
			assertThat(register.json().at("/data/actions").findValuesAsString("name")).contains("ponder", "place_mark");
			JSONAssert.assertEquals("""
					{"command":"actions/force","game":"Test Game","data":{"query":"Mark.","action_names":["place_mark"]}}""",
					frame().text(), JSONCompareMode.STRICT);
			assertThat(window.isOpen()).isTrue();
		});
	}

	@Test
	void aWindowTimesOut() {
		runner().run((context) -> {
			connected(context);
			ActionWindow window = windows(context).window().actions("place_mark").timeout(Duration.ofMillis(200)).open();
			frame();
			assertThat(frame().text()).contains("actions/unregister", "place_mark");
			assertThat(window.whenEnded().get(10, TimeUnit.SECONDS).reason()).isEqualTo(WindowEnd.Reason.TIMED_OUT);
		});
	}

	@Test
	void anActionStillWantedElsewhereIsNeitherUnregisteredNorRegisteredAgain() {
		runner().run((context) -> {
			connected(context);
			ActionWindow first = windows(context).window().actions("place_mark", "ponder").open();
			assertThat(frame().json().at("/data/actions").findValuesAsString("name")).containsExactly("place_mark");
			ActionWindow second = windows(context).window().actions("place_mark").open();
			assertNothingMoreThan(context);
			first.end();
			assertNothingMoreThan(context);
			second.end();
			assertThat(frame().text()).contains("actions/unregister", "place_mark").doesNotContain("ponder");
		});
	}

	@Test
	void aFailureWithoutRetryResolvesTheForceButKeepsTheWindowOpen() {
		runner().run((context) -> {
			connected(context);
			ActionWindow window = windows(context).window().actions("place_mark").force(Force.query("Mark.")).open();
			frame();
			frame();
			windows(context).window().actions("end_turn").force(Force.query("End.")).open();
			frame();
			this.neuro.get().sendText(action("1", "place_mark", "{\\\"cell\\\":0}"));
			assertThat(frame().text()).contains("action/result", "\"success\":true", "The game is over.");
			assertThat(frame().text()).contains("actions/force", "End.");
			assertThat(window.isOpen()).isTrue();
		});
	}

	@Test
	void lambdaActionsLiveAsLongAsTheirWindow() {
		runner().run((context) -> {
			connected(context);
			LambdaAction<Pick> pick = LambdaAction.of("pick_card", "Pick one of three cards.", Pick.class,
					(card, call) -> "You picked card " + card.card() + ".");
			ActionWindow window = windows(context).window().action(pick).force(Force.query("Pick a card.")).open();
			JSONAssert.assertEquals("""
					{"command":"actions/register","game":"Test Game","data":{"actions":[{"name":"pick_card",
					 "description":"Pick one of three cards.","schema":{"type":"object",
					 "properties":{"card":{"type":"integer","minimum":1,"maximum":3}},"required":["card"]}}]}}""",
					frame().text(), JSONCompareMode.STRICT);
			frame();
			this.neuro.get().sendText(action("1", "pick_card", "{\\\"card\\\":5}"));
			assertThat(frame().json().at("/data/message").asString()).contains("'card' must be at most 3, but was 5.");
			this.neuro.get().sendText(action("2", "pick_card", "{\\\"card\\\":2}"));
			assertThat(frame().command()).isEqualTo("actions/unregister");
			assertThat(frame().json().at("/data/message").asString()).isEqualTo("You picked card 2.");
			assertThat(window.isOpen()).isFalse();
			this.neuro.get().sendText(action("3", "pick_card", "{\\\"card\\\":1}"));
			assertThat(frame().json().at("/data/message").asString())
				.isEqualTo("Action 'pick_card' is no longer available.");
			// The same lambda action can serve the next window.
			windows(context).window().action(pick).open();
			assertThat(frame().text()).contains("actions/register", "pick_card");
		});
	}

	@Test
	void aForceCanWaitForACondition() {
		runner().run((context) -> {
			connected(context);
			AtomicBoolean speechDone = new AtomicBoolean();
			windows(context).window().actions("place_mark").forceWhen(speechDone::get, Force.query("Mark.")).open();
			frame();
			assertNothingMoreThan(context);
			speechDone.set(true);
			assertThat(frame().text()).contains("actions/force", "Mark.");
		});
	}

	private static ActionWindows windows(AssertableApplicationContext context) {
		return context.getBean(ActionWindows.class);
	}

	private void connected(AssertableApplicationContext context) {
		assertThat(this.neuro.get().awaitFrame(WAIT).command()).isEqualTo("startup");
		assertThat(this.neuro.get().awaitFrame(WAIT).command()).isEqualTo("actions/register");
		assertThat(context.getBean(NeuroClient.class).whenConnected()).succeedsWithin(WAIT);
	}

	private ReceivedFrame frame() {
		return this.neuro.get().awaitFrame(WAIT);
	}

	private static String action(String id, String name, String data) {
		return "{\"command\":\"action\",\"data\":{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"data\":\"" + data
				+ "\"}}";
	}

	/** A context message sent now is the next frame: nothing else was sent before it. */
	private void assertNothingMoreThan(AssertableApplicationContext context) {
		assertThat(context.getBean(NeuroClient.class).sendContext("marker", true)).as("marker sent").isTrue();
		ReceivedFrame next = frame();
		assertThat(next.text()).as("the next frame").contains("\"message\":\"marker\"");
	}

	record Pick(@Min(1) @Max(3) int card) {
	}

	static class TicTacToe {

		final CountDownLatch pondering = new CountDownLatch(1);

		final CountDownLatch stopPondering = new CountDownLatch(1);

		volatile int marks;

		@NeuroAction(description = "Place your mark on an empty cell.", registerAtStartup = false)
		void placeMark(@Min(0) @Max(8) int cell) {
			if (cell == 0) {
				throw new NeuroActionException("The game is over.", false);
			}
			this.marks++;
		}

		@NeuroAction(description = "End your turn.", registerAtStartup = false)
		void endTurn() {
		}

		@NeuroAction(description = "Draw a card from the deck.")
		String drawCard() {
			return "You drew the queen of hearts.";
		}

		@NeuroAction(description = "Think for a while.")
		void ponder() throws InterruptedException {
			this.pondering.countDown();
			this.stopPondering.await(10, TimeUnit.SECONDS);
		}

	}

}
