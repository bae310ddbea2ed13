package io.github.neurospringboot.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.github.neurospringboot.action.ActionCall;
import io.github.neurospringboot.action.ActionDispatcher;
import io.github.neurospringboot.action.ActionRegistry;
import io.github.neurospringboot.action.ActionResult;
import io.github.neurospringboot.action.ConnectionCalls;
import io.github.neurospringboot.client.ForceSchedule.PendingForce;
import io.github.neurospringboot.protocol.ActionRequest;
import io.github.neurospringboot.protocol.ActionResultMessage;
import io.github.neurospringboot.protocol.ForceActions;
import io.github.neurospringboot.protocol.ForcePriority;
import io.github.neurospringboot.registration.Registrations;
import io.github.neurospringboot.testing.InMemoryLink;
import io.github.neurospringboot.testing.TestActions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.neurospringboot.registration.Registrations.APPLICATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ForceSchedule}: one force in flight at a time, none while a result is owed, resolved by a result sent with
 * {@code success: true} for one of its actions.
 */
class ForceScheduleTests {

	private static final Object WINDOW = "a window";

	private static final Object OTHER_WINDOW = "another window";

	private final InMemoryLink link = new InMemoryLink("1");

	private final ActionRegistry registry = new ActionRegistry();

	private final Registrations registrations = new Registrations();

	/** The outcome of each call, by id, for the test to complete. */
	private final Map<String, CompletableFuture<ActionResult>> outcomes = new ConcurrentHashMap<>();

	private final ActionDispatcher dispatcher = TestActions.dispatcher(this.registry, this.registrations,
			Duration.ofSeconds(20), Runnable::run);

	private final ConnectionCalls calls = new ConnectionCalls(this.link, new ConnectionCalls.Listener() {

		@Override
		public void answering(ActionCall call, ActionResult result) {
			ForceScheduleTests.this.schedule.answering(call, result);
		}

		@Override
		public void settled() {
			ForceScheduleTests.this.schedule.settled();
		}

	}, Optional::empty);

	private final ForceSchedule schedule = new ForceSchedule(this.link, this.calls, this.registrations);

	ForceScheduleTests() {
		for (String name : List.of("place_mark", "resign", "undo")) {
			this.registry.add(TestActions.action(name, (context) -> outcome(context.id())));
			this.registrations.acquire(APPLICATION, List.of(TestActions.definition(name)));
		}
	}

	@AfterEach
	void destroyDispatcher() {
		this.dispatcher.destroy();
	}

	@Test
	void aForceGoesAtOnceWhenNothingIsOwed() {
		Force force = Force.query("It is your turn.").state("The board is empty.").ephemeral()
			.priority(ForcePriority.HIGH);
		this.schedule.submit(new PendingForce(force, List.of("place_mark", "resign"), null));
		assertThat(this.link.sent()).containsExactly(new ForceActions("The board is empty.", "It is your turn.", true,
				ForcePriority.HIGH, List.of("place_mark", "resign")));
	}

	@Test
	void theNextForceGoesOnlyAfterTheResultThatResolvesTheOneInFlight() {
		submit("Move.", null, "place_mark");
		submit("Resign now.", null, "resign");
		call("1", "place_mark");
		assertThat(this.link.sent()).containsExactly(force("Move.", "place_mark"));
		outcome("1").complete(ActionResult.success());
		assertThat(this.link.sent()).containsExactly(force("Move.", "place_mark"), success("1"),
				force("Resign now.", "resign"));
	}

	@Test
	void aFailureKeepsTheForceInFlightAndItIsNotSentAgain() {
		submit("Move.", null, "place_mark");
		submit("Resign now.", null, "resign");
		call("1", "place_mark");
		outcome("1").complete(ActionResult.failure("Cell 4 is taken."));
		assertThat(this.link.sent()).containsExactly(force("Move.", "place_mark"),
				new ActionResultMessage("1", false, "Cell 4 is taken."));
		call("2", "place_mark");
		outcome("2").complete(ActionResult.success());
		assertThat(this.link.take()).containsExactly(force("Move.", "place_mark"),
				new ActionResultMessage("1", false, "Cell 4 is taken."), success("2"), force("Resign now.", "resign"));
	}

	@Test
	void aFailureWithoutRetryIsSentAsASuccessAndResolvesTheForce() {
		submit("Move.", null, "place_mark");
		submit("Resign now.", null, "resign");
		call("1", "place_mark");
		outcome("1").complete(ActionResult.failureWithoutRetry("The game is over."));
		assertThat(this.link.sent()).containsExactly(force("Move.", "place_mark"),
				new ActionResultMessage("1", true, "The game is over."), force("Resign now.", "resign"));
	}

	@Test
	void aSuccessOfAnActionTheForceDoesNotNameLeavesItInFlight() {
		submit("Move.", null, "place_mark");
		submit("Resign now.", null, "resign");
		call("1", "undo");
		outcome("1").complete(ActionResult.success());
		assertThat(this.link.sent()).containsExactly(force("Move.", "place_mark"), success("1"));
	}

	@Test
	void aForceWaitsWhileAResultIsOwed() {
		call("1", "undo");
		submit("Move.", null, "place_mark");
		assertThat(this.link.sent()).isEmpty();
		outcome("1").complete(ActionResult.success());
		assertThat(this.link.sent()).containsExactly(success("1"), force("Move.", "place_mark"));
	}

	@Test
	void aResolvedForceIsFollowedOnlyOnceNoResultIsOwed() {
		submit("Move.", null, "place_mark");
		call("1", "place_mark");
		call("2", "undo");
		submit("Resign now.", null, "resign");
		outcome("1").complete(ActionResult.success());
		assertThat(this.link.sent()).containsExactly(force("Move.", "place_mark"), success("1"));
		outcome("2").complete(ActionResult.success());
		assertThat(this.link.sent()).containsExactly(force("Move.", "place_mark"), success("1"), success("2"),
				force("Resign now.", "resign"));
	}

	@Test
	void withdrawingAnOwnersForcesResolvesTheOneInFlightAndDropsTheWaitingOnes() {
		submit("Move.", WINDOW, "place_mark");
		submit("Resign now.", OTHER_WINDOW, "resign");
		submit("Move again.", WINDOW, "place_mark");
		this.schedule.withdraw(WINDOW);
		assertThat(this.link.sent()).containsExactly(force("Move.", "place_mark"), force("Resign now.", "resign"));
	}

	@Test
	void withdrawingAWaitingForceLeavesTheOneInFlight() {
		submit("Move.", WINDOW, "place_mark");
		submit("Resign now.", OTHER_WINDOW, "resign");
		this.schedule.withdraw(OTHER_WINDOW);
		call("1", "place_mark");
		outcome("1").complete(ActionResult.success());
		assertThat(this.link.sent()).containsExactly(force("Move.", "place_mark"), success("1"));
	}

	@Test
	void aForceNamesOnlyActionsStillRegisteredAndOneNamingNoneIsDropped() {
		submit("Move.", null, "place_mark");
		submit("Undo.", null, "undo");
		submit("Undo or resign.", null, "undo", "resign");
		this.registrations.release(APPLICATION, List.of("undo"));
		call("1", "place_mark");
		outcome("1").complete(ActionResult.success());
		assertThat(this.link.sent()).containsExactly(force("Move.", "place_mark"), success("1"),
				force("Undo or resign.", "resign"));
	}

	private void submit(String query, @Nullable Object owner, String... actionNames) {
		this.schedule.submit(new PendingForce(Force.query(query), List.of(actionNames), owner));
	}

	private void call(String id, String name) {
		this.dispatcher.handle(new ActionRequest(id, name, null), this.calls);
	}

	private CompletableFuture<ActionResult> outcome(String id) {
		return this.outcomes.computeIfAbsent(id, (key) -> new CompletableFuture<>());
	}

	private static ForceActions force(String query, String... actionNames) {
		return ForceActions.of(query, List.of(actionNames));
	}

	private static ActionResultMessage success(String id) {
		return new ActionResultMessage(id, true, null);
	}

}
