package io.github.neurospringboot.registration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.protocol.OutgoingMessage;
import io.github.neurospringboot.protocol.RegisterActions;
import io.github.neurospringboot.protocol.UnregisterActions;
import io.github.neurospringboot.testing.InMemoryLink;
import org.junit.jupiter.api.Test;

import static io.github.neurospringboot.registration.Registrations.APPLICATION;
import static io.github.neurospringboot.testing.TestActions.CELL_SCHEMA;
import static io.github.neurospringboot.testing.TestActions.definition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Registrations}: the wanted set and its owners, kept across connections, and sent to whichever connection is
 * attached.
 */
class RegistrationsTests {

	private static final ActionDefinition PLACE_MARK = definition("place_mark", CELL_SCHEMA);

	private static final ActionDefinition RESIGN = definition("resign");

	private static final Object WINDOW = "a window";

	private final Registrations registrations = new Registrations();

	private final InMemoryLink link = new InMemoryLink("1");

	private final LinkRegistrations told = new LinkRegistrations(this.link);

	@Test
	void whatIsAcquiredWhileDisconnectedGoesWithTheFirstSyncOfTheNextConnection() {
		this.registrations.acquire(APPLICATION, List.of(PLACE_MARK));
		this.registrations.acquire(WINDOW, List.of(RESIGN));
		assertThat(this.registrations.definitions()).containsExactly(PLACE_MARK, RESIGN);
		this.registrations.attach(this.told);
		assertThat(this.link.sent()).containsExactly(new RegisterActions(List.of(PLACE_MARK, RESIGN)));
	}

	@Test
	void nothingWantedSendsNothingOnAttach() {
		this.registrations.attach(this.told);
		assertThat(this.link.sent()).isEmpty();
	}

	@Test
	void whatIsAcquiredWhileAttachedIsSentAtOnceAndOnlyOnce() {
		this.registrations.attach(this.told);
		this.registrations.acquire(APPLICATION, List.of(PLACE_MARK));
		this.registrations.acquire(APPLICATION, List.of(PLACE_MARK));
		this.registrations.acquire(APPLICATION, List.of(RESIGN));
		assertThat(this.link.sent()).containsExactly(new RegisterActions(List.of(PLACE_MARK)),
				new RegisterActions(List.of(RESIGN)));
	}

	@Test
	void aNewDefinitionOfAWantedNameReplacesIt() {
		this.registrations.acquire(APPLICATION, List.of(PLACE_MARK));
		this.registrations.attach(this.told);
		ActionDefinition changed = definition("place_mark");
		this.registrations.acquire(WINDOW, List.of(changed));
		assertThat(this.registrations.definitions()).containsExactly(changed);
		assertThat(this.link.sent()).containsExactly(new RegisterActions(List.of(PLACE_MARK)),
				new UnregisterActions(List.of("place_mark")), new RegisterActions(List.of(changed)));
	}

	@Test
	void anActionStaysRegisteredWhileAnyOwnerWantsIt() {
		this.registrations.acquire(APPLICATION, List.of(PLACE_MARK));
		this.registrations.attach(this.told);
		this.registrations.acquire(WINDOW, List.of(PLACE_MARK));
		this.registrations.release(APPLICATION, List.of("place_mark"));
		assertThat(this.registrations.contains("place_mark")).isTrue();
		assertThat(this.registrations.wasUnregistered("place_mark")).isFalse();
		this.registrations.release(WINDOW, List.of("place_mark"));
		assertThat(this.registrations.contains("place_mark")).isFalse();
		assertThat(this.registrations.wasUnregistered("place_mark")).isTrue();
		assertThat(this.link.sent()).containsExactly(new RegisterActions(List.of(PLACE_MARK)),
				new UnregisterActions(List.of("place_mark")));
	}

	@Test
	void anOwnerReleasesOnlyWhatItAcquired() {
		this.registrations.acquire(APPLICATION, List.of(PLACE_MARK));
		this.registrations.attach(this.told);
		this.registrations.release(WINDOW, List.of("place_mark", "never_registered"));
		assertThat(this.registrations.definitions()).containsExactly(PLACE_MARK);
		assertThat(this.registrations.wasUnregistered("never_registered")).isFalse();
		assertThat(this.link.sent()).containsExactly(new RegisterActions(List.of(PLACE_MARK)));
	}

	@Test
	void aNameRegisteredAgainIsNoLongerRememberedAsUnregistered() {
		this.registrations.acquire(APPLICATION, List.of(RESIGN));
		this.registrations.release(APPLICATION, List.of("resign"));
		assertThat(this.registrations.wasUnregistered("resign")).isTrue();
		this.registrations.acquire(APPLICATION, List.of(RESIGN));
		assertThat(this.registrations.wasUnregistered("resign")).isFalse();
	}

	@Test
	void onlyTheLatestUnregisteredNamesAreRemembered() {
		List<ActionDefinition> many = IntStream.rangeClosed(0, 256).mapToObj((i) -> definition("action_" + i)).toList();
		this.registrations.acquire(APPLICATION, many);
		for (ActionDefinition definition : many) {
			this.registrations.release(APPLICATION, List.of(definition.name()));
		}
		assertThat(this.registrations.wasUnregistered("action_0")).isFalse();
		assertThat(this.registrations.wasUnregistered("action_1")).isTrue();
		assertThat(this.registrations.wasUnregistered("action_256")).isTrue();
	}

	@Test
	void changesMadeAfterADetachWaitForTheNextConnection() {
		this.registrations.acquire(APPLICATION, List.of(PLACE_MARK));
		this.registrations.attach(this.told);
		this.registrations.detach(this.told);
		this.registrations.release(APPLICATION, List.of("place_mark"));
		this.registrations.acquire(APPLICATION, List.of(RESIGN));
		InMemoryLink next = new InMemoryLink("2");
		this.registrations.attach(new LinkRegistrations(next));
		assertThat(this.link.sent()).containsExactly(new RegisterActions(List.of(PLACE_MARK)));
		assertThat(next.sent()).containsExactly(new RegisterActions(List.of(RESIGN)));
	}

	@Test
	void aLateDetachOfAnOldConnectionLeavesTheNewOneAttached() {
		this.registrations.attach(this.told);
		InMemoryLink next = new InMemoryLink("2");
		this.registrations.attach(new LinkRegistrations(next));
		this.registrations.detach(this.told);
		this.registrations.acquire(APPLICATION, List.of(RESIGN));
		assertThat(this.link.sent()).isEmpty();
		assertThat(next.sent()).containsExactly(new RegisterActions(List.of(RESIGN)));
	}

	@Test
	void resendAllRegistersEverythingAgainOnThatConnection() {
		this.registrations.acquire(APPLICATION, List.of(PLACE_MARK, RESIGN));
		this.registrations.attach(this.told);
		this.registrations.resendAll(this.told);
		assertThat(this.link.sent()).containsExactly(new RegisterActions(List.of(PLACE_MARK, RESIGN)),
				new RegisterActions(List.of(PLACE_MARK, RESIGN)));
	}

	@Test
	void withdrawUnregistersEverythingTellsTheConnectionNothingMoreAndKeepsTheWantedSet() {
		this.registrations.acquire(APPLICATION, List.of(PLACE_MARK, RESIGN));
		this.registrations.attach(this.told);
		this.registrations.withdraw(this.told);
		this.registrations.acquire(WINDOW, List.of(definition("undo")));
		assertThat(this.link.sent()).containsExactly(new RegisterActions(List.of(PLACE_MARK, RESIGN)),
				new UnregisterActions(List.of("place_mark", "resign")));
		assertThat(this.registrations.contains("place_mark")).isTrue();
		assertThat(this.registrations.wasUnregistered("place_mark")).isFalse();
		InMemoryLink next = new InMemoryLink("2");
		this.registrations.attach(new LinkRegistrations(next));
		assertThat(next.sent()).containsExactly(
				new RegisterActions(List.of(PLACE_MARK, RESIGN, definition("undo"))));
	}

	@Test
	void registrationsRacingAnAttachAreNeitherLostNorSentTwice() throws Exception {
		int threads = 4;
		int perThread = 250;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> registering = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				registering.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < perThread; i++) {
						this.registrations.acquire(APPLICATION, List.of(definition("action_" + thread + "_" + i)));
					}
					return null;
				}));
			}
			start.countDown();
			this.registrations.attach(this.told);
			for (Future<?> future : registering) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		Map<String, Integer> registered = new HashMap<>();
		for (OutgoingMessage message : this.link.sent()) {
			assertThat(message).isInstanceOf(RegisterActions.class);
			((RegisterActions) message).actions()
				.forEach((action) -> registered.merge(action.name(), 1, Integer::sum));
		}
		assertThat(registered).hasSize(threads * perThread).allSatisfy((name, times) -> assertThat(times).isOne());
	}

}
