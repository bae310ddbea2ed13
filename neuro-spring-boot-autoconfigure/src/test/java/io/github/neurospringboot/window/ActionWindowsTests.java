package io.github.neurospringboot.window;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.neurospringboot.action.ActionDispatcher;
import io.github.neurospringboot.action.ActionRegistry;
import io.github.neurospringboot.action.ActionResult;
import io.github.neurospringboot.action.LambdaAction;
import io.github.neurospringboot.action.support.LambdaActionFactory;
import io.github.neurospringboot.client.ConnectionStates;
import io.github.neurospringboot.client.CurrentConnection;
import io.github.neurospringboot.client.Force;
import io.github.neurospringboot.client.Forces;
import io.github.neurospringboot.connection.NeuroLinkHandler.LinkListener;
import io.github.neurospringboot.event.NeuroEventPublisher;
import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.protocol.ActionRequest;
import io.github.neurospringboot.protocol.ActionResultMessage;
import io.github.neurospringboot.protocol.Context;
import io.github.neurospringboot.protocol.ForceActions;
import io.github.neurospringboot.protocol.OutgoingMessage;
import io.github.neurospringboot.protocol.RegisterActions;
import io.github.neurospringboot.protocol.UnregisterActions;
import io.github.neurospringboot.registration.Registrations;
import io.github.neurospringboot.schema.ActionSchemaGenerator;
import io.github.neurospringboot.testing.InMemoryLink;
import io.github.neurospringboot.testing.TestActions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static io.github.neurospringboot.registration.Registrations.APPLICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link ActionWindows} on in-memory links, wired as the auto-configuration wires it: the windows observe the
 * dispatcher, and connections are made by {@link ConnectionStates}.
 */
class ActionWindowsTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	/** Registered at startup. */
	private static final ActionDefinition PLACE_MARK = TestActions.definition("place_mark");

	/** Executable, registered only by the windows that use it. */
	private static final ActionDefinition SECRET_MOVE = TestActions.definition("secret_move");

	private final ActionRegistry registry = new ActionRegistry();

	private final Registrations registrations = new Registrations();

	private final Forces forces = new Forces();

	private final CurrentConnection current = new CurrentConnection();

	private final ActionWindows windows = new ActionWindows(this.registry, this.registrations, this.forces,
			new LambdaActionFactory(new ActionSchemaGenerator(JsonMapper.shared(), List.of()), JsonMapper.shared(),
					null),
			this.current);

	private final ActionDispatcher dispatcher = TestActions.dispatcher(this.registry, this.registrations,
			Duration.ofSeconds(20), Runnable::run, this.windows);

	private final NeuroEventPublisher publisher = new NeuroEventPublisher((event) -> {
	});

	private final ConnectionStates states = new ConnectionStates(this.registrations, this.forces, this.dispatcher,
			this.current, this.publisher);

	/** The outcome of each call, by id, for the test to complete. */
	private final Map<String, CompletableFuture<ActionResult>> outcomes = new ConcurrentHashMap<>();

	private final InMemoryLink link = new InMemoryLink("1");

	private final LinkListener connection;

	ActionWindowsTests() {
		this.registry.add(TestActions.action(PLACE_MARK, (context) -> outcome(context.id())));
		this.registry.add(TestActions.action(SECRET_MOVE, (context) -> outcome(context.id())));
		this.registrations.acquire(APPLICATION, List.of(PLACE_MARK));
		this.connection = this.states.onOpen(this.link);
		this.link.take();
	}

	@AfterEach
	void destroy() throws InterruptedException {
		this.windows.destroy();
		this.dispatcher.destroy();
		this.publisher.destroy();
	}

	@Test
	void aWindowSendsItsContextRegistersWhatIsNotRegisteredYetAndForces() {
		ActionWindow window = this.windows.window()
			.context("Your opponent played cell 4.", true)
			.actions("place_mark", "secret_move")
			.force(Force.query("It is your turn."))
			.open();
		assertThat(window.isOpen()).isTrue();
		assertThat(window.actionNames()).containsExactly("place_mark", "secret_move");
		assertThat(this.windows.openWindows()).containsExactly(window);
		assertThat(this.link.sent()).containsExactly(new Context("Your opponent played cell 4.", true),
				new RegisterActions(List.of(SECRET_MOVE)),
				ForceActions.of("It is your turn.", List.of("place_mark", "secret_move")));
	}

	@Test
	void aDoneActionEndsItsWindowBeforeItsResultIsSentAndTheEndIsAnnouncedAfter() throws Exception {
		ActionWindow window = this.windows.window().actions("secret_move").open();
		this.link.take();
		CompletableFuture<List<OutgoingMessage>> sentAtTheEnd = window.whenEnded()
			.thenApply((end) -> this.link.sent());
		call("1", "secret_move");
		outcome("1").complete(ActionResult.success("Done."));
		List<OutgoingMessage> unregisteredThenAnswered = List.of(new UnregisterActions(List.of("secret_move")),
				new ActionResultMessage("1", true, "Done."));
		assertThat(this.link.sent()).isEqualTo(unregisteredThenAnswered);
		assertThat(sentAtTheEnd.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(unregisteredThenAnswered);
		assertThat(window.whenEnded()).isCompletedWithValue(new WindowEnd(WindowEnd.Reason.ACTION_DONE, "secret_move"));
		assertThat(window.isOpen()).isFalse();
		assertThat(this.windows.openWindows()).isEmpty();
	}

	@Test
	void aDoneActionEndsOnlyTheOldestWindowContainingIt() {
		ActionWindow oldest = this.windows.window().actions("secret_move").open();
		ActionWindow newer = this.windows.window().actions("place_mark", "secret_move").open();
		this.link.take();
		call("1", "secret_move");
		outcome("1").complete(ActionResult.success());
		assertThat(oldest.isOpen()).isFalse();
		assertThat(newer.isOpen()).isTrue();
		// The newer window still wants the action: it stays registered.
		assertThat(this.link.sent()).containsExactly(new ActionResultMessage("1", true, null));
	}

	@Test
	void anActionThatIsNotDoneLeavesItsWindowOpen() {
		ActionWindow window = this.windows.window().actions("secret_move").open();
		this.link.take();
		call("1", "secret_move");
		outcome("1").complete(ActionResult.failure("Not now."));
		call("2", "secret_move");
		outcome("2").complete(ActionResult.failureWithoutRetry("The game is over."));
		assertThat(window.isOpen()).isTrue();
		assertThat(this.link.sent()).containsExactly(new ActionResultMessage("1", false, "Not now."),
				new ActionResultMessage("2", true, "The game is over."));
	}

	@Test
	void anActionWantedElsewhereIsNeitherRegisteredAgainNorUnregistered() {
		ActionWindow window = this.windows.window().actions("place_mark").open();
		window.end();
		assertThat(this.link.sent()).isEmpty();
		assertThat(this.registrations.contains("place_mark")).isTrue();
	}

	@Test
	void endingAWindowUnregistersItsActionsWithdrawsItsForceAndLetsTheNextForceGo() {
		ActionWindow first = this.windows.window().actions("secret_move").force(Force.query("Move.")).open();
		ActionWindow second = this.windows.window().actions("place_mark").force(Force.query("Mark.")).open();
		first.end();
		first.end();
		assertThat(this.link.sent()).containsExactly(new RegisterActions(List.of(SECRET_MOVE)),
				ForceActions.of("Move.", List.of("secret_move")), new UnregisterActions(List.of("secret_move")),
				ForceActions.of("Mark.", List.of("place_mark")));
		assertThat(first.whenEnded()).isCompletedWithValue(new WindowEnd(WindowEnd.Reason.ENDED, null));
		assertThat(second.isOpen()).isTrue();
	}

	@Test
	void anActionDoneBeforeItsWindowsForceCouldGoEndsTheWindowAndTheForceNeverGoes() {
		call("1", "place_mark");
		this.windows.window().actions("place_mark").force(Force.query("Mark.")).open();
		outcome("1").complete(ActionResult.success());
		assertThat(this.link.sent()).containsExactly(new ActionResultMessage("1", true, null));
	}

	@Test
	void aWindowTimesOut() throws Exception {
		ActionWindow window = this.windows.window().actions("secret_move").timeout(Duration.ofMillis(50)).open();
		assertThat(window.whenEnded().get(WAIT.toSeconds(), TimeUnit.SECONDS))
			.isEqualTo(new WindowEnd(WindowEnd.Reason.TIMED_OUT, null));
		assertThat(this.link.sent()).containsExactly(new RegisterActions(List.of(SECRET_MOVE)),
				new UnregisterActions(List.of("secret_move")));
	}

	@Test
	void aForceCanWaitForADelay() throws Exception {
		this.windows.window().actions("place_mark").forceAfter(Duration.ofMillis(50), Force.query("Mark.")).open();
		assertThat(this.link.awaitSent(1, WAIT)).containsExactly(ForceActions.of("Mark.", List.of("place_mark")));
	}

	@Test
	void aForceCanWaitForACondition() throws Exception {
		AtomicBoolean ready = new AtomicBoolean();
		this.windows.window().actions("place_mark").forceWhen(ready::get, Force.query("Mark.")).open();
		assertThat(this.link.sent()).isEmpty();
		ready.set(true);
		assertThat(this.link.awaitSent(1, WAIT)).containsExactly(ForceActions.of("Mark.", List.of("place_mark")));
	}

	@Test
	void aForceWhoseConditionHoldsAlreadyGoesAtTheFirstCheck() throws Exception {
		// The first check runs on the timer thread at once, racing the thread that opens the window: each window
		// gives the race another chance.
		for (int i = 0; i < 200; i++) {
			ActionWindow window = this.windows.window()
				.actions("place_mark")
				.forceWhen(() -> true, Force.query("Mark " + i + "."))
				.open();
			assertThat(this.link.awaitSent(1, WAIT)).containsExactly(ForceActions.of("Mark " + i + ".",
					List.of("place_mark")));
			window.end();
			this.link.take();
		}
	}

	@Test
	void aLambdaActionExistsOnlyWhileAWindowUsingItIsOpen() {
		LambdaAction<Void> pick = LambdaAction.of("pick_card", "Pick a card.", (context) -> "Picked.");
		ActionWindow first = this.windows.window().action(pick).open();
		ActionWindow second = this.windows.window().action(pick).open();
		assertThat(this.registry.find("pick_card")).isPresent();
		first.end();
		assertThat(this.registry.find("pick_card")).isPresent();
		second.end();
		assertThat(this.registry.find("pick_card")).isEmpty();
		ActionDefinition definition = new ActionDefinition("pick_card", "Pick a card.", null);
		assertThat(this.link.sent()).containsExactly(new RegisterActions(List.of(definition)),
				new UnregisterActions(List.of("pick_card")));
		call("1", "pick_card");
		assertThat(this.link.sent(ActionResultMessage.class))
			.containsExactly(new ActionResultMessage("1", false, "Action 'pick_card' is no longer available."));
	}

	@Test
	void aLambdaActionIsCalledWithItsParametersAndEndsItsWindowWhenDone() {
		LambdaAction<Pick> pick = LambdaAction.of("pick_card", "Pick a card.", Pick.class,
				(parameters, context) -> "You picked card " + parameters.card() + ".");
		ActionWindow window = this.windows.window().action(pick).open();
		this.link.take();
		this.connection.onMessage(new ActionRequest("1", "pick_card", "{\"card\": 2}"));
		assertThat(this.link.sent()).containsExactly(new UnregisterActions(List.of("pick_card")),
				new ActionResultMessage("1", true, "You picked card 2."));
		assertThat(window.isOpen()).isFalse();
		assertThat(this.registry.find("pick_card")).isEmpty();
	}

	@Test
	void aLambdaActionCannotTakeANameInUse() {
		this.windows.window().action(LambdaAction.of("pick_card", "Pick a card.", (context) -> null)).open();
		assertThatIllegalStateException()
			.isThrownBy(() -> this.windows.window()
				.action(LambdaAction.of("pick_card", "Pick another card.", (context) -> null))
				.open())
			.withMessage("An open window already has a different action named 'pick_card'. Reuse the same "
					+ "LambdaAction, or give this one another name.");
		assertThatIllegalStateException()
			.isThrownBy(() -> this.windows.window()
				.action(LambdaAction.of("place_mark", "Place a mark.", (context) -> null))
				.open())
			.withMessage("The game already has an action named 'place_mark'. Give the lambda action another name, "
					+ "or put the existing action in the window by name.");
		assertThat(this.windows.openWindows()).hasSize(1);
	}

	@Test
	void aWindowNamesOnlyActionsTheGameHasAndAtLeastOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.windows.window().actions("jump").open())
			.withMessage("The game has no action named 'jump' to put in a window; its actions are [place_mark, "
					+ "secret_move]. Declare it with @NeuroAction, or add it as a LambdaAction.");
		assertThatIllegalStateException().isThrownBy(() -> this.windows.window().open())
			.withMessage("A window needs at least one action for Neuro to choose");
		assertThat(this.windows.openWindows()).isEmpty();
		assertThat(this.link.sent()).isEmpty();
	}

	@Test
	void aWindowOpenedWhileDisconnectedIsRegisteredAndForcedOnTheNextConnection() {
		this.connection.onClose();
		this.windows.window()
			.context("Your turn.")
			.actions("secret_move")
			.force(Force.query("Move."))
			.open();
		InMemoryLink next = new InMemoryLink("2");
		this.states.onOpen(next);
		assertThat(this.link.sent()).isEmpty();
		assertThat(next.sent()).containsExactly(new RegisterActions(List.of(PLACE_MARK, SECRET_MOVE)),
				ForceActions.of("Move.", List.of("secret_move")));
	}

	@Test
	void aReconnectInTheMiddleOfAWindowRegistersItAgainAndForcesAgain() {
		this.windows.window().actions("secret_move").force(Force.query("Move.")).open();
		this.connection.onClose();
		InMemoryLink next = new InMemoryLink("2");
		this.states.onOpen(next);
		ForceActions force = ForceActions.of("Move.", List.of("secret_move"));
		assertThat(this.link.sent()).containsExactly(new RegisterActions(List.of(SECRET_MOVE)), force);
		assertThat(next.sent()).containsExactly(new RegisterActions(List.of(PLACE_MARK, SECRET_MOVE)), force);
	}

	@Test
	void stoppingEndsEveryOpenWindow() {
		ActionWindow window = this.windows.window().actions("secret_move").open();
		this.windows.destroy();
		assertThat(window.whenEnded()).isCompletedWithValue(new WindowEnd(WindowEnd.Reason.STOPPED, null));
		assertThat(this.link.sent()).containsExactly(new RegisterActions(List.of(SECRET_MOVE)),
				new UnregisterActions(List.of("secret_move")));
	}

	private void call(String id, String name) {
		this.connection.onMessage(new ActionRequest(id, name, null));
	}

	private CompletableFuture<ActionResult> outcome(String id) {
		return this.outcomes.computeIfAbsent(id, (key) -> new CompletableFuture<>());
	}

	record Pick(int card) {
	}

}
