package io.github.neurospringboot.action.support;

import io.github.neurospringboot.action.ActionContext;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * Injects the {@link ActionContext} of the call, the payload of the message an action method is invoked with, into a
 * parameter of that type.
 */
final class ActionContextArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return ActionContext.class.isAssignableFrom(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, Message<?> message) {
		return message.getPayload();
	}

}
