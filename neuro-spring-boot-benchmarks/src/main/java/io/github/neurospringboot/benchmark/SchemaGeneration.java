package io.github.neurospringboot.benchmark;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.github.neurospringboot.action.support.BeanValidationParameterKeywords;
import io.github.neurospringboot.action.support.MethodActionFactory;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.schema.ActionSchemaGenerator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * The time to turn 1,000 {@code @NeuroAction} methods into actions, as the starter does at startup for each one it
 * finds: check the declaration, generate the schema (victools, with the Jakarta Validation keywords), describe the
 * parameters. The methods are the six of {@link Actions}, from one bounded {@code int} to a record holding a list of
 * records, in turn. It prints the first 1,000 of a fresh JVM (what an application's startup pays: class loading and
 * the interpreter included), then the median of ten more rounds of 1,000, warm.
 */
public final class SchemaGeneration {

	private static final int ACTIONS = 1_000;

	private SchemaGeneration() {
	}

	/**
	 * Time the generation and print {@value GameRunner#REPLY}{@code schemas <cold ns> <warm ns>}.
	 * @param args none
	 * @throws Exception if an action cannot be created
	 */
	public static void main(String[] args) throws Exception {
		long start = System.nanoTime();
		MethodActionFactory factory = factory();
		generate(factory);
		long cold = System.nanoTime() - start;
		long[] warm = new long[10];
		for (int i = 0; i < warm.length; i++) {
			long round = System.nanoTime();
			generate(factory);
			warm[i] = System.nanoTime() - round;
		}
		Arrays.sort(warm);
		System.out.println(GameRunner.REPLY + "schemas " + cold + " " + warm[warm.length / 2]);
	}

	/** As the auto-configuration makes it: the application's mapper, the Jakarta Validation keywords. */
	private static MethodActionFactory factory() {
		JsonMapper mapper = JsonMapper.builder().build();
		return new MethodActionFactory(new ActionSchemaGenerator(mapper, List.of()), mapper, null,
				new BeanValidationParameterKeywords());
	}

	private static void generate(MethodActionFactory factory) {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerSingleton("actions", new Actions());
		List<Method> methods = Arrays.stream(Actions.class.getDeclaredMethods())
			.filter((method) -> method.isAnnotationPresent(NeuroAction.class))
			.toList();
		for (int i = 0; i < ACTIONS; i++) {
			Method method = methods.get(i % methods.size());
			factory.create("actions", beanFactory, method, method.getAnnotation(NeuroAction.class));
		}
	}

	/** Actions of the shapes games declare. */
	static class Actions {

		@NeuroAction(description = "Place your mark on an empty cell.")
		void placeMark(@Min(0) @Max(8) int cell) {
		}

		@NeuroAction(description = "Move a piece.")
		void move(Move move) {
		}

		@NeuroAction(description = "Say something to the other players.")
		void say(@Size(max = 200) String text, Optional<Boolean> loud) {
		}

		@NeuroAction(description = "Order items from the shop.")
		void order(Order order) {
		}

		@NeuroAction(description = "Choose the piece to promote a pawn to.")
		void promote(Piece piece) {
		}

		@NeuroAction(description = "Give up this game.")
		void resign() {
		}

	}

	enum Piece {

		QUEEN, ROOK, BISHOP, KNIGHT

	}

	record Move(Piece piece, @Min(1) @Max(8) int file, @Min(1) @Max(8) int rank) {
	}

	record Order(@Size(min = 1, max = 10) List<Item> items, @Size(max = 100) String note) {
	}

	record Item(@NotBlank String name, @Positive int count) {
	}

}
