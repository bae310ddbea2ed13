package io.github.neurospringboot.action.support;

import java.util.List;

import io.github.neurospringboot.action.ActionContext;
import io.github.neurospringboot.action.ExecutableAction;
import io.github.neurospringboot.action.NeuroActionException;
import io.github.neurospringboot.action.ParameterMessages;
import io.github.neurospringboot.protocol.ActionDefinition;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.handler.HandlerMethod;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolverComposite;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.support.GenericMessage;

/**
 * An action backed by a {@code @NeuroAction} method, invoked through spring-messaging's
 * {@link InvocableHandlerMethod}: Neuro's parameters are the message payload, the {@link ActionContext} a header,
 * and argument resolvers bind each parameter. A method written in Kotlin is called through Kotlin reflection
 * ({@link KotlinInvocation}); a suspend function returns a {@code CompletionStage} of its result.
 */
final class MethodAction implements ExecutableAction {

	/**
	 * The headers of every message a call is invoked with (its payload is the call's context): neither an id nor a
	 * timestamp, which nothing reads and which would cost a random UUID and a clock read per call.
	 */
	private static final MessageHeaders NO_HEADERS = new NoHeaders();

	private final ActionDefinition definition;

	private final HandlerMethod handlerMethod;

	private final HandlerMethodArgumentResolverComposite resolvers;

	private final @Nullable ParameterConstraints constraints;

	/** How a method written in Kotlin is called; {@code null} for Java. */
	private final @Nullable KotlinInvocation kotlin;

	private final boolean blocking;

	private volatile @Nullable InvocableHandlerMethod invocable;

	MethodAction(ActionDefinition definition, HandlerMethod handlerMethod,
			HandlerMethodArgumentResolverComposite resolvers, @Nullable ParameterConstraints constraints,
			boolean blocking) {
		this.definition = definition;
		this.blocking = blocking;
		this.handlerMethod = handlerMethod;
		this.resolvers = resolvers;
		this.constraints = constraints;
		this.kotlin = KotlinFunctions.isKotlin(handlerMethod.getMethod())
				? KotlinInvocation.of(handlerMethod.getMethod()) : null;
	}

	@Override
	public ActionDefinition definition() {
		return this.definition;
	}

	@Override
	public boolean mayBlock() {
		return this.blocking;
	}

	@Override
	public @Nullable Object execute(ActionContext context) throws Exception {
		return invocable().invoke(new GenericMessage<>(context, NO_HEADERS));
	}

	/** The bean is resolved on the first call, when every singleton exists, and kept. */
	private InvocableHandlerMethod invocable() {
		InvocableHandlerMethod method = this.invocable;
		if (method == null) {
			method = new ConstrainedHandlerMethod(this.handlerMethod.createWithResolvedBean());
			method.setMessageMethodArgumentResolvers(this.resolvers);
			this.invocable = method;
		}
		return method;
	}

	@Override
	public String toString() {
		return ActionSignature.where(this.handlerMethod.getMethod());
	}

	/** Checks the bound arguments against {@link ParameterConstraints} before the method runs. */
	private final class ConstrainedHandlerMethod extends InvocableHandlerMethod {

		ConstrainedHandlerMethod(HandlerMethod handlerMethod) {
			super(handlerMethod);
		}

		@Override
		protected @Nullable Object doInvoke(@Nullable Object... args) throws Exception {
			ParameterConstraints checks = MethodAction.this.constraints;
			if (checks != null) {
				List<String> violations = checks.violations(getBean(), getMethod(), args,
						ActionSignature.of(getMethod()));
				if (!violations.isEmpty()) {
					throw new NeuroActionException(
							ParameterMessages.invalid(MethodAction.this.definition.name(), violations));
				}
			}
			// Kotlin functions are called as Kotlin calls them: default values, suspend functions
			KotlinInvocation kotlin = MethodAction.this.kotlin;
			return (kotlin != null) ? kotlin.invoke(getBean(), args) : super.doInvoke(args);
		}

	}

	/** Headers without an id or a timestamp: only a subclass can make them. */
	private static final class NoHeaders extends MessageHeaders {

		NoHeaders() {
			super(null, ID_VALUE_NONE, -1L);
		}

	}

}
