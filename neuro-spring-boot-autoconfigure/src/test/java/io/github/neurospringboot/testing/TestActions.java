package io.github.neurospringboot.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;

import io.github.neurospringboot.action.ActionContext;
import io.github.neurospringboot.action.ActionDispatcher;
import io.github.neurospringboot.action.ActionInvoker;
import io.github.neurospringboot.action.ActionObserver;
import io.github.neurospringboot.action.ActionRegistry;
import io.github.neurospringboot.action.ActionResultConverter;
import io.github.neurospringboot.action.ExecutableAction;
import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.registration.Registrations;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Actions and a dispatcher for tests of the state machines, made of the real parts the auto-configuration wires
 * (converter, invoker, dispatcher), with actions written as lambdas.
 */
public final class TestActions {

	/** A schema with one parameter, {@code cell}, an integer from 0 to 8. */
	public static final String CELL_SCHEMA = """
			{"type":"object","properties":{"cell":{"type":"integer","minimum":0,"maximum":8}},"required":["cell"]}""";

	private static final JsonMapper MAPPER = JsonMapper.shared();

	private TestActions() {
	}

	/**
	 * The definition of an action without parameters.
	 * @param name its name
	 * @return the definition
	 */
	public static ActionDefinition definition(String name) {
		return new ActionDefinition(name, "Do " + name + ".", null);
	}

	/**
	 * The definition of an action with parameters.
	 * @param name its name
	 * @param schema its schema, as JSON
	 * @return the definition
	 */
	public static ActionDefinition definition(String name, String schema) {
		return new ActionDefinition(name, "Do " + name + ".", (ObjectNode) MAPPER.readTree(schema));
	}

	/**
	 * An action without parameters.
	 * @param name its name
	 * @param handler what it does
	 * @return the action
	 */
	public static ExecutableAction action(String name, Function<ActionContext, @Nullable Object> handler) {
		return action(definition(name), handler);
	}

	/**
	 * An action.
	 * @param definition how Neuro sees it
	 * @param handler what it does
	 * @return the action
	 */
	public static ExecutableAction action(ActionDefinition definition,
			Function<ActionContext, @Nullable Object> handler) {
		return new ExecutableAction() {

			@Override
			public ActionDefinition definition() {
				return definition;
			}

			@Override
			public @Nullable Object execute(ActionContext context) {
				return handler.apply(context);
			}

			@Override
			public String toString() {
				return "test action '" + definition.name() + "'";
			}

		};
	}

	/**
	 * The result converter of the default properties (no exception messages exposed, Neuro retries on error).
	 * @return the converter
	 */
	public static ActionResultConverter converter() {
		return new ActionResultConverter(MAPPER, false, true, List.of());
	}

	/**
	 * A dispatcher. With {@code Runnable::run} as its executor, it runs each action on the thread that hands it over,
	 * so that a test knows the action has run (or returned the future it completes with) when {@code handle} returns.
	 * @param registry the executable actions
	 * @param registrations the registered actions
	 * @param resultTimeout the result deadline
	 * @param executor where actions run
	 * @param observers the observers
	 * @return the dispatcher, to be {@link ActionDispatcher#destroy() destroyed} after the test
	 */
	public static ActionDispatcher dispatcher(ActionRegistry registry, Registrations registrations,
			Duration resultTimeout, Executor executor, ActionObserver... observers) {
		return new ActionDispatcher(registry, registrations, new ActionInvoker(converter(), MAPPER), executor,
				resultTimeout, List.of(observers));
	}

}
