package io.github.neurospringboot.action;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.neurospringboot.protocol.ActionResultMessage;
import io.github.neurospringboot.protocol.NeuroSession;
import io.github.neurospringboot.testing.InMemoryLink;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link ConnectionCalls}: the ids one connection has seen and the results it owes, with the back-pressure on
 * reading and the wait of the shutdown.
 */
class ConnectionCallsTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final InMemoryLink link = new InMemoryLink("1");

	/** What the listener heard, with the messages the link had taken at that moment. */
	private final List<String> heard = new CopyOnWriteArrayList<>();

	private final ConnectionCalls calls = new ConnectionCalls(this.link, new ConnectionCalls.Listener() {

		@Override
		public void answering(ActionCall call, ActionResult result) {
			ConnectionCallsTests.this.heard.add("answering " + call.id() + " after " + sentCount() + " sent");
		}

		@Override
		public void settled() {
			ConnectionCallsTests.this.heard.add("settled after " + sentCount() + " sent");
		}

	}, Optional::empty);

	@Test
	void anIdIsNewOnlyTheFirstTimeWithinItsConnection() {
		assertThat(this.calls.firstSight("1")).isTrue();
		assertThat(this.calls.firstSight("1")).isFalse();
		assertThat(this.calls.firstSight("2")).isTrue();
		ConnectionCalls next = new ConnectionCalls(new InMemoryLink("2"), new ConnectionCalls.Listener() {
		}, Optional::empty);
		assertThat(next.firstSight("1")).isTrue();
	}

	@Test
	void aReplyIsSentWithoutBeingOwed() {
		this.calls.reply(ActionResult.failure("No.").toMessage("1"));
		assertThat(this.link.sent()).containsExactly(new ActionResultMessage("1", false, "No."));
		assertThat(this.calls.unanswered()).isZero();
		assertThat(this.heard).isEmpty();
	}

	@Test
	void anAcceptedCallIsOwedUntilItsResultIsSentAndTheLastResultSettles() {
		this.calls.accept();
		this.calls.accept();
		assertThat(this.calls.unanswered()).isEqualTo(2);
		this.calls.answer(call("1"), ActionResult.success("Done."));
		assertThat(this.calls.unanswered()).isOne();
		this.calls.answer(call("2"), ActionResult.failure("Cell 4 is taken."));
		assertThat(this.calls.unanswered()).isZero();
		assertThat(this.link.sent()).containsExactly(new ActionResultMessage("1", true, "Done."),
				new ActionResultMessage("2", false, "Cell 4 is taken."));
		assertThat(this.heard).containsExactly("answering 1 after 0 sent", "answering 2 after 1 sent",
				"settled after 2 sent");
	}

	@Test
	void aResultForAClosedLinkIsDroppedButNoLongerOwed() {
		this.calls.accept();
		this.link.close();
		this.calls.answer(call("1"), ActionResult.success());
		assertThat(this.link.sent()).isEmpty();
		assertThat(this.calls.unanswered()).isZero();
		assertThat(this.heard).containsExactly("answering 1 after 0 sent", "settled after 0 sent");
	}

	@Test
	void whileTheMostResultsAreOwedTheReaderWaitsForOneToBeSent() throws Exception {
		CompletableFuture<Void> oneMore = acceptOneMoreThanAllowed();
		assertThat(this.calls.unanswered()).isEqualTo(ConnectionCalls.MAX_UNANSWERED);
		this.calls.answer(call("1"), ActionResult.success());
		oneMore.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(this.calls.unanswered()).isEqualTo(ConnectionCalls.MAX_UNANSWERED);
	}

	@Test
	void aReaderWaitingForRoomGoesOnWhenTheLinkCloses() throws Exception {
		CompletableFuture<Void> oneMore = acceptOneMoreThanAllowed();
		this.link.close();
		oneMore.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(this.calls.unanswered()).isEqualTo(ConnectionCalls.MAX_UNANSWERED + 1);
	}

	@Test
	void awaitAnsweredReturnsAtOnceWhenNothingIsOwed() {
		assertThat(this.calls.awaitAnswered(Duration.ZERO)).isZero();
	}

	@Test
	void awaitAnsweredReturnsWhatIsStillOwedWhenTheTimeRunsOut() {
		this.calls.accept();
		assertThat(this.calls.awaitAnswered(Duration.ZERO)).isOne();
	}

	@Test
	void awaitAnsweredReturnsOnceTheLastResultIsSent() throws Exception {
		this.calls.accept();
		this.calls.accept();
		CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> this.calls.awaitAnswered(WAIT));
		this.calls.answer(call("1"), ActionResult.success());
		this.calls.answer(call("2"), ActionResult.success());
		assertThat(waiting.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
	}

	@Test
	void theSessionIsAskedForWhenNeeded() {
		NeuroSession[] session = new NeuroSession[1];
		ConnectionCalls withSession = new ConnectionCalls(this.link, new ConnectionCalls.Listener() {
		}, () -> Optional.ofNullable(session[0]));
		assertThat(withSession.session()).isEmpty();
		session[0] = new NeuroSession("s", "neuro", "Neuro-sama");
		assertThat(withSession.session()).contains(session[0]);
		assertThat(withSession.link()).isSameAs(this.link);
	}

	private ActionCall call(String id) {
		return new ActionCall(id, "place_mark", this.link);
	}

	private int sentCount() {
		return this.link.sent().size();
	}

	/** Accept as many calls as may be owed, then one more on a reader thread, which waits for room. */
	private CompletableFuture<Void> acceptOneMoreThanAllowed() {
		for (int i = 0; i < ConnectionCalls.MAX_UNANSWERED; i++) {
			this.calls.accept();
		}
		CompletableFuture<Void> accepted = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			this.calls.accept();
			accepted.complete(null);
		}, "reader");
		reader.start();
		// The only timed wait on the reader's way is the one for room.
		await().atMost(WAIT).until(() -> reader.getState() == Thread.State.TIMED_WAITING);
		assertThat(accepted).isNotDone();
		return accepted;
	}

}
