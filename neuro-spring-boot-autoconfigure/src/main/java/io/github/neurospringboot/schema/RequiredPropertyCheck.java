package io.github.neurospringboot.schema;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MethodScope;

/**
 * Decides whether a property of a nested object is listed in {@code required}. A property is required unless its
 * type is an optional wrapper ({@code Optional}, {@code OptionalInt}, ...), it carries an annotation whose simple
 * name is {@code Nullable} (JSpecify, Jakarta, Spring or any other), or {@code @JsonProperty(isRequired =
 * OptBoolean.FALSE)} says so explicitly. A primitive is always required, since Jackson rejects a missing one.
 * A property of a Kotlin class follows Kotlin instead ({@link KotlinProperties}): it is required unless its type is
 * nullable or its constructor parameter has a default value, which is what Jackson's Kotlin module binds.
 */
final class RequiredPropertyCheck {

	private static final String NULLABLE = "Nullable";

	private RequiredPropertyCheck() {
	}

	/**
	 * Whether a field is a required property.
	 * @param field the field of a record component or a bean property
	 * @return whether Neuro must always send it
	 */
	static boolean isRequired(FieldScope field) {
		if (KotlinProperties.isKotlin(field.getRawMember())) {
			return !KotlinProperties.mayBeAbsent(field.getRawMember());
		}
		Class<?> type = field.getDeclaredType().getErasedType();
		if (type.isPrimitive()) {
			return true;
		}
		if (OptionalTypes.isOptional(type) || isNullable(field)) {
			return false;
		}
		JsonProperty property = field.getAnnotationConsideringFieldAndGetter(JsonProperty.class);
		return property == null || property.isRequired() != OptBoolean.FALSE;
	}

	private static boolean isNullable(FieldScope field) {
		Field rawField = field.getRawMember();
		// Declaration annotations (Jakarta, Spring) and type-use annotations (JSpecify) are found in different places
		Stream<Annotation> annotations = Stream.concat(Stream.of(rawField.getDeclaredAnnotations()),
				Stream.of(rawField.getAnnotatedType().getAnnotations()));
		MethodScope getter = field.findGetter();
		if (getter != null) {
			Method rawGetter = getter.getRawMember();
			annotations = Stream.concat(annotations, Stream.concat(Stream.of(rawGetter.getDeclaredAnnotations()),
					Stream.of(rawGetter.getAnnotatedReturnType().getAnnotations())));
		}
		return annotations.anyMatch((annotation) -> NULLABLE.equals(annotation.annotationType().getSimpleName()));
	}

}
