package io.github.neurospringboot.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a parameter of a {@link NeuroAction} method where its declaration cannot say it.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface NeuroParam {

	/**
	 * The parameter's name as Neuro sees it. Defaults to the parameter's name in the source.
	 * @return the name
	 */
	String name() default "";

	/**
	 * What the parameter means. Neuro does not read descriptions inside schemas, so it is appended to the action's
	 * description.
	 * @return the description
	 */
	String description() default "";

	/**
	 * Whether Neuro must send the parameter.
	 * @return {@link Requirement#AUTO} to decide from the type: optional for {@link java.util.Optional} and
	 * {@code @Nullable} parameters, required otherwise
	 */
	Requirement required() default Requirement.AUTO;

	/**
	 * Whether a parameter is required.
	 */
	enum Requirement {

		/** Optional for {@link java.util.Optional} and {@code @Nullable} parameters, required otherwise. */
		AUTO,

		/** Neuro must send it. */
		REQUIRED,

		/** Neuro may leave it out; the method then gets {@code null} or an empty {@code Optional}. */
		OPTIONAL

	}

}
