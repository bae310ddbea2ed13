package io.github.neurospringboot.action.support;

import java.lang.reflect.Method;
import java.util.List;

import kotlin.jvm.JvmClassMappingKt;
import kotlin.reflect.KClass;
import kotlin.reflect.KFunction;
import kotlin.reflect.KParameter;
import kotlin.reflect.KType;
import kotlin.reflect.jvm.ReflectJvmMapping;
import org.jspecify.annotations.Nullable;

import org.springframework.core.KotlinDetector;

/**
 * What Kotlin says about an action method written in Kotlin: the shape of its parameters and their names as its
 * author wrote them. Only called for Kotlin classes with Kotlin reflection present, so that games in Java never load
 * Kotlin.
 */
final class KotlinFunctions {

	private KotlinFunctions() {
	}

	/**
	 * Whether a method was written in Kotlin and Kotlin reflection can read it.
	 * @param method the method
	 * @return whether its Kotlin declaration can be read
	 */
	static boolean isKotlin(Method method) {
		return KotlinDetector.isKotlinReflectPresent() && KotlinDetector.isKotlinType(method.getDeclaringClass());
	}

	/**
	 * Whether a class is a Kotlin data class.
	 * @param type the class
	 * @return {@code true} for a {@code data class}
	 */
	static boolean isDataClass(Class<?> type) {
		return KotlinDetector.isKotlinReflectPresent() && KotlinDetector.isKotlinType(type)
				&& JvmClassMappingKt.getKotlinClass(type).isData();
	}

	/**
	 * The types of a Kotlin function's value parameters as Kotlin names them: {@code Int}, {@code String?},
	 * {@code List}, without type arguments (as a Java signature names its erased types). A suspend function's
	 * continuation is not among them.
	 * @param method a method of a Kotlin class
	 * @return the type names, in declaration order, or {@code null} if Kotlin reflection cannot read the method
	 */
	static @Nullable List<String> parameterTypeNames(Method method) {
		KFunction<?> function = ReflectJvmMapping.getKotlinFunction(method);
		if (function == null) {
			return null;
		}
		return function.getParameters()
			.stream()
			.filter((parameter) -> parameter.getKind() == KParameter.Kind.VALUE)
			.map((parameter) -> typeName(parameter.getType()))
			.toList();
	}

	/**
	 * The type of a Kotlin function's value parameter as Kotlin names it.
	 * @param method a method of a Kotlin class
	 * @param index the index of the parameter among the method's Java parameters
	 * @return the type name, such as {@code Int} or {@code String?}
	 */
	static String parameterTypeName(Method method, int index) {
		List<String> names = parameterTypeNames(method);
		return (names != null && index < names.size()) ? names.get(index)
				: method.getParameterTypes()[index].getSimpleName();
	}

	private static String typeName(KType type) {
		String name = (type.getClassifier() instanceof KClass<?> kotlinClass && kotlinClass.getSimpleName() != null)
				? kotlinClass.getSimpleName() : type.toString();
		return name + (type.isMarkedNullable() ? "?" : "");
	}

}
