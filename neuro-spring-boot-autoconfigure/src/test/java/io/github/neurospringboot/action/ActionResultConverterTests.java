package io.github.neurospringboot.action;

import java.util.List;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import io.github.neurospringboot.testlogging.LogLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link ActionResultConverter} with {@link ActionErrorHandler}s: the first answer wins, a handler that fails is passed
 * over, and what none answers gets the generic failure. The handlers' wiring as beans, in order, is shown over the
 * wire by the test kit's {@code ActionDispatchIntegrationTests}.
 */
class ActionResultConverterTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(ActionResultConverter.class);

	private static final ActionContext CONTEXT = new ActionContext("7", "explode", null,
			JsonMapper.shared().createObjectNode(), Optional.empty());

	private static final String GENERIC = "Action failed: the game ran into an error while executing 'explode'.";

	@Test
	void aHandlerThatFailsIsPassedOverAndTheNextAnswers() {
		ActionErrorHandler failing = (exception, call) -> {
			throw new IllegalStateException("handler bug");
		};
		ActionErrorHandler answering = (exception, call) -> ActionResult.failure(call.name() + ": " + exception.getMessage());
		ActionResultConverter converter = converter(failing, answering);
		assertThat(converter.fromFailure(new IllegalArgumentException("no such cell"), CONTEXT))
			.isEqualTo(ActionResult.failure("explode: no such cell"));
		assertThat(logs.lines()).extracting(LogLine::level, LogLine::message)
			.contains(tuple(Level.ERROR, "Action error handler " + failing + " failed on the exception of action "
					+ "'explode' (id 7)"));
	}

	@Test
	void anExceptionNoHandlerAnswersGetsTheGenericFailure() {
		ActionErrorHandler passing = (exception, call) -> null;
		assertThat(converter(passing).fromFailure(new IllegalArgumentException("no such cell"), CONTEXT))
			.isEqualTo(ActionResult.failure(GENERIC));
	}

	@Test
	void aNeuroActionExceptionNeverReachesTheHandlers() {
		ActionErrorHandler catchAll = (exception, call) -> ActionResult.failure("caught");
		assertThat(converter(catchAll).fromFailure(new NeuroActionException("Cell 4 is taken."), CONTEXT))
			.isEqualTo(ActionResult.failure("Cell 4 is taken."));
	}

	private static ActionResultConverter converter(ActionErrorHandler... handlers) {
		return new ActionResultConverter(JsonMapper.shared(), false, true, List.of(handlers));
	}

}
