package io.github.neurospringboot.action.support;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * Leaves a Kotlin suspend function's continuation empty: Spring's coroutine support, which calls the function
 * ({@link KotlinInvocation}), supplies its own.
 */
final class ContinuationArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return ActionSignature.isContinuation(parameter);
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
		return null;
	}

}
