package io.github.neurospringboot.client;

import java.util.List;
import java.util.Optional;

import io.github.neurospringboot.action.ConnectionCalls;
import io.github.neurospringboot.protocol.ForceActions;
import io.github.neurospringboot.registration.Registrations;
import io.github.neurospringboot.testing.InMemoryLink;
import io.github.neurospringboot.testing.TestActions;
import org.junit.jupiter.api.Test;

import static io.github.neurospringboot.registration.Registrations.APPLICATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Forces}: a force without owner belongs to the connection it is sent on; an owned force is sent again on every
 * new connection, in order, until its owner withdraws it.
 */
class ForcesTests {

	private static final Object WINDOW = "a window";

	private static final Object OTHER_WINDOW = "another window";

	private static final Force MOVE = Force.query("Move.");

	private static final Force RESIGN = Force.query("Resign now.");

	private final Registrations registrations = new Registrations();

	private final Forces forces = new Forces();

	ForcesTests() {
		this.registrations.acquire(APPLICATION,
				List.of(TestActions.definition("place_mark"), TestActions.definition("resign")));
	}

	@Test
	void aForceWithoutOwnerCannotBeSubmittedWhileDisconnected() {
		assertThat(this.forces.submit(MOVE, List.of("place_mark"), null)).isFalse();
		InMemoryLink link = new InMemoryLink("1");
		this.forces.attach(schedule(link));
		assertThat(link.sent()).isEmpty();
	}

	@Test
	void aForceWithoutOwnerIsSentOnTheCurrentConnectionAndDroppedWithIt() {
		InMemoryLink first = new InMemoryLink("1");
		ForceSchedule schedule = schedule(first);
		this.forces.attach(schedule);
		assertThat(this.forces.submit(MOVE, List.of("place_mark"), null)).isTrue();
		assertThat(this.forces.submit(RESIGN, List.of("resign"), null)).isTrue();
		this.forces.detach(schedule);
		assertThat(this.forces.submit(MOVE, List.of("place_mark"), null)).isFalse();
		InMemoryLink second = new InMemoryLink("2");
		this.forces.attach(schedule(second));
		assertThat(first.sent()).containsExactly(force(MOVE, "place_mark"));
		assertThat(second.sent()).isEmpty();
	}

	@Test
	void ownedForcesWaitForAConnectionAndAreSentAgainOnEachInOrder() {
		assertThat(this.forces.submit(MOVE, List.of("place_mark"), WINDOW)).isTrue();
		assertThat(this.forces.submit(RESIGN, List.of("resign"), OTHER_WINDOW)).isTrue();
		InMemoryLink first = new InMemoryLink("1");
		ForceSchedule firstSchedule = schedule(first);
		this.forces.attach(firstSchedule);
		this.forces.withdraw(WINDOW);
		this.forces.detach(firstSchedule);
		InMemoryLink second = new InMemoryLink("2");
		this.forces.attach(schedule(second));
		assertThat(first.sent()).containsExactly(force(MOVE, "place_mark"), force(RESIGN, "resign"));
		assertThat(second.sent()).containsExactly(force(RESIGN, "resign"));
	}

	@Test
	void theOwnedForcesGoFirstOnANewConnection() {
		this.forces.submit(MOVE, List.of("place_mark"), WINDOW);
		InMemoryLink link = new InMemoryLink("1");
		this.forces.attach(schedule(link));
		this.forces.submit(RESIGN, List.of("resign"), null);
		this.forces.withdraw(WINDOW);
		assertThat(link.sent()).containsExactly(force(MOVE, "place_mark"), force(RESIGN, "resign"));
	}

	@Test
	void anOwnedForceWithdrawnWhileDisconnectedIsNeverSent() {
		this.forces.submit(MOVE, List.of("place_mark"), WINDOW);
		this.forces.withdraw(WINDOW);
		InMemoryLink link = new InMemoryLink("1");
		this.forces.attach(schedule(link));
		assertThat(link.sent()).isEmpty();
	}

	@Test
	void aLateDetachOfAnOldConnectionLeavesTheNewOneCurrent() {
		ForceSchedule old = schedule(new InMemoryLink("1"));
		this.forces.attach(old);
		InMemoryLink link = new InMemoryLink("2");
		this.forces.attach(schedule(link));
		this.forces.detach(old);
		assertThat(this.forces.submit(MOVE, List.of("place_mark"), null)).isTrue();
		assertThat(link.sent()).containsExactly(force(MOVE, "place_mark"));
	}

	private ForceSchedule schedule(InMemoryLink link) {
		return new ForceSchedule(link, new ConnectionCalls(link, new ConnectionCalls.Listener() {
		}, Optional::empty), this.registrations);
	}

	private static ForceActions force(Force force, String... actionNames) {
		return force.toMessage(List.of(actionNames));
	}

}
