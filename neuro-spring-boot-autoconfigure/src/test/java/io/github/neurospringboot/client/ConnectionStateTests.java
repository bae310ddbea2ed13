package io.github.neurospringboot.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import io.github.neurospringboot.action.ActionDispatcher;
import io.github.neurospringboot.action.ActionRegistry;
import io.github.neurospringboot.action.ActionResult;
import io.github.neurospringboot.connection.NeuroLinkHandler.LinkListener;
import io.github.neurospringboot.event.NeuroEventPublisher;
import io.github.neurospringboot.event.NeuroSessionAcknowledgedEvent;
import io.github.neurospringboot.event.NeuroShutdownRequestedEvent;
import io.github.neurospringboot.event.NeuroSpeechFinishedEvent;
import io.github.neurospringboot.event.NeuroUnknownCommandEvent;
import io.github.neurospringboot.protocol.ActionRequest;
import io.github.neurospringboot.protocol.ActionResultMessage;
import io.github.neurospringboot.protocol.Context;
import io.github.neurospringboot.protocol.ForceActions;
import io.github.neurospringboot.protocol.GracefulShutdownRequest;
import io.github.neurospringboot.protocol.ImmediateShutdownRequest;
import io.github.neurospringboot.protocol.NeuroSession;
import io.github.neurospringboot.protocol.RegisterActions;
import io.github.neurospringboot.protocol.ReregisterAllActions;
import io.github.neurospringboot.protocol.SpeechFinished;
import io.github.neurospringboot.protocol.StartupAcknowledgement;
import io.github.neurospringboot.protocol.UnknownCommand;
import io.github.neurospringboot.protocol.UnreadableAction;
import io.github.neurospringboot.protocol.UnregisterActions;
import io.github.neurospringboot.registration.Registrations;
import io.github.neurospringboot.testing.InMemoryLink;
import io.github.neurospringboot.testing.TestActions;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import io.github.neurospringboot.testlogging.LogLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import static io.github.neurospringboot.registration.Registrations.APPLICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * {@link ConnectionState}, made by {@link ConnectionStates} for each link and made the {@link CurrentConnection}: it
 * routes the messages of its own link, and when the link closes it leaves nothing behind.
 */
class ConnectionStateTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(ConnectionState.class);

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final NeuroSession SESSION = new NeuroSession("s1", "neuro", "Neuro-sama");

	private final ActionRegistry registry = new ActionRegistry();

	private final Registrations registrations = new Registrations();

	private final Forces forces = new Forces();

	private final CurrentConnection current = new CurrentConnection();

	/** The outcome of each call, by id, for the test to complete. */
	private final Map<String, CompletableFuture<ActionResult>> outcomes = new ConcurrentHashMap<>();

	private final ActionDispatcher dispatcher = TestActions.dispatcher(this.registry, this.registrations,
			Duration.ofSeconds(20), Runnable::run);

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final NeuroEventPublisher publisher = new NeuroEventPublisher(this.events::add);

	private final ConnectionStates states = new ConnectionStates(this.registrations, this.forces, this.dispatcher,
			this.current, this.publisher);

	ConnectionStateTests() {
		this.registry.add(TestActions.action("place_mark", (context) -> outcome(context.id())));
		this.registrations.acquire(APPLICATION, List.of(TestActions.definition("place_mark")));
	}

	@AfterEach
	void destroy() throws InterruptedException {
		this.dispatcher.destroy();
		this.publisher.destroy();
	}

	@Test
	void anOpenedLinkRegistersTheActionsThenSendsTheOwnedForcesAndBecomesCurrent() {
		this.forces.submit(Force.query("Move."), List.of("place_mark"), "a window");
		assertThat(this.current.send(new Context("Before.", true))).isFalse();
		InMemoryLink link = new InMemoryLink("1");
		this.states.onOpen(link);
		assertThat(this.current.send(new Context("After.", true))).isTrue();
		assertThat(link.sent()).containsExactly(new RegisterActions(List.of(TestActions.definition("place_mark"))),
				ForceActions.of("Move.", List.of("place_mark")), new Context("After.", true));
	}

	@Test
	void theLatestLinkIsCurrentAndTheEndOfAnOlderOneLeavesItSo() {
		InMemoryLink first = new InMemoryLink("1");
		LinkListener older = this.states.onOpen(first);
		InMemoryLink second = new InMemoryLink("2");
		this.states.onOpen(second);
		older.onClose();
		this.current.send(new Context("Hello.", true));
		assertThat(first.sent(Context.class)).isEmpty();
		assertThat(second.sent(Context.class)).containsExactly(new Context("Hello.", true));
	}

	@Test
	void anActionIsAnsweredOnTheLinkItCameOn() {
		InMemoryLink first = new InMemoryLink("1");
		LinkListener older = this.states.onOpen(first);
		InMemoryLink second = new InMemoryLink("2");
		this.states.onOpen(second);
		older.onMessage(new ActionRequest("1", "place_mark", null));
		outcome("1").complete(ActionResult.success("Marked."));
		assertThat(first.sent(ActionResultMessage.class)).containsExactly(new ActionResultMessage("1", true, "Marked."));
		assertThat(second.sent(ActionResultMessage.class)).isEmpty();
	}

	@Test
	void anActionWithoutIdIsDroppedWithAWarning() {
		InMemoryLink link = new InMemoryLink("1");
		LinkListener state = this.states.onOpen(link);
		link.take();
		state.onMessage(new ActionRequest(null, "place_mark", null));
		assertThat(link.sent()).isEmpty();
		assertThat(logs.lines()).extracting(LogLine::level, LogLine::message)
			.containsExactly(tuple(Level.WARN, "Dropped an action from Neuro without an id (name: place_mark)"));
	}

	@Test
	void anUnreadableActionIsAnsweredWithHowToCallItAgain() {
		InMemoryLink link = new InMemoryLink("1");
		LinkListener state = this.states.onOpen(link);
		link.take();
		state.onMessage(new UnreadableAction("7"));
		assertThat(link.sent()).containsExactly(new ActionResultMessage("7", false, "Action failed: the call could "
				+ "not be read (it was not valid JSON, or nested too deeply). Call the action again, with its "
				+ "parameters as one JSON object in the data string."));
	}

	@Test
	void reregisterAllRegistersTheActionsAgain() {
		InMemoryLink link = new InMemoryLink("1");
		LinkListener state = this.states.onOpen(link);
		state.onMessage(new ReregisterAllActions());
		RegisterActions registration = new RegisterActions(List.of(TestActions.definition("place_mark")));
		assertThat(link.sent()).containsExactly(registration, registration);
	}

	@Test
	void theAcknowledgementOfTheCurrentLinkGivesTheSession() {
		InMemoryLink link = new InMemoryLink("1");
		LinkListener state = this.states.onOpen(link);
		assertThat(this.current.session()).isEmpty();
		state.onMessage(new StartupAcknowledgement(SESSION));
		assertThat(this.current.session()).contains(SESSION);
		await().atMost(WAIT).until(() -> !this.events.isEmpty());
		assertThat(this.events).singleElement().isInstanceOfSatisfying(NeuroSessionAcknowledgedEvent.class,
				(event) -> {
					assertThat(event.getSession()).isEqualTo(SESSION);
					assertThat(event.getSource()).isSameAs(this.current);
				});
		state.onClose();
		assertThat(this.current.session()).isEmpty();
	}

	@Test
	void theAcknowledgementOfAnOlderLinkNeverBecomesTheSessionOfTheCurrentOne() {
		LinkListener older = this.states.onOpen(new InMemoryLink("1"));
		this.states.onOpen(new InMemoryLink("2"));
		older.onMessage(new StartupAcknowledgement(SESSION));
		assertThat(this.current.session()).isEmpty();
	}

	@Test
	void onlyTheFinalPartOfASpeechIsPublished() {
		LinkListener state = this.states.onOpen(new InMemoryLink("1"));
		state.onMessage(new SpeechFinished(false, false, null));
		state.onMessage(new SpeechFinished(true, true, "interrupted"));
		await().atMost(WAIT).until(() -> !this.events.isEmpty());
		// The publisher delivers in order: had the first part been published, it would be the first event.
		assertThat(this.events).first().isInstanceOfSatisfying(NeuroSpeechFinishedEvent.class, (event) -> {
			assertThat(event.isCancelled()).isTrue();
			assertThat(event.getReason()).contains("interrupted");
		});
	}

	@Test
	void shutdownRequestsArePublished() {
		LinkListener state = this.states.onOpen(new InMemoryLink("1"));
		state.onMessage(new GracefulShutdownRequest(true));
		state.onMessage(new GracefulShutdownRequest(false));
		state.onMessage(new ImmediateShutdownRequest());
		await().atMost(WAIT).until(() -> this.events.size() == 3);
		assertThat(this.events).map(NeuroShutdownRequestedEvent.class::cast)
			.extracting(NeuroShutdownRequestedEvent::isImmediate, NeuroShutdownRequestedEvent::wantsShutdown)
			.containsExactly(tuple(false, true), tuple(false, false), tuple(true, true));
	}

	@Test
	void anUnknownCommandIsPublishedAndNeverAnswered() {
		InMemoryLink link = new InMemoryLink("1");
		LinkListener state = this.states.onOpen(link);
		link.take();
		state.onMessage(new UnknownCommand("neuro-relay/ping", JsonMapper.shared().readTree("{\"n\":1}")));
		await().atMost(WAIT).until(() -> !this.events.isEmpty());
		assertThat(this.events).singleElement().isInstanceOfSatisfying(NeuroUnknownCommandEvent.class, (event) -> {
			assertThat(event.getCommand()).isEqualTo("neuro-relay/ping");
			assertThat(event.getData()).hasValueSatisfying((data) -> assertThat(data.get("n").asInt()).isOne());
		});
		assertThat(link.sent()).isEmpty();
	}

	@Test
	void aForceWaitsForTheResultsOwedOnItsConnection() {
		InMemoryLink link = new InMemoryLink("1");
		LinkListener state = this.states.onOpen(link);
		link.take();
		state.onMessage(new ActionRequest("1", "place_mark", null));
		assertThat(this.forces.submit(Force.query("Move."), List.of("place_mark"), null)).isTrue();
		assertThat(link.sent()).isEmpty();
		outcome("1").complete(ActionResult.success());
		assertThat(link.sent()).containsExactly(new ActionResultMessage("1", true, null),
				ForceActions.of("Move.", List.of("place_mark")));
	}

	@Test
	void closingUnregistersEverythingStopsSendingAndWaitsForTheResultsOwed() throws Exception {
		InMemoryLink link = new InMemoryLink("1");
		LinkListener state = this.states.onOpen(link);
		link.take();
		state.onMessage(new ActionRequest("1", "place_mark", null));
		CompletableFuture<Void> closing = CompletableFuture.runAsync(state::onClosing);
		assertThat(link.awaitSent(1, WAIT)).containsExactly(new UnregisterActions(List.of("place_mark")));
		assertThat(this.current.send(new Context("Bye.", true))).isFalse();
		assertThat(this.forces.submit(Force.query("Move."), List.of("place_mark"), null)).isFalse();
		this.registrations.acquire(APPLICATION, List.of(TestActions.definition("resign")));
		assertThat(closing).isNotDone();
		outcome("1").complete(ActionResult.success());
		closing.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		state.onClose();
		assertThat(link.sent()).containsExactly(new UnregisterActions(List.of("place_mark")),
				new ActionResultMessage("1", true, null));
	}

	@Test
	void aClosedLinkIsToldNothingMoreAndTheNextOneIsToldEverything() {
		this.forces.submit(Force.query("Move."), List.of("place_mark"), "a window");
		InMemoryLink first = new InMemoryLink("1");
		this.states.onOpen(first).onClose();
		assertThat(this.current.send(new Context("Hello.", true))).isFalse();
		assertThat(this.forces.submit(Force.query("Resign now."), List.of("place_mark"), null)).isFalse();
		this.registrations.acquire(APPLICATION, List.of(TestActions.definition("resign")));
		InMemoryLink second = new InMemoryLink("2");
		this.states.onOpen(second);
		assertThat(first.sent()).containsExactly(new RegisterActions(List.of(TestActions.definition("place_mark"))),
				ForceActions.of("Move.", List.of("place_mark")));
		assertThat(second.sent()).containsExactly(new RegisterActions(
				List.of(TestActions.definition("place_mark"), TestActions.definition("resign"))),
				ForceActions.of("Move.", List.of("place_mark")));
	}

	private CompletableFuture<ActionResult> outcome(String id) {
		return this.outcomes.computeIfAbsent(id, (key) -> new CompletableFuture<>());
	}

}
