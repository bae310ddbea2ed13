package io.github.neurospringboot.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.github.neurospringboot.action.ActionDispatcher;
import io.github.neurospringboot.action.ActionInvoker;
import io.github.neurospringboot.action.ActionRegistry;
import io.github.neurospringboot.action.ActionResultConverter;
import io.github.neurospringboot.action.ConnectionCalls;
import io.github.neurospringboot.action.ExecutableAction;
import io.github.neurospringboot.action.support.BeanValidationParameterKeywords;
import io.github.neurospringboot.action.support.MethodActionFactory;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.protocol.ActionRequest;
import io.github.neurospringboot.protocol.NeuroMessageCodec;
import io.github.neurospringboot.registration.Registrations;
import io.github.neurospringboot.schema.ActionSchemaGenerator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * The cost of one action, from the incoming frame to the outgoing {@code action/result}: decode the frame, look the
 * action up, parse its {@code data} string, validate it against the advertised schema, invoke the
 * {@code @NeuroAction} method through spring-messaging, convert the result, encode and write the frame. Beside it,
 * the baseline does the least any client must: parse the same frame and its data string with the same mapper and
 * encode the same result. Their ratio is the price of everything the starter adds.
 *
 * <p>Run: {@code ./mvnw -q -pl neuro-spring-boot-benchmarks -am package -DskipTests && java -jar
 * neuro-spring-boot-benchmarks/target/benchmarks.jar ActionDispatchBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
public class ActionDispatchBenchmark {

	/** Frames with distinct ids; each round of them is played on a connection of its own, so none is a repeat. */
	private static final int DISTINCT_IDS = 4096;

	private final String[] frames = new String[DISTINCT_IDS];

	private int next;

	private JsonMapper mapper;

	private NeuroMessageCodec codec;

	private ActionDispatcher dispatcher;

	private EncodingLink link;

	private ConnectionCalls calls;

	@Setup
	public void setUp() throws NoSuchMethodException {
		for (int i = 0; i < DISTINCT_IDS; i++) {
			this.frames[i] = "{\"command\":\"action\",\"data\":{\"id\":\"" + i
					+ "\",\"name\":\"place_mark\",\"data\":\"{\\\"cell\\\":" + (i % 9) + "}\"}}";
		}
		this.mapper = JsonMapper.builder().build();
		this.codec = new NeuroMessageCodec(this.mapper, "Test Game");
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerSingleton("ticTacToe", new TicTacToe());
		MethodActionFactory factory = new MethodActionFactory(new ActionSchemaGenerator(this.mapper, List.of()),
				this.mapper, null, new BeanValidationParameterKeywords());
		ExecutableAction placeMark = factory.create("ticTacToe", beanFactory,
				TicTacToe.class.getMethod("placeMark", int.class),
				TicTacToe.class.getMethod("placeMark", int.class).getAnnotation(NeuroAction.class));
		ActionRegistry registry = new ActionRegistry();
		registry.add(placeMark);
		Registrations registrations = new Registrations();
		registrations.acquire(Registrations.APPLICATION, List.of(placeMark.definition()));
		// Actions run on the calling thread, so that the measurement is the work and not a thread hand-off.
		this.dispatcher = new ActionDispatcher(registry, registrations,
				new ActionInvoker(new ActionResultConverter(this.mapper, false, true, List.of()), this.mapper),
				Runnable::run, Duration.ofSeconds(5), List.of());
		this.link = new EncodingLink(this.codec);
		this.calls = newConnection();
	}

	private ConnectionCalls newConnection() {
		return new ConnectionCalls(this.link, new ConnectionCalls.Listener() {
		}, Optional::empty);
	}

	@TearDown
	public void tearDown() {
		this.dispatcher.destroy();
	}

	@Benchmark
	public Object starter() {
		ActionRequest request = (ActionRequest) this.codec.decode(nextFrame());
		this.dispatcher.handle(request, this.calls);
		return this.link.lastFrame();
	}

	@Benchmark
	public String baseline() {
		JsonNode frame = this.mapper.readTree(nextFrame());
		JsonNode parameters = this.mapper.readTree(frame.at("/data/data").asString());
		return this.mapper.writeValueAsString(Map.of("command", "action/result", "game", "Test Game", "data",
				Map.of("id", frame.at("/data/id").asString(), "success", parameters.has("cell"))));
	}

	private String nextFrame() {
		String frame = this.frames[this.next];
		this.next = (this.next + 1) % DISTINCT_IDS;
		if (this.next == 0) {
			this.calls = newConnection();
		}
		return frame;
	}

	/** The action measured: a method with one bounded parameter, as in the Neuro API's own examples. */
	public static class TicTacToe {

		@NeuroAction(description = "Place your mark on an empty cell.")
		public void placeMark(@Min(0) @Max(8) int cell) {
		}

	}

}
