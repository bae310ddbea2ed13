package io.github.neurospringboot.schema;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link ActionSchemaGenerator} can be used from several threads at once, although victools cannot.
 */
class ActionSchemaGeneratorConcurrencyTests {

	private static final int THREADS = 8;

	private static final int GENERATIONS_PER_THREAD = 200;

	private static final List<Type> TYPES = List.of(Square.class, Move.class, Game.class, Suit.class, int.class,
			String.class, new ParameterizedTypeReference<List<Move>>() {
			}.getType(), new ParameterizedTypeReference<Set<Suit>>() {
			}.getType(), new ParameterizedTypeReference<Optional<Game>>() {
			}.getType(), Tree.class, new ParameterizedTypeReference<Map<String, Square>>() {
			}.getType());

	private final ActionSchemaGenerator generator = new ActionSchemaGenerator(JsonMapper.builder().build(),
			List.of());

	@Test
	void generationFromSeveralThreadsGivesTheSingleThreadedResults() throws Exception {
		List<String> expected = TYPES.stream().map(this::generate).toList();
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<List<String>>> results = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				int offset = thread;
				results.add(executor.submit(() -> {
					start.await();
					List<String> outcomes = new ArrayList<>();
					for (int i = 0; i < GENERATIONS_PER_THREAD; i++) {
						outcomes.add(generate(TYPES.get((offset + i) % TYPES.size())));
					}
					return outcomes;
				}));
			}
			start.countDown();
			for (int thread = 0; thread < THREADS; thread++) {
				List<String> outcomes = results.get(thread).get(1, TimeUnit.MINUTES);
				for (int i = 0; i < GENERATIONS_PER_THREAD; i++) {
					assertThat(outcomes.get(i)).isEqualTo(expected.get((thread + i) % TYPES.size()));
				}
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	/** The schema, or the message of the failure, so that failures must be just as stable. */
	private String generate(Type type) {
		try {
			return this.generator.propertySchema(type).toString();
		}
		catch (UnsupportedSchemaException ex) {
			return ex.getMessage();
		}
	}

	enum Suit {

		@JsonProperty("hearts")
		HEARTS, @JsonProperty("spades")
		SPADES

	}

	record Square(char file, @Min(1) @Max(8) int rank) {
	}

	record Move(Square from, Square to, Optional<Suit> promotion) {
	}

	record Game(String name, List<Move> moves, Set<Suit> suits) {
	}

	record Tree(String label, List<Tree> children) {
	}

}
