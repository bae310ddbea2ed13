package io.github.neurospringboot.test.diagnostics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import io.github.neurospringboot.testlogging.ExpectedLogs;
import io.github.neurospringboot.testlogging.LogLine;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link DiagnosticsEngine}, fed frames by hand, at times of the test's choosing.
 */
class DiagnosticsEngineTests {

	private static final Instant OPENED = Instant.parse("2026-12-01T10:00:00Z");

	private static final String STARTUP = "{\"command\":\"startup\",\"game\":\"Dice\"}";

	private static final String REGISTER_ROLL = register("roll", "Roll the dice.");

	private static final String FORCE_ROLL = force("roll");

	private final DiagnosticsEngine engine = new DiagnosticsEngine();

	private final ConnectionFeed feed = this.engine.connectionOpened("1", OPENED);

	@Test
	void aWellBehavedGameRaisesNothing() {
		game(10, STARTUP);
		game(20, REGISTER_ROLL);
		game(30, "{\"command\":\"context\",\"game\":\"Dice\",\"data\":{\"message\":\"Your turn.\",\"silent\":true}}");
		game(40, FORCE_ROLL);
		neuro(1000, action("n-1", "roll"));
		game(1100, result("n-1", false, "Roll one die at least."));
		neuro(1200, action("n-2", "roll"));
		game(1300, result("n-2", true, null));
		game(1400, FORCE_ROLL);
		neuro(2000, action("n-3", "roll"));
		game(2050, unregister("roll"));
		game(2060, result("n-3", true, "You rolled a 6."));
		game(2070, register("pass", "Pass your turn."));
		game(2080, force("pass"));
		game(2090, unregister("pass"));
		neuro(2100, "{\"command\":\"actions/reregister_all\"}");
		game(2110, REGISTER_ROLL);
		game(2200, "{\"command\":\"shutdown/ready\",\"game\":\"Dice\"}");
		this.engine.tick(OPENED.plusSeconds(60));
		assertThat(this.engine.diagnostics()).isEmpty();
	}

	@Test
	void aDiagnosticSaysWhereAndWhen() {
		game(10, STARTUP);
		String titled = "{\"command\":\"actions/register\",\"game\":\"Dice\",\"data\":{\"actions\":[{\"name\":\"roll\","
				+ "\"description\":\"Roll.\",\"schema\":{\"type\":\"object\",\"title\":\"Roll\",\"properties\":{"
				+ "\"dice\":{\"type\":\"integer\"}}}}]}}";
		game(20, titled);
		assertThat(this.engine.diagnostics()).singleElement().satisfies((diagnostic) -> {
			assertThat(diagnostic.id()).isEqualTo(1);
			assertThat(diagnostic.rule()).isEqualTo("unsupported-keyword");
			assertThat(diagnostic.severity()).isEqualTo(Severity.ERROR);
			assertThat(diagnostic.message()).isEqualTo("'title' is a keyword Neuro does not support: put what Neuro"
					+ " should know in the action's description.");
			assertThat(diagnostic.game()).isEqualTo("Dice");
			assertThat(diagnostic.connection()).isEqualTo("1");
			assertThat(diagnostic.action()).isEqualTo("roll");
			assertThat(diagnostic.frame()).isEqualTo(titled);
			assertThat(diagnostic.pointer()).isEqualTo("/data/actions/0/schema/title");
			assertThat(diagnostic.time()).isEqualTo(OPENED.plusMillis(20));
			assertThat(diagnostic).hasToString("ERROR unsupported-keyword (game 'Dice', connection 1, action 'roll'):"
					+ " 'title' is a keyword Neuro does not support: put what Neuro should know in the action's"
					+ " description.");
		});
	}

	@Nested
	class TheMessages {

		@Test
		void aFrameThatIsNotJson() {
			game(10, "this is not JSON");
			assertThat(engine.diagnostics()).extracting(Diagnostic::rule, Diagnostic::severity, Diagnostic::message)
				.containsExactly(tuple("invalid-message", Severity.ERROR, "A frame is not JSON: this is not JSON. Send"
						+ " each message as one JSON object, such as {\"command\": \"startup\", \"game\": \"My"
						+ " Game\"}."));
		}

		@Test
		void aBinaryFrame() {
			feed.binaryFromGame(OPENED.plusMillis(10));
			assertThat(engine.diagnostics()).extracting(Diagnostic::rule, Diagnostic::frame)
				.containsExactly(tuple("binary-frame", null));
		}

		@Test
		void aMalformedMessageIsLintedAndOtherwiseIgnored() {
			game(10, "{\"command\":\"actions/force\",\"game\":\"Dice\",\"data\":{\"action_names\":[\"roll\"]}}");
			game(20, STARTUP);
			// Not startup-missing: Neuro ignores a malformed message, so startup came first.
			assertThat(rules()).containsExactly("invalid-message");
		}

		@Test
		void anUnknownCommandIsIgnoredToo() {
			game(10, "{\"command\":\"hello\",\"game\":\"Dice\"}");
			game(20, STARTUP);
			assertThat(rules()).containsExactly("unknown-command");
		}

		@Test
		void aFailureWithoutMessageNamesItsAction() {
			game(10, STARTUP);
			game(20, REGISTER_ROLL);
			neuro(30, action("n-1", "roll"));
			game(40, result("n-1", false, null));
			assertThat(engine.diagnostics()).extracting(Diagnostic::rule, Diagnostic::action, Diagnostic::pointer)
				.containsExactly(tuple("failure-without-message", "roll", "/data/message"));
		}

		@Test
		void whatNeuroSendsWrongIsNotTheGamesMistake() {
			game(10, STARTUP);
			neuro(20, "not JSON");
			neuro(30, "{\"command\":\"action\",\"data\":{\"name\":\"roll\"}}");
			assertThat(engine.diagnostics()).isEmpty();
		}

	}

	@Nested
	class Startup {

		@Test
		void theFirstMessageIsNotStartup() {
			game(10, "{\"command\":\"context\",\"game\":\"Dice\",\"data\":{\"message\":\"Hi.\",\"silent\":false}}");
			game(20, STARTUP);
			assertThat(engine.diagnostics()).extracting(Diagnostic::rule, Diagnostic::severity, Diagnostic::message)
				.containsExactly(tuple("startup-missing", Severity.WARNING, "The first message on this connection was"
						+ " 'context', not 'startup': send startup first on every connection (after each reconnect"
						+ " too), because it tells Neuro which game is there and clears the actions it registered"
						+ " before."));
		}

		@Test
		void aSecondStartup() {
			game(10, STARTUP);
			game(20, STARTUP);
			game(30, STARTUP);
			assertThat(engine.diagnostics()).extracting(Diagnostic::rule, Diagnostic::message)
				.containsExactly(
						tuple("several-startups", "The game sent startup again on this connection (startup 2): send"
								+ " it once per connection, as the first message, because each startup clears the"
								+ " game's actions and may reset Neuro's state."),
						tuple("several-startups", "The game sent startup again on this connection (startup 3): send"
								+ " it once per connection, as the first message, because each startup clears the"
								+ " game's actions and may reset Neuro's state."));
		}

		@Test
		void aLateStartup() {
			game(501, STARTUP);
			assertThat(engine.diagnostics()).extracting(Diagnostic::rule, Diagnostic::severity, Diagnostic::message)
				.containsExactly(tuple("late-startup", Severity.INFO, "The game sent startup 501 ms after connecting,"
						+ " more than 500 ms: send it as soon as the connection opens, before anything else."));
		}

		@Test
		void startupClearsTheRegistrations() {
			game(10, STARTUP);
			game(20, REGISTER_ROLL);
			game(30, STARTUP);
			game(40, REGISTER_ROLL);
			assertThat(rules()).containsExactly("several-startups");
		}

		@Test
		void aRenamedGame() {
			game(10, STARTUP);
			game(20, "{\"command\":\"shutdown/ready\",\"game\":\"Dice 2\"}");
			game(30, "{\"command\":\"shutdown/ready\",\"game\":\"Dice 2\"}");
			assertThat(engine.diagnostics()).extracting(Diagnostic::rule, Diagnostic::game, Diagnostic::pointer,
					Diagnostic::message)
				.containsExactly(tuple("game-renamed", "Dice", "/game", "The game called itself 'Dice 2' on a"
						+ " connection where it was 'Dice': send the same game name in every message."));
		}

	}

	@Nested
	class Registrations {

		@Test
		void theSameDefinitionAgain() {
			game(10, STARTUP);
			game(20, REGISTER_ROLL);
			game(30, REGISTER_ROLL);
			assertThat(engine.diagnostics()).extracting(Diagnostic::rule, Diagnostic::severity, Diagnostic::action,
					Diagnostic::pointer)
				.containsExactly(tuple("duplicate-registration", Severity.INFO, "roll", "/data/actions/0"));
		}

		@Test
		void theSameDefinitionAgainWhenNeuroAskedForItIsRight() {
			game(10, STARTUP);
			game(20, REGISTER_ROLL);
			neuro(30, "{\"command\":\"actions/reregister_all\"}");
			game(40, REGISTER_ROLL);
			game(50, REGISTER_ROLL);
			assertThat(rules()).containsExactly("duplicate-registration");
		}

		@Test
		void anotherDefinitionUnderARegisteredName() {
			game(10, STARTUP);
			game(20, REGISTER_ROLL);
			game(30, register("roll", "Roll two dice."));
			game(40, unregister("roll"));
			game(50, register("roll", "Roll three dice."));
			assertThat(engine.diagnostics()).extracting(Diagnostic::rule, Diagnostic::severity)
				.containsExactly(tuple("conflicting-registration", Severity.WARNING));
		}

		@Test
		void aNameTwiceInOneRegistrationIsTheLintsOnly() {
			game(10, STARTUP);
			game(20, "{\"command\":\"actions/register\",\"game\":\"Dice\",\"data\":{\"actions\":["
					+ "{\"name\":\"roll\",\"description\":\"Roll.\"},{\"name\":\"roll\",\"description\":\"Roll!\"}]}}");
			assertThat(rules()).containsExactly("duplicate-name");
		}

		@Test
		void unregisteringWhatWasNeverRegistered() {
			game(10, STARTUP);
			game(20, unregister("roll"));
			assertThat(engine.diagnostics()).extracting(Diagnostic::rule, Diagnostic::severity, Diagnostic::action)
				.containsExactly(tuple("unregister-unknown", Severity.WARNING, "roll"));
		}

		@Test
		void unregisteringTwice() {
			game(10, STARTUP);
			game(20, REGISTER_ROLL);
			game(30, unregister("roll"));
			game(40, unregister("roll"));
			assertThat(engine.diagnostics()).extracting(Diagnostic::rule, Diagnostic::severity)
				.containsExactly(tuple("unregister-inactive", Severity.INFO));
		}

	}

	@Nested
	class Forces {

		@Test
		void namingSomeUnknownActions() {
			game(10, STARTUP);
			game(20, REGISTER_ROLL);
			game(30, force("roll", "fly", "swim"));
			assertThat(engine.diagnostics()).extracting(Diagnostic::rule, Diagnostic::severity, Diagnostic::message)
				.containsExactly(tuple("force-some-unknown", Severity.WARNING, "The force names actions that are not"
						+ " registered ('fly', 'swim'), and Neuro can choose only among registered ones: register"
						+ " them before the force, or leave them out of action_names."));
		}

		@Test
		void namingOnlyUnknownActionsIsNoForce() {
			game(10, STARTUP);
			game(20, force("fly"));
			game(30, REGISTER_ROLL);
			game(40, FORCE_ROLL);
			assertThat(engine.diagnostics()).extracting(Diagnostic::rule, Diagnostic::severity)
				.containsExactly(tuple("force-all-unknown", Severity.ERROR));
		}

		@Test
		void aForceWhileAnotherWaits() {
			game(10, STARTUP);
			game(20, REGISTER_ROLL);
			game(30, FORCE_ROLL);
			neuro(40, action("n-1", "roll"));
			game(50, result("n-1", false, "Not now."));
			game(60, FORCE_ROLL);
			assertThat(engine.diagnostics()).extracting(Diagnostic::rule, Diagnostic::severity, Diagnostic::message)
				.containsExactly(tuple("several-forces", Severity.ERROR, "The game forced actions while its force of"
						+ " 'roll' still waited for Neuro: force one thing at a time, and send the next force after a"
						+ " successful result for the one before (or once its actions are unregistered)."));
		}

		@Test
		void anActionSentBeforeTheForceDoesNotAnswerIt() {
			game(10, STARTUP);
			game(20, REGISTER_ROLL);
			neuro(30, action("n-1", "roll"));
			game(40, FORCE_ROLL);
			game(50, result("n-1", true, null));
			game(60, FORCE_ROLL);
			assertThat(rules()).containsExactly("force-while-result-pending", "several-forces");
		}

		@Test
		void aForceWhileAResultIsPending() {
			game(10, STARTUP);
			game(20, REGISTER_ROLL);
			neuro(30, action("n-1", "roll"));
			game(40, FORCE_ROLL);
			game(50, result("n-1", true, null));
			assertThat(engine.diagnostics()).extracting(Diagnostic::rule, Diagnostic::action, Diagnostic::message)
				.containsExactly(tuple("force-while-result-pending", "roll", "The game forced actions while Neuro"
						+ " waited for the result of 'roll' (id n-1): send the result first, then the force."));
		}

		@Test
		void aResultThatTimedOutEndsTheForceAndIsNoLongerAwaited() {
			game(10, STARTUP);
			game(20, REGISTER_ROLL);
			game(30, FORCE_ROLL);
			neuro(40, action("n-1", "roll"));
			DiagnosticsEngineTests.this.engine.tick(OPENED.plusMillis(5100));
			game(5200, FORCE_ROLL);
			assertThat(rules()).containsExactly("result-timeout");
		}

	}

	@Nested
	class Results {

		@Test
		void aLateResult() {
			game(10, STARTUP);
			game(20, REGISTER_ROLL);
			neuro(100, action("n-1", "roll"));
			game(601, result("n-1", true, null));
			assertThat(engine.diagnostics()).extracting(Diagnostic::rule, Diagnostic::severity, Diagnostic::message)
				.containsExactly(tuple("late-result", Severity.WARNING, "The result of 'roll' (id n-1) came 501 ms"
						+ " after the action, more than 500 ms, and Neuro is frozen while she waits: answer as soon as"
						+ " the parameters are checked, and report slow work later with a context message."));
		}

		@Test
		void aResultJustOverTheThresholdIsNotSaidToTakeIt() {
			game(10, STARTUP);
			game(20, REGISTER_ROLL);
			neuro(100, action("n-1", "roll"));
			feed.fromGame(result("n-1", true, null), OPENED.plusMillis(600).plusNanos(400_000));
			assertThat(engine.diagnostics()).extracting(Diagnostic::message)
				.singleElement()
				.asString()
				.startsWith("The result of 'roll' (id n-1) came 501 ms after the action, more than 500 ms");
		}

		@Test
		void noResultInTimeIsNoticedOnATickOnce() {
			game(10, STARTUP);
			game(20, REGISTER_ROLL);
			String call = action("n-1", "roll");
			neuro(100, call);
			DiagnosticsEngineTests.this.engine.tick(OPENED.plusMillis(5100));
			assertThat(engine.diagnostics()).isEmpty();
			DiagnosticsEngineTests.this.engine.tick(OPENED.plusMillis(5101));
			DiagnosticsEngineTests.this.engine.tick(OPENED.plusMillis(6000));
			game(7000, result("n-1", true, null));
			assertThat(engine.diagnostics()).extracting(Diagnostic::rule, Diagnostic::severity, Diagnostic::action,
					Diagnostic::frame, Diagnostic::time, Diagnostic::message)
				.containsExactly(tuple("result-timeout", Severity.ERROR, "roll", call, OPENED.plusMillis(5101),
						"Neuro waited more than 5000 ms for the result of 'roll' (id n-1), frozen: send exactly one"
								+ " result for every action, as soon as its parameters are checked."));
		}

		@Test
		void aResultAfterTheTimeoutWithoutATickIsATimeout() {
			game(10, STARTUP);
			game(20, REGISTER_ROLL);
			neuro(100, action("n-1", "roll"));
			game(5200, result("n-1", true, null));
			assertThat(rules()).containsExactly("result-timeout");
		}

		@Test
		void aResultNeuroDoesNotWaitFor() {
			game(10, STARTUP);
			game(20, REGISTER_ROLL);
			neuro(30, action("n-1", "roll"));
			game(40, result("n-1", true, null));
			game(50, result("n-1", true, null));
			game(60, result("n-7", true, null));
			assertThat(engine.diagnostics()).extracting(Diagnostic::rule, Diagnostic::pointer)
				.containsExactly(tuple("unexpected-result", "/data/id"), tuple("unexpected-result", "/data/id"));
			assertThat(engine.diagnostics().get(1).message()).isEqualTo("The game sent a result for id 'n-7', which"
					+ " Neuro is not waiting for (she never sent it, or it was answered already): send one result per"
					+ " action, with that action's id.");
		}

		@Test
		void anIdNeuroRepeatsWaitsForAResultEachTime() {
			game(10, STARTUP);
			game(20, REGISTER_ROLL);
			neuro(30, action("n-1", "roll"));
			neuro(40, action("n-1", "roll"));
			game(50, result("n-1", true, null));
			game(60, result("n-1", false, "Action id 'n-1' was already received on this connection."));
			assertThat(engine.diagnostics()).isEmpty();
		}

		@Test
		void aClosedConnectionOwesNothingAndIsNoLongerRead() {
			game(10, STARTUP);
			game(20, REGISTER_ROLL);
			neuro(30, action("n-1", "roll"));
			feed.closed();
			DiagnosticsEngineTests.this.engine.tick(OPENED.plusSeconds(60));
			game(100, "not JSON");
			assertThat(engine.diagnostics()).isEmpty();
		}

	}

	@Nested
	class Settings {

		@Test
		void thresholdsAreTheEngines() {
			DiagnosticsEngine strict = new DiagnosticsEngine(DiagnosticSettings.defaults()
				.withLateStartup(Duration.ofMillis(50))
				.withLateResult(Duration.ofMillis(20))
				.withResultTimeout(Duration.ofMillis(100)));
			ConnectionFeed connection = strict.connectionOpened("7", OPENED);
			connection.fromGame(STARTUP, OPENED.plusMillis(51));
			connection.fromGame(REGISTER_ROLL, OPENED.plusMillis(60));
			connection.fromNeuro(action("n-1", "roll"), OPENED.plusMillis(100));
			connection.fromGame(result("n-1", true, null), OPENED.plusMillis(121));
			connection.fromNeuro(action("n-2", "roll"), OPENED.plusMillis(200));
			strict.tick(OPENED.plusMillis(301));
			assertThat(strict.diagnostics()).extracting(Diagnostic::rule)
				.containsExactly("late-startup", "late-result", "result-timeout");
		}

		@Test
		void thresholdsArePositive() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> DiagnosticSettings.defaults().withResultTimeout(Duration.ZERO))
				.withMessage("resultTimeout must be positive, but was PT0S");
		}

	}

	@Nested
	class DismissingAndSilencing {

		@RegisterExtension
		final ExpectedLogs logs = ExpectedLogs.from(DiagnosticsEngine.class);

		@Test
		void aDismissedDiagnosticIsGone() {
			game(5, STARTUP);
			game(10, unregister("roll"));
			game(20, unregister("pass"));
			long first = engine.diagnostics().get(0).id();
			assertThat(engine.dismiss(first)).isTrue();
			assertThat(engine.dismiss(first)).isFalse();
			assertThat(engine.diagnostics()).extracting(Diagnostic::rule, Diagnostic::action)
				.containsExactly(tuple("unregister-unknown", "pass"));
		}

		@Test
		void aSilencedRuleIsDroppedForItsGameOnly() {
			ConnectionFeed other = engine.connectionOpened("2", OPENED);
			game(10, STARTUP);
			other.fromGame(STARTUP.replace("Dice", "Cards"), OPENED.plusMillis(10));
			game(20, unregister("roll"));
			engine.silence("Dice", "unregister-unknown");
			assertThat(engine.isSilenced("Dice", "unregister-unknown")).isTrue();
			assertThat(engine.diagnostics()).isEmpty();
			game(30, unregister("roll"));
			other.fromGame(unregister("roll").replace("Dice", "Cards"), OPENED.plusMillis(30));
			assertThat(engine.diagnostics()).extracting(Diagnostic::game).containsExactly("Cards");
			engine.unsilence("Dice", "unregister-unknown");
			game(40, unregister("roll"));
			assertThat(engine.diagnostics()).extracting(Diagnostic::game).containsExactly("Cards", "Dice");
		}

		@Test
		void listenersHearEachDiagnosticOnceRecordedButNotSilencedOnes() {
			List<Diagnostic> heard = new ArrayList<>();
			engine.addListener((diagnostic) -> {
				assertThat(engine.diagnostics()).contains(diagnostic);
				heard.add(diagnostic);
			});
			game(10, STARTUP);
			game(20, unregister("roll"));
			engine.silence("Dice", "several-startups");
			game(30, STARTUP);
			assertThat(heard).extracting(Diagnostic::rule).containsExactly("unregister-unknown");
		}

		@Test
		void aListenerThatFailsIsLoggedAndTheOthersAreStillTold() {
			List<Diagnostic> heard = new ArrayList<>();
			engine.addListener((diagnostic) -> {
				throw new IllegalStateException("Listener broken");
			});
			engine.addListener(heard::add);
			game(5, STARTUP);
			game(10, unregister("roll"));
			assertThat(heard).hasSize(1);
			assertThat(this.logs.lines()).extracting(LogLine::message)
				.containsExactly("A diagnostics listener failed on unregister-unknown");
		}

		@Test
		void aRemovedListenerIsNoLongerTold() {
			List<Diagnostic> heard = new ArrayList<>();
			Consumer<Diagnostic> listener = heard::add;
			engine.addListener(listener);
			engine.removeListener(listener);
			game(10, "this is not JSON");
			assertThat(heard).isEmpty();
		}

	}

	@Test
	void aGameStuckInAMistakeIsReportedAHundredTimesPerConnection() {
		game(10, STARTUP);
		for (int i = 0; i < 150; i++) {
			game(20 + i, unregister("roll"));
		}
		List<Diagnostic> diagnostics = this.engine.diagnostics();
		assertThat(diagnostics).hasSize(Conversation.REPORTS_PER_RULE);
		assertThat(diagnostics.get(99).message())
			.endsWith(" (Reported 100 times on this connection; later ones are not.)");
	}

	@Test
	void connectionsFedFromManyThreadsGetDistinctIdsToldInOrder() throws Exception {
		List<Diagnostic> heard = new CopyOnWriteArrayList<>();
		this.engine.addListener(heard::add);
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> games = new ArrayList<>();
			for (int connection = 0; connection < 8; connection++) {
				ConnectionFeed feed = this.engine.connectionOpened("c" + connection, OPENED);
				games.add(threads.submit(() -> {
					feed.fromGame(STARTUP, OPENED);
					for (int i = 0; i < 50; i++) {
						feed.fromGame(unregister("roll"), OPENED.plusMillis(i));
					}
				}));
			}
			for (Future<?> game : games) {
				game.get();
			}
		}
		finally {
			threads.shutdown();
		}
		assertThat(heard).hasSize(400).isEqualTo(this.engine.diagnostics());
		assertThat(heard).extracting(Diagnostic::id).doesNotHaveDuplicates().isSorted();
	}

	private void game(long millis, String text) {
		this.feed.fromGame(text, OPENED.plusMillis(millis));
	}

	private void neuro(long millis, String text) {
		this.feed.fromNeuro(text, OPENED.plusMillis(millis));
	}

	private List<String> rules() {
		return this.engine.diagnostics().stream().map(Diagnostic::rule).toList();
	}

	private static String register(String name, String description) {
		return "{\"command\":\"actions/register\",\"game\":\"Dice\",\"data\":{\"actions\":[{\"name\":\"" + name
				+ "\",\"description\":\"" + description + "\"}]}}";
	}

	private static String unregister(String name) {
		return "{\"command\":\"actions/unregister\",\"game\":\"Dice\",\"data\":{\"action_names\":[\"" + name + "\"]}}";
	}

	private static String force(String... names) {
		return "{\"command\":\"actions/force\",\"game\":\"Dice\",\"data\":{\"query\":\"Roll!\",\"action_names\":[\""
				+ String.join("\",\"", names) + "\"]}}";
	}

	private static String action(String id, String name) {
		return "{\"command\":\"action\",\"data\":{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}}";
	}

	private static String result(String id, boolean success, String message) {
		return "{\"command\":\"action/result\",\"game\":\"Dice\",\"data\":{\"id\":\"" + id + "\",\"success\":"
				+ success + ((message != null) ? ",\"message\":\"" + message + "\"" : "") + "}}";
	}

}
