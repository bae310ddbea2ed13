package io.github.neurospringboot.schema;

import java.lang.reflect.Type;

import org.springframework.core.KotlinDetector;
import org.springframework.core.ResolvableType;

/**
 * The language a game's types are written in, so that a failure message names things as their author does: a
 * Kotlin author writes data classes and nullable types where a Java author writes records and {@code Optional}.
 */
public enum SourceLanguage {

	/** Java: records, {@code Optional} and {@code @Nullable}. */
	JAVA("record", "records", "use Optional or @Nullable to let Neuro leave a property out"),

	/** Kotlin: data classes, nullable types and default values. */
	KOTLIN("data class", "data classes", "use a nullable type (such as String?) or a default value to let Neuro leave a property out");

	private final String record;

	private final String records;

	private final String optionalProperty;

	SourceLanguage(String record, String records, String optionalProperty) {
		this.record = record;
		this.records = records;
		this.optionalProperty = optionalProperty;
	}

	/**
	 * The language a class was written in.
	 * @param type the class, such as the one declaring an action method
	 * @return {@link #KOTLIN} for a class compiled from Kotlin, else {@link #JAVA}
	 */
	public static SourceLanguage of(Class<?> type) {
		return KotlinDetector.isKotlinType(type) ? KOTLIN : JAVA;
	}

	/**
	 * The language a type's class was written in.
	 * @param type the type, possibly generic
	 * @return the language of its raw class, {@link #JAVA} when it has none
	 */
	static SourceLanguage of(Type type) {
		Class<?> raw = ResolvableType.forType(type).getRawClass();
		return (raw != null) ? of(raw) : JAVA;
	}

	/**
	 * What the language calls a type that only holds values.
	 * @return {@code record} or {@code data class}
	 */
	String record() {
		return this.record;
	}

	/**
	 * The plural of {@link #record()}.
	 * @return {@code records} or {@code data classes}
	 */
	String records() {
		return this.records;
	}

	/**
	 * How to let Neuro leave a property out, in the language's words.
	 * @return advice that completes a sentence
	 */
	String optionalProperty() {
		return this.optionalProperty;
	}

}
