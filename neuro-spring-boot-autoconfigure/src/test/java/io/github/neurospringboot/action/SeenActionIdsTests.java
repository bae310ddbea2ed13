package io.github.neurospringboot.action;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SeenActionIds}.
 */
class SeenActionIdsTests {

	private static final int MANY = 100_000;

	@Test
	void anIdRepeatedAfterAsManyOthersAsItsCapacityAllowsIsRecognised() {
		SeenActionIds seen = new SeenActionIds();
		assertThat(seen.add("first")).isTrue();
		for (int i = 0; i < SeenActionIds.CAPACITY - 1; i++) {
			seen.add("neuro-" + i);
		}
		assertThat(seen.add("first")).isFalse();
		assertThat(seen.add("neuro-0")).isFalse();
	}

	@Test
	void distinctIdsAreAllAccepted() {
		SeenActionIds seen = new SeenActionIds();
		assertThat(IntStream.range(0, MANY).filter((i) -> !seen.add(String.valueOf(i)))).isEmpty();
	}

	@Test
	void pastItsCapacityTheOldestIdsAreForgotten() {
		SeenActionIds seen = new SeenActionIds(3);
		List.of("a", "b", "c", "d").forEach(seen::add);
		assertThat(seen.add("b")).isFalse();
		assertThat(seen.add("a")).isTrue();
	}

	@Test
	void anIdAddedFromManyThreadsIsNewOnlyOnce() throws Exception {
		SeenActionIds seen = new SeenActionIds();
		List<Callable<Integer>> adders = new ArrayList<>();
		for (int thread = 0; thread < 4; thread++) {
			adders.add(() -> (int) IntStream.range(0, 10_000).filter((i) -> seen.add("id-" + i)).count());
		}
		ExecutorService executor = Executors.newFixedThreadPool(adders.size());
		try {
			int firstSights = 0;
			for (Future<Integer> added : executor.invokeAll(adders)) {
				firstSights += added.get();
			}
			assertThat(firstSights).isEqualTo(10_000);
		}
		finally {
			executor.shutdownNow();
		}
	}

}
