package io.github.neurospringboot.action.support;

import io.github.neurospringboot.action.ActionContext;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * Injects the {@link ActionContext} of the call into a parameter of that type.
 */
final class ActionContextArgumentResolver implements HandlerMethodArgumentResolver {

	/** The message header that carries the context. */
	static final String CONTEXT_HEADER = "neuro.actionContext";

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return ActionContext.class.isAssignableFrom(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, Message<?> message) {
		Object context = message.getHeaders().get(CONTEXT_HEADER);
		if (context == null) {
			throw new IllegalStateException("No action context in the message");
		}
		return context;
	}

}
