package io.github.neurospringboot.action;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import io.github.neurospringboot.protocol.ActionRequest;
import io.github.neurospringboot.protocol.ActionResultMessage;
import io.github.neurospringboot.protocol.NeuroSession;
import io.github.neurospringboot.registration.Registrations;
import io.github.neurospringboot.testing.InMemoryLink;
import io.github.neurospringboot.testing.TestActions;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import io.github.neurospringboot.testlogging.LogLine;
import org.jspecify.annotations.Nullable;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.core.Ordered;

import static io.github.neurospringboot.registration.Registrations.APPLICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link ActionDispatcher} on an in-memory link: exactly one result per call, on the connection it came on, and the
 * plain-words failures for calls it cannot run.
 */
class ActionDispatcherTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(ActionDispatcher.class);

	private static final Duration WAIT = Duration.ofSeconds(30);

	/** Longer than any test takes, so that only the deadline tests see a deadline pass. */
	private static final Duration NO_DEADLINE = Duration.ofSeconds(20);

	private final ActionRegistry registry = new ActionRegistry();

	private final Registrations registrations = new Registrations();

	private final InMemoryLink link = new InMemoryLink("1");

	private final ConnectionCalls calls = calls(this.link);

	private final List<ActionDispatcher> dispatchers = new ArrayList<>();

	@AfterEach
	void destroyDispatchers() {
		this.dispatchers.forEach(ActionDispatcher::destroy);
	}

	@Test
	void aCallGetsOneResultOnItsConnection() {
		register(TestActions.action("resign", (context) -> "You resigned."));
		dispatcher().handle(new ActionRequest("1", "resign", null), this.calls);
		assertThat(this.link.sent()).containsExactly(new ActionResultMessage("1", true, "You resigned."));
		assertThat(this.calls.unanswered()).isZero();
	}

	@Test
	void theCallSeesTheSessionOfItsConnection() {
		NeuroSession session = new NeuroSession("s1", "evil", "Evil Neuro");
		register(TestActions.action("resign", (context) -> context.session().orElseThrow().displayName()));
		ConnectionCalls withSession = new ConnectionCalls(this.link, new ConnectionCalls.Listener() {
		}, () -> Optional.of(session));
		dispatcher().handle(new ActionRequest("1", "resign", null), withSession);
		assertThat(this.link.sent()).containsExactly(new ActionResultMessage("1", true, "Evil Neuro"));
	}

	@Test
	void aRepeatedIdIsRefusedAndTheActionRunsOnce() {
		AtomicInteger runs = new AtomicInteger();
		register(TestActions.action("resign", (context) -> "Run " + runs.incrementAndGet() + "."));
		ActionDispatcher dispatcher = dispatcher();
		dispatcher.handle(new ActionRequest("1", "resign", null), this.calls);
		dispatcher.handle(new ActionRequest("1", "resign", null), this.calls);
		assertThat(this.link.sent()).containsExactly(new ActionResultMessage("1", true, "Run 1."),
				new ActionResultMessage("1", false, "Action id '1' was already received on this connection: each "
						+ "action runs once, so this repeated call was ignored."));
		assertThat(runs).hasValue(1);
	}

	@Test
	void aRepeatedIdIsRefusedWhileTheFirstCallStillRuns() {
		CompletableFuture<String> outcome = new CompletableFuture<>();
		register(TestActions.action("resign", (context) -> outcome));
		ActionDispatcher dispatcher = dispatcher();
		dispatcher.handle(new ActionRequest("1", "resign", null), this.calls);
		dispatcher.handle(new ActionRequest("1", "resign", null), this.calls);
		outcome.complete("You resigned.");
		assertThat(this.link.sent()).extracting(ActionResultMessage.class::cast)
			.extracting(ActionResultMessage::id, ActionResultMessage::success)
			.containsExactly(tuple("1", false), tuple("1", true));
	}

	@Test
	void anIdIsNewOnAnotherConnection() {
		register(TestActions.action("resign", (context) -> "You resigned."));
		ActionDispatcher dispatcher = dispatcher();
		InMemoryLink next = new InMemoryLink("2");
		dispatcher.handle(new ActionRequest("1", "resign", null), this.calls);
		dispatcher.handle(new ActionRequest("1", "resign", null), calls(next));
		assertThat(this.link.sent()).containsExactly(new ActionResultMessage("1", true, "You resigned."));
		assertThat(next.sent()).containsExactly(new ActionResultMessage("1", true, "You resigned."));
	}

	@Test
	void anUnknownActionIsAnsweredWithTheActionsAvailable() {
		ActionDispatcher dispatcher = dispatcher();
		dispatcher.handle(new ActionRequest("1", "jump", null), this.calls);
		register(TestActions.action("place_mark", (context) -> null));
		register(TestActions.action("resign", (context) -> null));
		dispatcher.handle(new ActionRequest("2", "jump", null), this.calls);
		assertThat(messages()).containsExactly("Unknown action 'jump'. No actions are available right now.",
				"Unknown action 'jump'. Available actions: place_mark, resign.");
	}

	@Test
	void anActionTheGameCanRunButHasNotRegisteredIsNoLongerAvailable() {
		AtomicInteger runs = new AtomicInteger();
		this.registry.add(TestActions.action("secret_move", (context) -> runs.incrementAndGet()));
		dispatcher().handle(new ActionRequest("1", "secret_move", null), this.calls);
		assertThat(messages()).containsExactly("Action 'secret_move' is no longer available.");
		assertThat(runs).hasValue(0);
	}

	@Test
	void anActionUnregisteredLatelyIsNoLongerAvailable() {
		this.registrations.acquire(APPLICATION, List.of(TestActions.definition("pick_card")));
		this.registrations.release(APPLICATION, List.of("pick_card"));
		dispatcher().handle(new ActionRequest("1", "pick_card", null), this.calls);
		assertThat(messages()).containsExactly("Action 'pick_card' is no longer available.");
	}

	@Test
	void anActionRegisteredWithoutHandlerCannotBeExecuted() {
		this.registrations.acquire(APPLICATION, List.of(TestActions.definition("look_around")));
		dispatcher().handle(new ActionRequest("1", "look_around", null), this.calls);
		assertThat(messages())
			.containsExactly("Action 'look_around' cannot be executed: the game registered it without a handler.");
	}

	@Test
	void aCallWithoutNameIsAnswered() {
		dispatcher().handle(new ActionRequest("1", null, null), this.calls);
		assertThat(messages()).containsExactly("Action failed: the call named no action.");
	}

	@Test
	void aCallWithoutIdCannotBeHandled() {
		ActionDispatcher dispatcher = dispatcher();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> dispatcher.handle(new ActionRequest(null, "resign", null), this.calls));
		assertThat(this.link.sent()).isEmpty();
	}

	@Test
	void aLongNameOrIdIsQuotedOnlyInPart() {
		String longName = "x".repeat(65);
		String longId = "😀".repeat(65);
		register(TestActions.action("resign", (context) -> null));
		ActionDispatcher dispatcher = dispatcher();
		dispatcher.handle(new ActionRequest("1", longName, null), this.calls);
		dispatcher.handle(new ActionRequest(longId, "resign", null), this.calls);
		dispatcher.handle(new ActionRequest(longId, "resign", null), this.calls);
		assertThat(messages()).containsExactly(
				"Unknown action '" + "x".repeat(64) + "'…. Available actions: resign.", null,
				"Action id '" + "😀".repeat(64) + "'… was already received on this connection: each action runs once, "
						+ "so this repeated call was ignored.");
	}

	@Test
	void anActionThatMissesItsDeadlineTimesOutAndItsLateOutcomeIsDiscarded() {
		CompletableFuture<String> outcome = new CompletableFuture<>();
		register(TestActions.action("ponder", (context) -> outcome));
		dispatcher(Duration.ofMillis(100)).handle(new ActionRequest("1", "ponder", null), this.calls);
		assertThat(this.calls.awaitAnswered(WAIT)).isZero();
		outcome.complete("Pondered.");
		assertThat(this.link.sent()).containsExactly(new ActionResultMessage("1", false,
				"Action 'ponder' timed out: the game did not finish it within 100 ms."));
		assertThat(logs.lines()).extracting(LogLine::level, LogLine::message)
			.containsExactly(tuple(Level.WARN, "Action 'ponder' (id 1) finished after its result deadline; Neuro was "
					+ "told it timed out, and this outcome was discarded: success: Pondered."));
	}

	@Test
	void everyCallGetsExactlyOneResultWhateverWinsTheRaceWithItsDeadline() throws Exception {
		register(TestActions.action("resign", (context) -> null));
		ExecutorService executor = Executors.newFixedThreadPool(4);
		int count = 2000;
		try {
			ActionDispatcher dispatcher = dispatcher(Duration.ofMillis(1), executor);
			for (int i = 0; i < count; i++) {
				dispatcher.handle(new ActionRequest(String.valueOf(i), "resign", null), this.calls);
			}
			assertThat(this.calls.awaitAnswered(WAIT)).isZero();
		}
		finally {
			executor.shutdown();
			assertThat(executor.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		}
		Map<String, Long> resultsPerId = this.link.sent(ActionResultMessage.class).stream()
			.collect(Collectors.groupingBy(ActionResultMessage::id, Collectors.counting()));
		assertThat(resultsPerId).hasSize(count).allSatisfy((id, results) -> assertThat(results).isOne());
		// Each late outcome was discarded with a warning: as many as timed-out results.
		long timedOut = this.link.sent(ActionResultMessage.class).stream().filter((result) -> !result.success()).count();
		assertThat(logs.lines()).hasSize((int) timedOut);
	}

	@Test
	void anActionThatCannotStartIsAnswered() {
		register(TestActions.action("resign", (context) -> null));
		ActionDispatcher dispatcher = dispatcher(NO_DEADLINE, (task) -> {
			throw new RejectedExecutionException("shut down");
		});
		dispatcher.handle(new ActionRequest("1", "resign", null), this.calls);
		assertThat(messages()).containsExactly("Action 'resign' could not start: the game is shutting down.");
		assertThat(this.calls.unanswered()).isZero();
	}

	@Test
	void observersFollowEachStepInTheirOrder() {
		List<String> steps = new CopyOnWriteArrayList<>();
		register(TestActions.action("resign", (context) -> {
			steps.add("executed");
			return null;
		}));
		ActionObserver unordered = new Recorder("unordered", steps);
		ActionObserver second = new OrderedRecorder("second", 2, steps);
		ActionObserver first = new OrderedRecorder("first", 1, steps);
		dispatcher(NO_DEADLINE, Runnable::run, unordered, second, first)
			.handle(new ActionRequest("1", "resign", null), this.calls);
		assertThat(steps).containsExactly("first accepted", "second accepted", "unordered accepted", "first running",
				"second running", "unordered running", "executed", "unordered closed", "second closed",
				"first closed", "first completing, 0 sent", "second completing, 0 sent",
				"unordered completing, 0 sent", "first completed, 1 sent", "second completed, 1 sent",
				"unordered completed, 1 sent");
	}

	@Test
	void aFailingObserverNeverCostsTheResult() {
		List<String> steps = new CopyOnWriteArrayList<>();
		register(TestActions.action("resign", (context) -> "You resigned."));
		ActionObserver failing = new ActionObserver() {

			@Override
			public void accepted(ActionCall call) {
				throw new IllegalStateException("accepted");
			}

			@Override
			public Scope running(ActionCall call) {
				return () -> {
					throw new IllegalStateException("closed");
				};
			}

			@Override
			public void completing(ActionCall call, ActionResult result) {
				throw new IllegalStateException("completing");
			}

			@Override
			public void completed(ActionCall call) {
				throw new IllegalStateException("completed");
			}

		};
		ActionObserver failingToOpen = new ActionObserver() {

			@Override
			public Scope running(ActionCall call) {
				throw new IllegalStateException("running");
			}

		};
		dispatcher(NO_DEADLINE, Runnable::run, failing, failingToOpen, new Recorder("well-behaved", steps))
			.handle(new ActionRequest("1", "resign", null), this.calls);
		assertThat(this.link.sent()).containsExactly(new ActionResultMessage("1", true, "You resigned."));
		assertThat(steps).containsExactly("well-behaved accepted", "well-behaved running", "well-behaved closed",
				"well-behaved completing, 0 sent", "well-behaved completed, 1 sent");
		assertThat(logs.lines()).extracting(LogLine::level, LogLine::message, ActionDispatcherTests::firstLineThrown)
			.containsExactly(observerFailed("accepted"), observerFailed("running"), observerFailed("closed"),
					observerFailed("completing"), observerFailed("completed"));
	}

	@Test
	void awaitResultsReturnsOnceEveryResultIsSent() throws Exception {
		CompletableFuture<String> outcome = new CompletableFuture<>();
		register(TestActions.action("ponder", (context) -> outcome));
		ActionDispatcher dispatcher = dispatcher();
		dispatcher.handle(new ActionRequest("1", "ponder", null), this.calls);
		CompletableFuture<Void> awaited = CompletableFuture.runAsync(() -> dispatcher.awaitResults(this.calls));
		assertThat(awaited).isNotDone();
		outcome.complete("Pondered.");
		awaited.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(this.link.sent()).containsExactly(new ActionResultMessage("1", true, "Pondered."));
		assertThat(logs.lines()).isEmpty();
	}

	@Test
	void awaitResultsGivesUpOnAResultThatIsNeverSentAndSaysSo() {
		this.calls.accept();
		dispatcher(Duration.ofMillis(10)).awaitResults(this.calls);
		assertThat(logs.lines()).extracting(LogLine::level, LogLine::message).containsExactly(
				tuple(Level.WARN, "1 action result(s) were not sent before the connection to Neuro closed"));
	}

	private void register(ExecutableAction action) {
		this.registry.add(action);
		this.registrations.acquire(APPLICATION, List.of(action.definition()));
	}

	private ActionDispatcher dispatcher() {
		return dispatcher(NO_DEADLINE);
	}

	private ActionDispatcher dispatcher(Duration resultTimeout) {
		return dispatcher(resultTimeout, Runnable::run);
	}

	private ActionDispatcher dispatcher(Duration resultTimeout, Executor executor, ActionObserver... observers) {
		ActionDispatcher dispatcher = TestActions.dispatcher(this.registry, this.registrations, resultTimeout,
				executor, observers);
		this.dispatchers.add(dispatcher);
		return dispatcher;
	}

	/** The messages of the results the link took, in order. */
	private List<@Nullable String> messages() {
		return this.link.sent(ActionResultMessage.class).stream().map(ActionResultMessage::message).toList();
	}

	private static Tuple observerFailed(String step) {
		return tuple(Level.ERROR, "An action observer failed", "java.lang.IllegalStateException: " + step);
	}

	private static String firstLineThrown(LogLine line) {
		return line.thrown().lines().findFirst().orElse("");
	}

	private static ConnectionCalls calls(InMemoryLink link) {
		return new ConnectionCalls(link, new ConnectionCalls.Listener() {
		}, Optional::empty);
	}

	/** Records each step it sees, with how many messages the call's link had taken then. */
	private static class Recorder implements ActionObserver {

		private final String name;

		private final List<String> steps;

		Recorder(String name, List<String> steps) {
			this.name = name;
			this.steps = steps;
		}

		@Override
		public void accepted(ActionCall call) {
			this.steps.add(this.name + " accepted");
		}

		@Override
		public Scope running(ActionCall call) {
			this.steps.add(this.name + " running");
			return () -> this.steps.add(this.name + " closed");
		}

		@Override
		public void completing(ActionCall call, ActionResult result) {
			this.steps.add(this.name + " completing, " + sent(call) + " sent");
		}

		@Override
		public void completed(ActionCall call) {
			this.steps.add(this.name + " completed, " + sent(call) + " sent");
		}

		private static int sent(ActionCall call) {
			return ((InMemoryLink) call.link()).sent().size();
		}

	}

	private static final class OrderedRecorder extends Recorder implements Ordered {

		private final int order;

		OrderedRecorder(String name, int order, List<String> steps) {
			super(name, steps);
			this.order = order;
		}

		@Override
		public int getOrder() {
			return this.order;
		}

	}

}
