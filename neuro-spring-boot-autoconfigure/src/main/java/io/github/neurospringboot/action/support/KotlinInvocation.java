package io.github.neurospringboot.action.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import kotlin.reflect.KFunction;
import kotlin.reflect.KParameter;
import kotlin.reflect.jvm.KCallablesJvm;
import kotlin.reflect.jvm.ReflectJvmMapping;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.CoroutinesUtils;
import org.springframework.core.KotlinDetector;
import org.springframework.util.Assert;

/**
 * Calls an action method written in Kotlin as Kotlin would: a parameter Neuro left out that has a default value
 * gets that value, and a suspend function's result is handed over as a {@link CompletionStage}, which the
 * dispatcher awaits like any other (with the result deadline). Only loaded for Kotlin classes.
 */
final class KotlinInvocation {

	private final Method method;

	/** The function as Kotlin reflection sees it; {@code null} for a suspend function, which Spring calls. */
	private final @Nullable KFunction<?> function;

	private KotlinInvocation(Method method, @Nullable KFunction<?> function) {
		this.method = method;
		this.function = function;
	}

	/**
	 * Prepare the calls of a Kotlin method.
	 * @param method the method, of a Kotlin class
	 * @return its invocation
	 */
	static KotlinInvocation of(Method method) {
		if (KotlinDetector.isSuspendingFunction(method)) {
			return new KotlinInvocation(method, null);
		}
		KFunction<?> function = ReflectJvmMapping.getKotlinFunction(method);
		Assert.state(function != null, () -> "Kotlin reflection cannot read " + method);
		if (!KCallablesJvm.isAccessible(function)) {
			KCallablesJvm.setAccessible(function, true);
		}
		return new KotlinInvocation(method, function);
	}

	/**
	 * Call the method.
	 * @param target the bean to call it on
	 * @param args the arguments in the method's order; {@code null} for a parameter Neuro left out (a suspend
	 * function's continuation included, which Spring's coroutine support supplies)
	 * @return what the method returned, {@code null} for {@code Unit}; for a suspend function, a stage of its result
	 * @throws Exception whatever the method threw
	 */
	@Nullable Object invoke(Object target, @Nullable Object[] args) throws Exception {
		KFunction<?> function = this.function;
		if (function == null) {
			// Started at once on this thread (Spring's coroutines run unconfined); a Unit result completes it empty
			return Mono.from(CoroutinesUtils.invokeSuspendingFunction(this.method, target, args)).toFuture();
		}
		Map<KParameter, @Nullable Object> arguments = new HashMap<>();
		int index = 0;
		for (KParameter parameter : function.getParameters()) {
			if (parameter.getKind() == KParameter.Kind.INSTANCE) {
				arguments.put(parameter, target);
			}
			else {
				Object argument = args[index++];
				// Left out, Kotlin fills in the default value
				if (!(parameter.isOptional() && argument == null)) {
					arguments.put(parameter, argument);
				}
			}
		}
		try {
			Object result = function.callBy(arguments);
			return (this.method.getReturnType() == void.class) ? null : result;
		}
		catch (Exception ex) {
			// Kotlin reflection passes on what Java reflection threw, the method's own exception wrapped
			Throwable thrown = (ex instanceof InvocationTargetException invocation) ? invocation.getTargetException()
					: ex;
			if (thrown instanceof Error error) {
				throw error;
			}
			throw (thrown instanceof Exception exception) ? exception : ex;
		}
	}

}
