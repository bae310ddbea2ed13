package io.github.neurospringboot.aot;

import java.lang.reflect.Method;

import io.github.neurospringboot.action.support.ActionSignature;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.core.MethodParameter;
import org.springframework.util.ClassUtils;

/**
 * The hints one {@code @NeuroAction} method needs: finding and invoking it (on its class, or through the interface
 * a JDK proxy exposes), and binding, validating and describing every type Neuro fills (the same parameters
 * {@link ActionSignature} makes the payload), and writing what it returns as JSON.
 */
final class ActionMethodHints {

	private final BindingTypeHints types = new BindingTypeHints();

	/**
	 * Register the hints of an action method.
	 * @param hints where the hints go
	 * @param method the annotated method, on the bean's target class
	 */
	void register(ReflectionHints hints, Method method) {
		// The whole class, for the lookup that finds its annotated methods at startup.
		hints.registerType(method.getDeclaringClass());
		hints.registerMethod(method, ExecutableMode.INVOKE);
		Method onInterface = ClassUtils.getInterfaceMethodIfPossible(method, method.getDeclaringClass());
		if (!onInterface.equals(method)) {
			hints.registerType(onInterface.getDeclaringClass());
			hints.registerMethod(onInterface, ExecutableMode.INVOKE);
		}
		for (int i = 0; i < method.getParameterCount(); i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			if (ActionSignature.isPayload(parameter)) {
				this.types.register(hints, parameter.getGenericParameterType());
			}
		}
		// Anything but a String or an ActionResult (in a CompletionStage or an Optional, or not) is written as JSON.
		if (method.getReturnType() != void.class) {
			this.types.register(hints, method.getGenericReturnType());
		}
	}

}
