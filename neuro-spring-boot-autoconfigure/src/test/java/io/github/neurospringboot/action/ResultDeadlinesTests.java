package io.github.neurospringboot.action;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ResultDeadlines}: one timer for all the results, each expired once, and only if it was not ready in time.
 */
class ResultDeadlinesTests {

	private static final Duration TIMEOUT = Duration.ofMillis(100);

	private final AtomicInteger expired = new AtomicInteger();

	private final Supplier<ActionResult> late = () -> {
		this.expired.incrementAndGet();
		return ActionResult.failure("late");
	};

	@Test
	void resultNotReadyInTimeIsCompletedWithTheLateResult() throws Exception {
		try (ResultDeadlines deadlines = new ResultDeadlines(TIMEOUT)) {
			CompletableFuture<ActionResult> result = new CompletableFuture<>();
			deadlines.watch(result, this.late);
			assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(ActionResult.failure("late"));
			assertThat(this.expired).hasValue(1);
		}
	}

	@Test
	void aResultIsNotExpiredBeforeItsTimeout() throws Exception {
		try (ResultDeadlines soon = new ResultDeadlines(TIMEOUT);
				ResultDeadlines inAnHour = new ResultDeadlines(Duration.ofHours(1))) {
			CompletableFuture<ActionResult> patient = new CompletableFuture<>();
			CompletableFuture<ActionResult> hurried = new CompletableFuture<>();
			// Watched first, with the longer timeout: had it expired early, it would be done by now.
			inAnHour.watch(patient, this.late);
			soon.watch(hurried, this.late);
			hurried.get(10, TimeUnit.SECONDS);
			assertThat(patient).isNotDone();
			assertThat(this.expired).hasValue(1);
		}
	}

	@Test
	void resultReadyInTimeIsLeftAlone() throws Exception {
		try (ResultDeadlines deadlines = new ResultDeadlines(TIMEOUT)) {
			CompletableFuture<ActionResult> ready = new CompletableFuture<>();
			CompletableFuture<ActionResult> notReady = new CompletableFuture<>();
			deadlines.watch(ready, this.late);
			deadlines.watch(notReady, this.late);
			ready.complete(ActionResult.success());
			// The second deadline falls after the first: once it has fired, the first has been dealt with.
			notReady.get(10, TimeUnit.SECONDS);
			assertThat(ready.get()).isEqualTo(ActionResult.success());
			assertThat(this.expired).hasValue(1);
		}
	}

	@Test
	void manyResultsAcrossPurgesExpireExactlyTheUnfinishedOnes() throws Exception {
		try (ResultDeadlines deadlines = new ResultDeadlines(TIMEOUT)) {
			List<CompletableFuture<ActionResult>> unfinished = new ArrayList<>();
			int count = 3 * ResultDeadlines.PURGE_INTERVAL + 7;
			List<CompletableFuture<ActionResult>> finished = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				CompletableFuture<ActionResult> result = new CompletableFuture<>();
				deadlines.watch(result, this.late);
				if (i % 100 == 0) {
					unfinished.add(result);
				}
				else {
					result.complete(ActionResult.success());
					finished.add(result);
				}
			}
			CompletableFuture.allOf(unfinished.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
			assertThat(this.expired).hasValue(unfinished.size());
			assertThat(finished).allSatisfy((result) -> assertThat(result.get()).isEqualTo(ActionResult.success()));
		}
	}

	@Test
	void deadlinesWatchedAfterTheQueueRanEmptySetTheTimerAgain() throws Exception {
		try (ResultDeadlines deadlines = new ResultDeadlines(TIMEOUT)) {
			for (int round = 1; round <= 3; round++) {
				CompletableFuture<ActionResult> result = new CompletableFuture<>();
				deadlines.watch(result, this.late);
				result.get(10, TimeUnit.SECONDS);
				assertThat(this.expired).hasValue(round);
			}
		}
	}

	@Test
	void nothingExpiresAfterClose() throws Exception {
		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
		ResultDeadlines deadlines = new ResultDeadlines(TIMEOUT, timer);
		CompletableFuture<ActionResult> result = new CompletableFuture<>();
		deadlines.watch(result, this.late);
		deadlines.close();
		// Once the timer has no thread left, nothing can ever expire the result.
		assertThat(timer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		assertThat(result).isNotDone();
		assertThat(this.expired).hasValue(0);
	}

}
