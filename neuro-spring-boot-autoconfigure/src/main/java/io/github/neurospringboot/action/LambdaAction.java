package io.github.neurospringboot.action;

import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * An action written as a lambda, for actions that exist only for a while (in an action window, typically). Its
 * parameters are a record, whose schema is generated, and whose values are validated and bound, exactly as for a
 * {@code @NeuroAction} method; its handler returns what such a method may return.
 *
 * <pre>{@code
 * record Pick(@Min(1) @Max(3) int card) {}
 * LambdaAction.of("pick_card", "Pick one of the three cards.", Pick.class, (pick, context) -> deck.take(pick.card()));
 * }</pre>
 *
 * @param <P> the record of parameters, or {@link Void} for none
 * @param name the action's name, unique in the game: lower-case letters, digits, {@code _} and {@code -}
 * @param description what the action does, shown to Neuro
 * @param parameters the record type of the parameters, or {@code null} for none
 * @param handler runs the action with its bound parameters ({@code null} when there are none)
 */
public record LambdaAction<P>(String name, String description, @Nullable Class<P> parameters,
		BiFunction<@Nullable P, ActionContext, @Nullable Object> handler) {

	/**
	 * Create an action.
	 * @param name the action's name
	 * @param description what the action does
	 * @param parameters the record type of the parameters, or {@code null} for none
	 * @param handler runs the action
	 * @throws IllegalArgumentException if the parameters are not a record
	 */
	public LambdaAction {
		if (parameters != null && !parameters.isRecord()) {
			throw new IllegalArgumentException("The parameters of action '" + name + "' must be a record, whose "
					+ "components are the action's parameters; " + parameters.getName() + " is not");
		}
	}

	/**
	 * An action without parameters.
	 * @param name the action's name
	 * @param description what it does
	 * @param handler runs it
	 * @return the action
	 */
	public static LambdaAction<Void> of(String name, String description,
			Function<ActionContext, @Nullable Object> handler) {
		return new LambdaAction<>(name, description, null, (none, context) -> handler.apply(context));
	}

	/**
	 * An action whose parameters are the components of a record.
	 * @param <P> the record type
	 * @param name the action's name
	 * @param description what it does
	 * @param parameters the record type
	 * @param handler runs it
	 * @return the action
	 */
	public static <P extends Record> LambdaAction<P> of(String name, String description, Class<P> parameters,
			BiFunction<P, ActionContext, @Nullable Object> handler) {
		return new LambdaAction<>(name, description, parameters, handler::apply);
	}

}
