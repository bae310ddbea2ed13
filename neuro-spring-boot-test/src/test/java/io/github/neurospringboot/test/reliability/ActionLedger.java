package io.github.neurospringboot.test.reliability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.neurospringboot.test.ActionOutcome;
import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.GameConnection;
import io.github.neurospringboot.test.ReceivedFrame;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action a test sent through the embedded Neuro, with the connection it went on and what the test expects of
 * it, checked against the {@code action/result} frames the embedded Neuro received (all of them, on every
 * connection):
 * <ul>
 * <li>no id was answered more than once, ever;</li>
 * <li>an action sent on a connection that stayed up until its result was answered exactly once, on that
 * connection;</li>
 * <li>an action whose connection was cut while it ran was not answered at all: its result belongs to the lost
 * connection and must not be sent on the next one;</li>
 * <li>no result came for an id that was never sent.</li>
 * </ul>
 */
final class ActionLedger {

	private static final String RESULT = "action/result";

	private final EmbeddedNeuro neuro;

	private final List<Sent> sent = new CopyOnWriteArrayList<>();

	ActionLedger(EmbeddedNeuro neuro) {
		this.neuro = neuro;
	}

	/**
	 * Send an action on a connection that will stay up until its result: it must be answered exactly once.
	 * @param action the action's name
	 * @param data its parameters as JSON, or {@code null} for none
	 * @return its outcome, once answered
	 */
	CompletableFuture<ActionOutcome> send(String action, @Nullable String data) {
		return send(action, data, true);
	}

	/**
	 * Send an action whose connection the test will cut while it runs: it must never be answered.
	 * @param action the action's name
	 * @param data its parameters as JSON, or {@code null} for none
	 * @return its outcome, which must never complete
	 */
	CompletableFuture<ActionOutcome> sendDoomed(String action, @Nullable String data) {
		return send(action, data, false);
	}

	private CompletableFuture<ActionOutcome> send(String action, @Nullable String data, boolean answered) {
		GameConnection connection = this.neuro.connection();
		CompletableFuture<ActionOutcome> outcome = connection.executeAsync(action, data);
		this.sent.add(new Sent(action, connection.number(), outcome, answered));
		return outcome;
	}

	/** How many actions were sent. */
	int sentCount() {
		return this.sent.size();
	}

	/**
	 * The outcomes of one action, as received so far.
	 * @param action the action's name
	 * @return the outcomes, in the order the actions were sent
	 */
	List<ActionOutcome> outcomes(String action) {
		return this.sent.stream()
			.filter((sent) -> sent.action().equals(action) && isAnswered(sent.outcome()))
			.map((sent) -> sent.outcome().join())
			.toList();
	}

	/**
	 * Wait for every action expected to be answered.
	 * @return the outcomes
	 */
	List<ActionOutcome> awaitAnswers() {
		List<CompletableFuture<ActionOutcome>> expected = this.sent.stream()
			.filter(Sent::answered)
			.map(Sent::outcome)
			.toList();
		CompletableFuture.allOf(expected.toArray(CompletableFuture[]::new))
			.orTimeout(ReliabilityRun.HANG_GUARD.toSeconds(), TimeUnit.SECONDS)
			.join();
		return expected.stream().map(CompletableFuture::join).toList();
	}

	/**
	 * Check every action against the results received; call it once nothing more can be received.
	 * @return how many results were received
	 */
	int verify() {
		Map<String, List<ReceivedFrame>> results = this.neuro.frames()
			.stream()
			.filter((frame) -> frame.command().equals(RESULT))
			// Only the embedded Neuro's own ids ("neuro-N") were sent through the ledger; garbage frames carry ids of
			// their own (a truncated action is answered too), checked where they are sent.
			.filter((frame) -> frame.data().path("id").asString("").startsWith("neuro-"))
			.collect(Collectors.groupingBy((frame) -> frame.data().path("id").asString("")));
		assertThat(results).as("results per action id").allSatisfy((id, frames) -> assertThat(frames).hasSize(1));
		Map<String, Integer> answeredOn = new HashMap<>();
		for (Sent sent : this.sent) {
			if (sent.answered()) {
				assertThat(sent.outcome())
					.as("the result of '%s' sent on connection %d", sent.action(), sent.connection())
					.isDone();
				answeredOn.put(sent.outcome().join().id(), sent.connection());
			}
			else {
				assertThat(isAnswered(sent.outcome())).as("a result for '%s' whose connection %d was cut",
						sent.action(), sent.connection())
					.isFalse();
			}
		}
		assertThat(results.keySet()).as("the ids answered").isEqualTo(answeredOn.keySet());
		results.forEach((id, frames) -> assertThat(frames.get(0).connection())
			.as("the connection the result of %s came on", id)
			.isEqualTo(answeredOn.get(id)));
		return results.size();
	}

	/** A future the embedded Neuro failed because its connection closed first holds no result. */
	private static boolean isAnswered(CompletableFuture<ActionOutcome> outcome) {
		return outcome.isDone() && !outcome.isCompletedExceptionally();
	}

	private record Sent(String action, int connection, CompletableFuture<ActionOutcome> outcome, boolean answered) {
	}

}
