package io.github.neurospringboot.action.support;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.neurospringboot.action.ActionContext;
import io.github.neurospringboot.action.InvalidActionException;
import io.github.neurospringboot.annotation.NeuroParam;
import io.github.neurospringboot.schema.ActionSchemaGenerator;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.KotlinDetector;
import org.springframework.core.MethodParameter;
import org.springframework.util.ClassUtils;

/**
 * Which parameters of an action method Neuro fills, and under which names. This is the one rule that both the
 * generated schema and the argument binding follow, so they cannot disagree:
 * <ul>
 * <li>every parameter except an {@link ActionContext} (and a Kotlin suspend function's continuation) is filled from
 * Neuro's parameters;</li>
 * <li>when there is exactly one such parameter, its type is a record or a Kotlin data class, and it is not named
 * with {@link NeuroParam}, its components are the action's parameters (it is the whole payload);</li>
 * <li>otherwise each is one property, named after the parameter (or {@link NeuroParam#name()});</li>
 * <li>a property is optional when declared {@code Optional} or {@code @Nullable}, in Kotlin when its type is
 * nullable or it has a default value (as {@link MethodParameter#isOptional()} says), or when marked
 * {@link NeuroParam.Requirement#OPTIONAL}; otherwise required. A parameter that cannot be absent (a Java primitive;
 * in Kotlin, a non-null type without a default value) is always required.</li>
 * </ul>
 *
 * @param method the action method
 * @param payload the parameters Neuro fills, in declaration order
 * @param wholePayload whether the only payload parameter is a record or data class that receives all of Neuro's
 * parameters
 */
public record ActionSignature(Method method, List<PayloadParameter> payload, boolean wholePayload) {

	private static final Map<Method, ActionSignature> cache = new ConcurrentHashMap<>();

	/**
	 * The signature of an action method, computed once per method.
	 * @param method the method
	 * @return its signature
	 * @throws InvalidActionException if a parameter's name is unknown or a requirement cannot hold
	 */
	public static ActionSignature of(Method method) {
		return cache.computeIfAbsent(method, ActionSignature::introspect);
	}

	/**
	 * The payload parameter at a method parameter index.
	 * @param index the index in the method's parameter list
	 * @return the payload parameter
	 * @throws IllegalArgumentException if that parameter is not filled from Neuro's parameters
	 */
	public PayloadParameter parameter(int index) {
		for (PayloadParameter parameter : this.payload) {
			if (parameter.index() == index) {
				return parameter;
			}
		}
		throw new IllegalArgumentException("Parameter " + index + " of " + this.method + " is not an action parameter");
	}

	/**
	 * Whether Neuro fills this method parameter.
	 * @param parameter the parameter
	 * @return {@code false} for infrastructure types such as {@link ActionContext}
	 */
	public static boolean isPayload(MethodParameter parameter) {
		return !ActionContext.class.isAssignableFrom(parameter.getParameterType()) && !isContinuation(parameter);
	}

	/**
	 * Whether a method parameter is the continuation the Kotlin compiler adds to a suspend function.
	 * @param parameter the parameter
	 * @return {@code true} for the last parameter of a suspend function
	 */
	static boolean isContinuation(MethodParameter parameter) {
		Method method = parameter.getMethod();
		return method != null && KotlinDetector.isSuspendingFunction(method)
				&& parameter.getParameterIndex() == method.getParameterCount() - 1;
	}

	private static ActionSignature introspect(Method method) {
		List<PayloadParameter> payload = new ArrayList<>();
		Parameter[] parameters = method.getParameters();
		for (int i = 0; i < parameters.length; i++) {
			MethodParameter methodParameter = new MethodParameter(method, i);
			if (isPayload(methodParameter)) {
				payload.add(describe(method, parameters[i], methodParameter));
			}
		}
		boolean wholePayload = payload.size() == 1 && payload.get(0).type() instanceof Class<?> type
				&& (type.isRecord() || KotlinFunctions.isDataClass(type))
				&& !parameters[payload.get(0).index()].isAnnotationPresent(NeuroParam.class);
		return new ActionSignature(method, List.copyOf(payload), wholePayload);
	}

	private static PayloadParameter describe(Method method, Parameter parameter, MethodParameter methodParameter) {
		NeuroParam annotation = parameter.getAnnotation(NeuroParam.class);
		// Java keeps names with -parameters; Kotlin always has them, in its metadata
		methodParameter.initParameterNameDiscovery(DefaultParameterNameDiscoverer.getSharedInstance());
		String discovered = methodParameter.getParameterName();
		String name = (annotation != null && !annotation.name().isEmpty()) ? annotation.name()
				: (discovered != null) ? discovered : parameter.getName();
		if (discovered == null && (annotation == null || annotation.name().isEmpty())) {
			throw new InvalidActionException(where(method) + " has a parameter Neuro would know as '" + name
					+ "': the class was compiled without -parameters, so its parameter names are lost.",
					"Compile with -parameters (the Spring Boot parent POM does), or name the parameter with "
							+ "@NeuroParam(name = \"...\").");
		}
		NeuroParam.Requirement requirement = (annotation != null) ? annotation.required()
				: NeuroParam.Requirement.AUTO;
		boolean kotlin = KotlinFunctions.isKotlin(method);
		// Spring's rule: Optional, any @Nullable, and in Kotlin a nullable type or a default value
		boolean optionalByDeclaration = ActionSchemaGenerator.isOptionalType(parameter.getParameterizedType())
				|| methodParameter.isOptional();
		boolean mayBeAbsent = kotlin ? optionalByDeclaration : !parameter.getType().isPrimitive();
		if (!mayBeAbsent && requirement == NeuroParam.Requirement.OPTIONAL) {
			throw kotlin ? notAbsentInKotlin(method, methodParameter, name) : notAbsent(method, parameter, name);
		}
		boolean required = switch (requirement) {
			case REQUIRED -> true;
			case OPTIONAL -> false;
			case AUTO -> !mayBeAbsent || !optionalByDeclaration;
		};
		String description = (annotation != null) ? annotation.description() : "";
		return new PayloadParameter(methodParameter.getParameterIndex(), name, parameter.getParameterizedType(),
				required, description);
	}

	private static InvalidActionException notAbsent(Method method, Parameter parameter, String name) {
		return new InvalidActionException(where(method) + " marks its parameter '" + name + "' optional, but a "
				+ "primitive " + parameter.getType() + " cannot be absent.", "Declare it as "
						+ ClassUtils.resolvePrimitiveIfNecessary(parameter.getType()).getSimpleName()
						+ " or Optional instead.");
	}

	private static InvalidActionException notAbsentInKotlin(Method method, MethodParameter parameter, String name) {
		String type = KotlinFunctions.parameterTypeName(method, parameter.getParameterIndex());
		return new InvalidActionException(where(method) + " marks its parameter '" + name + "' optional, but a "
				+ "non-null " + type + " without a default value cannot be absent.", "Declare it as " + type
						+ "? or give it a default value instead.");
	}

	/**
	 * How a method is named in failure messages: {@code Game.placeMark(int)}, with the parameter types as its
	 * language names them ({@code Game.placeMark(Int, String?)} in Kotlin).
	 * @param method the method
	 * @return the class, the method and the parameter types
	 */
	static String where(Method method) {
		List<String> types = KotlinFunctions.isKotlin(method) ? KotlinFunctions.parameterTypeNames(method) : null;
		if (types == null) {
			types = Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).toList();
		}
		return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "(" + String.join(", ", types)
				+ ")";
	}

	/**
	 * A method parameter that Neuro fills.
	 *
	 * @param index its index in the method's parameter list
	 * @param name the property name Neuro sends it under
	 * @param type its declared generic type
	 * @param required whether Neuro must send it
	 * @param description what it means, or empty
	 */
	public record PayloadParameter(int index, String name, Type type, boolean required, String description) {
	}

}
