package io.github.neurospringboot.action.support;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.neurospringboot.action.ActionContext;
import io.github.neurospringboot.action.NeuroActionException;
import io.github.neurospringboot.action.support.ActionSignature.PayloadParameter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * Binds a parameter from Neuro's parameters (the message payload, already validated against the schema) with the
 * application's {@link JsonMapper}, following {@link ActionSignature}: one property per parameter, or the whole
 * payload for a single record or data class parameter. Extra properties are ignored. A parameter Neuro left out is
 * {@code Optional.empty()} or {@code null}, which a Kotlin function receives as its default value when it has one.
 */
final class ActionParameterArgumentResolver implements HandlerMethodArgumentResolver {

	private final JsonMapper mapper;

	/** One reader per parameter type, made on its first call: making one costs more than reading a value. */
	private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();

	ActionParameterArgumentResolver(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return ActionSignature.isPayload(parameter);
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
		ObjectNode parameters = ((ActionContext) message.getPayload()).parameters();
		ActionSignature signature = ActionSignature.of(parameter.getMethod());
		PayloadParameter payloadParameter = signature.parameter(parameter.getParameterIndex());
		JsonNode value = signature.wholePayload() ? parameters : parameters.get(payloadParameter.name());
		if (value == null || value.isNull()) {
			return (parameter.getParameterType() == Optional.class) ? Optional.empty() : null;
		}
		try {
			return this.readers.computeIfAbsent(payloadParameter.type(), this::reader).readValue(value);
		}
		catch (JacksonException ex) {
			String subject = signature.wholePayload() ? "the parameters" : "parameter '" + payloadParameter.name() + "'";
			throw new NeuroActionException("Action failed: " + subject + " could not be read ("
					+ ex.getOriginalMessage() + ").");
		}
	}

	private ObjectReader reader(Type type) {
		return this.mapper.readerFor(this.mapper.constructType(type))
			.without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	}

}
