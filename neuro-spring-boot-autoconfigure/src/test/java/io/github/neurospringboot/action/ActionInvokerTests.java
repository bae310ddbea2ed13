package io.github.neurospringboot.action;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import ch.qos.logback.classic.Level;
import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.protocol.ActionRequest;
import io.github.neurospringboot.protocol.NeuroSession;
import io.github.neurospringboot.testing.TestActions;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import io.github.neurospringboot.testlogging.LogLine;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

import static io.github.neurospringboot.testing.TestActions.CELL_SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link ActionInvoker}, the pipeline of one call without a socket: parse, validate, execute, convert, with the
 * plain-words failures Neuro reads when her parameters are wrong.
 */
class ActionInvokerTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(ActionResultConverter.class);

	private final ActionInvoker invoker = new ActionInvoker(TestActions.converter(), JsonMapper.shared());

	private final AtomicReference<ActionContext> executed = new AtomicReference<>();

	@Test
	void validParametersReachTheActionWithTheCall() {
		NeuroSession session = new NeuroSession("s1", "neuro", "Neuro-sama");
		ActionResult result = invoke(placeMark((context) -> "Marked " + context.parameters().get("cell") + "."),
				new ActionRequest("7", "place_mark", "{\"cell\": 4, \"note\": \"extra parameters are ignored\"}"),
				Optional.of(session));
		assertThat(result).isEqualTo(ActionResult.success("Marked 4."));
		ActionContext context = this.executed.get();
		assertThat(context.id()).isEqualTo("7");
		assertThat(context.name()).isEqualTo("place_mark");
		assertThat(context.data()).isEqualTo("{\"cell\": 4, \"note\": \"extra parameters are ignored\"}");
		assertThat(context.session()).contains(session);
	}

	@Test
	void absentOrBlankDataMeansNoParameters() {
		ExecutableAction resign = resign();
		assertThat(invoke(resign, new ActionRequest("1", "resign", null))).isEqualTo(ActionResult.success());
		assertThat(this.executed.get().parameters().isEmpty()).isTrue();
		assertThat(invoke(resign, new ActionRequest("2", "resign", "  "))).isEqualTo(ActionResult.success());
		assertThat(this.executed.get().parameters().isEmpty()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{cell: 4}", "{\"cell\": 4} {}" })
	void dataThatIsNotJsonIsExplainedWithTheShapeExpected(String data) {
		assertThat(invoke(placeMark((context) -> "never"), new ActionRequest("1", "place_mark", data)))
			.isEqualTo(ActionResult.failure("Action failed: the parameters of 'place_mark' were not valid JSON. Send "
					+ "one JSON object, with names and text in double quotes, such as {\"cell\": …}."));
		assertThat(this.executed.get()).isNull();
	}

	@Test
	void parametersOnlyTheApplicationsLenientMapperReadsAreReadByIt() {
		JsonMapper lenient = JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();
		ActionInvoker invoker = new ActionInvoker(TestActions.converter(), lenient);
		CompletableFuture<ActionResult> result = invoker.invoke(entry(placeMark((context) -> "Marked.")),
				new ActionRequest("1", "place_mark", "{'cell': 4}"), Optional.empty());
		assertThat(result.join()).isEqualTo(ActionResult.success("Marked."));
		assertThat(this.executed.get().parameters().get("cell").intValue()).isEqualTo(4);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			[4]      | an array
			"4"      | a string
			4        | a number
			true     | a boolean
			null     | null
			""")
	void dataThatIsNotOneObjectIsExplainedWithWhatItWas(String data, String what) {
		assertThat(invoke(placeMark((context) -> "never"), new ActionRequest("1", "place_mark", data)))
			.isEqualTo(ActionResult.failure("Action failed: the parameters of 'place_mark' must be one JSON object, "
					+ "such as {\"cell\": …}, but were " + what + "."));
		assertThat(this.executed.get()).isNull();
	}

	@Test
	void anActionWithoutSchemaShowsAnEmptyObjectAsTheShapeExpected() {
		ExecutableAction resign = resign();
		assertThat(invoke(resign, new ActionRequest("1", "resign", "[]"))).isEqualTo(ActionResult.failure(
				"Action failed: the parameters of 'resign' must be one JSON object, such as {}, but were an array."));
	}

	@Test
	void parametersBreakingTheSchemaAreRefusedBeforeTheActionRuns() {
		assertThat(invoke(placeMark((context) -> "never"), new ActionRequest("1", "place_mark", "{\"cell\": 9}")))
			.isEqualTo(ActionResult.failure(
					"Action failed: invalid parameters for 'place_mark'. 'cell' must be at most 8, but was 9."));
		assertThat(invoke(placeMark((context) -> "never"), new ActionRequest("2", "place_mark", "{}")))
			.isEqualTo(ActionResult.failure(
					"Action failed: invalid parameters for 'place_mark'. Missing required parameter 'cell'."));
		assertThat(this.executed.get()).isNull();
	}

	@Test
	void aReturnedStageIsTheResultOnceItCompletes() {
		CompletableFuture<String> outcome = new CompletableFuture<>();
		CompletableFuture<ActionResult> result = this.invoker.invoke(entry(placeMark((context) -> outcome)),
				new ActionRequest("1", "place_mark", "{\"cell\": 4}"), Optional.empty());
		assertThat(result).isNotDone();
		outcome.complete("Marked.");
		assertThat(result).isCompletedWithValue(ActionResult.success("Marked."));
	}

	@Test
	void aStageFailingWithANeuroActionExceptionGivesItsFailure() {
		CompletableFuture<ActionResult> result = this.invoker.invoke(
				entry(placeMark((context) -> CompletableFuture.failedFuture(new NeuroActionException("Cell 4 is taken.")))),
				new ActionRequest("1", "place_mark", "{\"cell\": 4}"), Optional.empty());
		assertThat(result).isCompletedWithValue(ActionResult.failure("Cell 4 is taken."));
	}

	@Test
	void anUnexpectedExceptionIsLoggedAndNeuroGetsTheGenericFailure() {
		ActionResult result = invoke(placeMark((context) -> {
			throw new IllegalStateException("board not ready");
		}), new ActionRequest("9", "place_mark", "{\"cell\": 4}"));
		assertThat(result).isEqualTo(ActionResult
			.failure("Action failed: the game ran into an error while executing 'place_mark'."));
		assertThat(logs.lines()).extracting(LogLine::level, LogLine::message)
			.containsExactly(tuple(Level.WARN, "Action 'place_mark' (id 9) failed"));
	}

	private ExecutableAction placeMark(Function<ActionContext, @Nullable Object> handler) {
		return recording(TestActions.definition("place_mark", CELL_SCHEMA), handler);
	}

	private ExecutableAction resign() {
		return recording(TestActions.definition("resign"), (context) -> null);
	}

	/** An action that remembers the context it ran with. */
	private ExecutableAction recording(ActionDefinition definition, Function<ActionContext, @Nullable Object> handler) {
		return TestActions.action(definition, (context) -> {
			this.executed.set(context);
			return handler.apply(context);
		});
	}

	private ActionResult invoke(ExecutableAction action, ActionRequest request) {
		return invoke(action, request, Optional.empty());
	}

	private ActionResult invoke(ExecutableAction action, ActionRequest request, Optional<NeuroSession> session) {
		CompletableFuture<ActionResult> result = this.invoker.invoke(entry(action), request, session);
		assertThat(result).isDone();
		return result.join();
	}

	private static ActionRegistry.Entry entry(ExecutableAction action) {
		ActionRegistry registry = new ActionRegistry();
		registry.add(action);
		return registry.find(action.definition().name()).orElseThrow();
	}

}
