package io.github.neurospringboot.aot;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Set;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.core.ResolvableType;

/**
 * Registers what reading a type from JSON, writing it as JSON and describing it in a schema reflect on: the type and,
 * transitively, every type its fields, record components, properties, type arguments and array elements hold.
 * Spring's {@link BindingReflectionHintsRegistrar} does the binding part (constructors, fields, accessors, Jackson
 * annotations); this walk adds what it stops at: the elements of arrays ({@code Card[] hand}) and fields without
 * accessors, which the schema generator reads as properties too.
 */
final class BindingTypeHints {

	private final BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();

	/**
	 * Register the hints for a type.
	 * @param hints where the hints go
	 * @param type a parameter or return type, generic or not
	 */
	void register(ReflectionHints hints, Type type) {
		walk(hints, ResolvableType.forType(type), new HashSet<>());
	}

	private void walk(ReflectionHints hints, ResolvableType type, Set<Type> seen) {
		if (type == ResolvableType.NONE || !seen.add(type.getType())) {
			return;
		}
		if (type.isArray()) {
			walk(hints, type.getComponentType(), seen);
			return;
		}
		Class<?> raw = type.resolve();
		if (raw == null) {
			return;
		}
		this.binding.registerReflectionHints(hints, type.getType());
		for (ResolvableType argument : type.getGenerics()) {
			walk(hints, argument, seen);
		}
		if (raw.isPrimitive() || raw.getName().startsWith("java.")) {
			return;
		}
		for (Class<?> declaring = raw; declaring != null && declaring != Object.class; declaring = declaring
			.getSuperclass()) {
			for (Field field : declaring.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers())) {
					walk(hints, ResolvableType.forField(field, type), seen);
				}
			}
		}
	}

}
