package io.github.neurospringboot.schema;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

/**
 * The wrapper types that make a value optional: {@link Optional} and its primitive variants.
 */
final class OptionalTypes {

	private static final Map<Class<?>, Class<?>> PRIMITIVE_VALUE_TYPES = Map.of(OptionalInt.class, int.class,
			OptionalLong.class, long.class, OptionalDouble.class, double.class);

	private OptionalTypes() {
	}

	/**
	 * Whether a class is one of the optional wrappers.
	 * @param type the class to check
	 * @return whether it is {@link Optional}, {@link OptionalInt}, {@link OptionalLong} or {@link OptionalDouble}
	 */
	static boolean isOptional(Class<?> type) {
		return type == Optional.class || PRIMITIVE_VALUE_TYPES.containsKey(type);
	}

	/**
	 * Whether a type is one of the optional wrappers, with or without type arguments.
	 * @param type the type to check
	 * @return whether its class is an optional wrapper
	 */
	static boolean isOptional(Type type) {
		Class<?> erased = erasure(type);
		return erased != null && isOptional(erased);
	}

	/**
	 * The primitive that an {@link OptionalInt}, {@link OptionalLong} or {@link OptionalDouble} holds.
	 * @param type the class to check
	 * @return the primitive class, or {@code null} for any other class
	 */
	static @Nullable Class<?> primitiveValueType(Class<?> type) {
		return PRIMITIVE_VALUE_TYPES.get(type);
	}

	/**
	 * The type of the value an optional wrapper holds, or the type itself if it is no optional wrapper.
	 * @param type the possibly optional type
	 * @return the wrapped type; {@link Object} for a raw {@link Optional}
	 */
	static Type valueType(Type type) {
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
			return parameterized.getActualTypeArguments()[0];
		}
		if (type == Optional.class) {
			return Object.class;
		}
		Class<?> primitive = (type instanceof Class<?> clazz) ? primitiveValueType(clazz) : null;
		return (primitive != null) ? primitive : type;
	}

	private static @Nullable Class<?> erasure(Type type) {
		if (type instanceof Class<?> clazz) {
			return clazz;
		}
		return (type instanceof ParameterizedType parameterized) ? (Class<?>) parameterized.getRawType() : null;
	}

}
