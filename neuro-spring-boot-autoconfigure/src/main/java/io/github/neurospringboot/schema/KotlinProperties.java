package io.github.neurospringboot.schema;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;

import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.KotlinDetector;
import org.springframework.core.MethodParameter;
import org.springframework.core.Nullness;

/**
 * What Kotlin says about a property of a Kotlin class: whether Neuro may leave it out. Read through Spring's Kotlin
 * support (which uses Kotlin reflection), since Kotlin's nullability is not visible to Java reflection.
 */
final class KotlinProperties {

	private KotlinProperties() {
	}

	/**
	 * Whether a field belongs to a class compiled from Kotlin, whose reflection is on the classpath.
	 * @param field the field
	 * @return whether Kotlin's view of it can be read
	 */
	static boolean isKotlin(Field field) {
		return KotlinDetector.isKotlinReflectPresent() && KotlinDetector.isKotlinType(field.getDeclaringClass());
	}

	/**
	 * Whether a property may be absent: its type is nullable ({@code String?}), or the primary constructor
	 * parameter that sets it has a default value.
	 * @param field the property's backing field, of a Kotlin class
	 * @return whether Neuro may leave it out
	 */
	static boolean mayBeAbsent(Field field) {
		if (Nullness.forField(field) == Nullness.NULLABLE) {
			return true;
		}
		Constructor<?> constructor = BeanUtils.findPrimaryConstructor(field.getDeclaringClass());
		if (constructor == null) {
			return false;
		}
		for (int i = 0; i < constructor.getParameterCount(); i++) {
			MethodParameter parameter = new MethodParameter(constructor, i);
			parameter.initParameterNameDiscovery(DefaultParameterNameDiscoverer.getSharedInstance());
			if (field.getName().equals(parameter.getParameterName())) {
				return parameter.isOptional();
			}
		}
		return false;
	}

}
