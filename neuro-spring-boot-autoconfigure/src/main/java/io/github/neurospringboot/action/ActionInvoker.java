package io.github.neurospringboot.action;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.protocol.ActionRequest;
import io.github.neurospringboot.protocol.NeuroSession;
import io.github.neurospringboot.protocol.PerThreadJson;
import io.github.neurospringboot.schema.SchemaValidator;
import io.github.neurospringboot.schema.SchemaViolation;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The invocation pipeline of one call: parse the {@code data} string (absent or blank means no parameters), validate
 * it against the schema that was advertised, execute, convert the outcome into a result. It knows nothing of
 * connections or deadlines, so it can be exercised without a socket. A failure caused by bad data says how to
 * succeed: the parameter, the rule, the allowed values; extra parameters are ignored.
 */
public final class ActionInvoker {

	private final ActionResultConverter converter;

	private final JsonMapper mapper;

	/**
	 * Create an invoker.
	 * @param converter turns outcomes into results
	 * @param mapper parses the parameters
	 */
	public ActionInvoker(ActionResultConverter converter, JsonMapper mapper) {
		this.converter = converter;
		this.mapper = mapper;
	}

	/**
	 * Run one call of an action on this thread.
	 * @param entry the action and its validator
	 * @param request the call
	 * @param session who is playing, when Neuro said
	 * @return the result: complete when the method returned, or completing with the {@code CompletionStage} it
	 * returned; never exceptional
	 */
	public CompletableFuture<ActionResult> invoke(ActionRegistry.Entry entry, ActionRequest request,
			Optional<NeuroSession> session) {
		ActionDefinition definition = entry.action().definition();
		ObjectNode parameters;
		try {
			parameters = parameters(request.data(), definition);
		}
		catch (InvalidParametersException ex) {
			return CompletableFuture.completedFuture(ActionResult.failure(ex.getMessage()));
		}
		ActionResult invalid = validate(entry.validator(), parameters, definition.name());
		if (invalid != null) {
			return CompletableFuture.completedFuture(invalid);
		}
		ActionContext context = new ActionContext(String.valueOf(request.id()), definition.name(), request.data(),
				parameters, session);
		try {
			Object value = entry.action().execute(context);
			if (value instanceof CompletionStage<?> stage) {
				return stage.handle((asyncValue, failure) -> outcome(asyncValue, failure, context))
					.toCompletableFuture();
			}
			return CompletableFuture.completedFuture(outcome(value, null, context));
		}
		catch (Throwable ex) {
			return CompletableFuture.completedFuture(outcome(null, ex, context));
		}
	}

	private static @Nullable ActionResult validate(@Nullable SchemaValidator validator, ObjectNode parameters,
			String name) {
		if (validator == null) {
			return null;
		}
		List<SchemaViolation> violations = validator.validate(parameters);
		if (violations.isEmpty()) {
			return null;
		}
		return ActionResult.failure(
				ParameterMessages.invalid(name, violations.stream().map(SchemaViolation::message).toList()));
	}

	private ActionResult outcome(@Nullable Object value, @Nullable Throwable failure, ActionContext context) {
		if (failure != null) {
			Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
					? failure.getCause() : failure;
			return this.converter.fromFailure(cause, context);
		}
		try {
			return this.converter.fromValue(value);
		}
		catch (RuntimeException ex) {
			return this.converter.fromFailure(ex, context);
		}
	}

	private ObjectNode parameters(@Nullable String data, ActionDefinition definition) {
		if (data == null || data.isBlank()) {
			return this.mapper.createObjectNode();
		}
		JsonNode node;
		try {
			node = readStrictly(data);
			if (node == null) {
				node = this.mapper.readTree(data);
			}
		}
		catch (JacksonException ex) {
			// The parser's own words (a character code, a column) mean nothing to Neuro, who reads this on stream.
			throw new InvalidParametersException("Action failed: the parameters of '" + definition.name()
					+ "' were not valid JSON. Send one JSON object, with names and text in double quotes, such as "
					+ example(definition) + ".");
		}
		if (!(node instanceof ObjectNode object)) {
			throw new InvalidParametersException("Action failed: the parameters of '" + definition.name()
					+ "' must be one JSON object, such as " + example(definition) + ", but were " + describe(node)
					+ ".");
		}
		return object;
	}

	/**
	 * The parameters as strict JSON, into the mapper's nodes, with {@link PerThreadJson}.
	 * @return the tree, or {@code null} if the text is not strict JSON, for the mapper to read
	 */
	private @Nullable JsonNode readStrictly(String data) {
		try (JsonParser parser = PerThreadJson.parser(data)) {
			JsonNode node = this.mapper.readTree(parser);
			return (parser.nextToken() == null) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** A skeleton of the parameters, with the property names of the action's schema, to show the expected shape. */
	private static String example(ActionDefinition definition) {
		if (definition.schema() == null) {
			return "{}";
		}
		return definition.schema().path("properties").propertyNames().stream()
			.map((property) -> "\"" + property + "\": …")
			.collect(Collectors.joining(", ", "{", "}"));
	}

	private static String describe(JsonNode node) {
		return switch (node.getNodeType()) {
			case ARRAY -> "an array";
			case NULL -> "null";
			case STRING -> "a string";
			case BOOLEAN -> "a boolean";
			case NUMBER -> "a number";
			default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
		};
	}

	/** Parameters that are not one JSON object; the message is meant for Neuro. */
	private static final class InvalidParametersException extends RuntimeException {

		InvalidParametersException(String message) {
			super(message);
		}

	}

}
