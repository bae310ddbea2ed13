package io.github.neurospringboot.action.support;

import java.lang.reflect.Method;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Checks bound arguments against constraints beyond the schema (Bean Validation, when it is on the classpath).
 */
public interface ParameterConstraints {

	/**
	 * Check the arguments of an action method.
	 * @param bean the bean the method is called on
	 * @param method the method
	 * @param arguments the bound arguments
	 * @param signature which arguments Neuro filled, and under which names
	 * @return one sentence per violation, for Neuro; empty when the arguments are fine
	 */
	List<String> violations(Object bean, Method method, @Nullable Object[] arguments, ActionSignature signature);

	/**
	 * Check a bound record of parameters (the parameters of a lambda action).
	 * @param parameters the record
	 * @return one sentence per violation, for Neuro; empty when the parameters are fine
	 */
	List<String> violations(Object parameters);

	/**
	 * Whether checking a method's arguments could find nothing that the schema check, which runs first, has not
	 * already found. The arguments of such a method are not checked again.
	 * @param method the method
	 * @return {@code true} if every constraint on the arguments is one the schema expresses exactly
	 */
	default boolean addsNothingToSchema(Method method) {
		return false;
	}

}
