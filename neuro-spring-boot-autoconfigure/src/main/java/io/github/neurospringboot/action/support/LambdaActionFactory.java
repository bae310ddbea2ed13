package io.github.neurospringboot.action.support;

import io.github.neurospringboot.action.ActionContext;
import io.github.neurospringboot.action.ExecutableAction;
import io.github.neurospringboot.action.LambdaAction;
import io.github.neurospringboot.action.NeuroActionException;
import io.github.neurospringboot.action.ParameterMessages;
import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.schema.ActionSchemaGenerator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@link LambdaAction} into an {@link ExecutableAction}: the schema of its record generated like a
 * {@code @NeuroAction} method's single record parameter, its parameters bound with the application's mapper and
 * checked with Bean Validation when available.
 */
public final class LambdaActionFactory {

	private final ActionSchemaGenerator schemas;

	private final JsonMapper mapper;

	private final @Nullable ParameterConstraints constraints;

	/**
	 * Create a factory.
	 * @param schemas generates the parameters' schema
	 * @param mapper binds the parameters
	 * @param constraints checks bound parameters beyond the schema, or {@code null}
	 */
	public LambdaActionFactory(ActionSchemaGenerator schemas, JsonMapper mapper,
			@Nullable ParameterConstraints constraints) {
		this.schemas = schemas;
		this.mapper = mapper;
		this.constraints = constraints;
	}

	/**
	 * Create the executable action.
	 * @param <P> the parameters' record type
	 * @param action the lambda action
	 * @return the executable action
	 * @throws io.github.neurospringboot.schema.UnsupportedSchemaException if the record cannot be described to Neuro
	 */
	public <P> ExecutableAction create(LambdaAction<P> action) {
		Class<P> type = action.parameters();
		ActionDefinition definition = new ActionDefinition(action.name(), action.description(),
				(type != null) ? this.schemas.objectSchema(type) : null);
		ObjectReader reader = (type != null)
				? this.mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) : null;
		return new ExecutableAction() {

			@Override
			public ActionDefinition definition() {
				return definition;
			}

			@Override
			public @Nullable Object execute(ActionContext context) {
				return action.handler().apply(bind(reader, context, action.name()), context);
			}

			@Override
			public String toString() {
				return "lambda action '" + action.name() + "'";
			}

		};
	}

	private <P> @Nullable P bind(@Nullable ObjectReader reader, ActionContext context, String name) {
		if (reader == null) {
			return null;
		}
		P parameters;
		try {
			parameters = reader.readValue(context.parameters());
		}
		catch (JacksonException ex) {
			throw new NeuroActionException("Action failed: the parameters could not be read ("
					+ ex.getOriginalMessage() + ").");
		}
		if (this.constraints != null) {
			java.util.List<String> violations = this.constraints.violations(parameters);
			if (!violations.isEmpty()) {
				throw new NeuroActionException(ParameterMessages.invalid(name, violations));
			}
		}
		return parameters;
	}

}
