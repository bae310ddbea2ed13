package io.github.neurospringboot.action.support;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.neurospringboot.action.InvalidActionException;
import io.github.neurospringboot.action.support.ActionSignature.PayloadParameter;
import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * Makes sure every Bean Validation constraint of an action's parameters is kept: advertised in the schema (and so
 * checked before the method runs, with or without {@code @Valid}), or checked by Bean Validation. A constraint that
 * is neither, such as {@code @Email} inside a record that Bean Validation does not cascade into, fails at startup
 * naming the method, the property and the fix.
 *
 * <p>What the schema expresses: bounds, lengths, item counts and patterns ({@code @Min}, {@code @Max},
 * {@code @DecimalMin}, {@code @DecimalMax}, {@code @Positive}, {@code @PositiveOrZero}, {@code @Negative},
 * {@code @NegativeOrZero}, {@code @Size}, {@code @NotEmpty}, {@code @NotBlank}, {@code @Pattern}, and
 * {@code @NotNull}, which every schema property already means), on a parameter, on a record component and, inside
 * records, on list elements. Bean Validation checks a parameter's own constraints and its elements' when a validator
 * is present, and a record's components only when {@code @Valid} leads to it from the parameter.
 */
final class ConstraintCoverage {

	/** What the schema expresses: the keywords' constraints, and {@code @NotNull}, which every property means. */
	private static final Set<Class<? extends Annotation>> EXPRESSED = Stream
		.concat(BeanValidationParameterKeywords.EXPRESSED.stream(), Stream.of(NotNull.class))
		.collect(Collectors.toUnmodifiableSet());

	private final boolean validated;

	/**
	 * Create the check.
	 * @param validated whether Bean Validation checks the arguments before the method runs
	 */
	ConstraintCoverage(boolean validated) {
		this.validated = validated;
	}

	/**
	 * Check every constraint of an action's parameters.
	 * @param signature the action's signature
	 * @throws InvalidActionException naming the first constraint that would be silently dropped
	 */
	void check(ActionSignature signature) {
		Parameter[] parameters = signature.method().getParameters();
		for (PayloadParameter payload : signature.payload()) {
			Parameter parameter = parameters[payload.index()];
			String path = signature.wholePayload() ? "" : payload.name();
			boolean cascaded = this.validated && parameter.isAnnotationPresent(Valid.class);
			for (Annotation annotation : parameter.getAnnotations()) {
				require(signature, path, annotation, EXPRESSED.contains(annotation.annotationType()) || this.validated);
			}
			elements(signature, parameter.getAnnotatedType(), path, false, cascaded, this.validated, new HashSet<>());
		}
	}

	/**
	 * The constraints on the type arguments of a type ({@code List<@Min(1) Integer>}), then the record it is or
	 * holds.
	 * @param inRecord whether the type is a record component's (the schema expresses element constraints there)
	 * @param cascaded whether Bean Validation validates a record of this type, or the elements of this container
	 * @param elementsValidated whether Bean Validation checks the constraints on the type arguments (their owner is
	 * validated)
	 */
	private void elements(ActionSignature signature, AnnotatedType type, String path, boolean inRecord,
			boolean cascaded, boolean elementsValidated, Set<Class<?>> visiting) {
		if (type instanceof AnnotatedParameterizedType parameterized) {
			boolean optional = raw(type) == Optional.class;
			for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
				String elementPath = optional ? path : path + "[]";
				for (Annotation annotation : argument.getAnnotations()) {
					require(signature, elementPath, annotation,
							(inRecord && EXPRESSED.contains(annotation.annotationType())) || elementsValidated);
				}
				boolean elementCascaded = elementsValidated && (cascaded || argument.isAnnotationPresent(Valid.class));
				elements(signature, argument, elementPath, inRecord, elementCascaded, elementsValidated, visiting);
			}
			return;
		}
		Class<?> raw = raw(type);
		if (raw != null && raw.isRecord() && visiting.add(raw)) {
			for (RecordComponent component : raw.getRecordComponents()) {
				components(signature, raw, component, path, cascaded, visiting);
			}
			visiting.remove(raw);
		}
	}

	private void components(ActionSignature signature, Class<?> record, RecordComponent component, String path,
			boolean cascaded, Set<Class<?>> visiting) {
		String componentPath = path.isEmpty() ? component.getName() : path + "." + component.getName();
		AnnotatedElement field = field(record, component);
		for (Annotation annotation : field.getAnnotations()) {
			require(signature, componentPath, annotation,
					EXPRESSED.contains(annotation.annotationType()) || cascaded);
		}
		boolean componentCascaded = cascaded && field.isAnnotationPresent(Valid.class);
		elements(signature, component.getAnnotatedType(), componentPath, true, componentCascaded, cascaded,
				visiting);
	}

	private void require(ActionSignature signature, String path, Annotation annotation, boolean kept) {
		if (kept || !annotation.annotationType().isAnnotationPresent(Constraint.class)) {
			return;
		}
		String fix = this.validated
				? "Bean Validation checks a record's components only through @Valid: add @Valid to the parameter and to "
						+ "each record component or list element on the way to '" + path + "'"
				: "Add spring-boot-starter-validation, with @Valid on the parameter and on each record component or "
						+ "list element on the way to '" + path + "'";
		throw new InvalidActionException(ActionSignature.where(signature.method()) + " has @"
				+ annotation.annotationType().getSimpleName() + " on '" + path + "', which Neuro's schema cannot "
				+ "express and nothing checks.", fix + ", or check it in the method and throw a NeuroActionException "
						+ "that tells Neuro what to send.");
	}

	/** Constraints on a component land on its field: none of them targets record components. */
	private static AnnotatedElement field(Class<?> record, RecordComponent component) {
		try {
			return record.getDeclaredField(component.getName());
		}
		catch (NoSuchFieldException ex) {
			return component;
		}
	}

	private static @Nullable Class<?> raw(AnnotatedType type) {
		if (type.getType() instanceof Class<?> raw) {
			return raw;
		}
		if (type.getType() instanceof ParameterizedType parameterized
				&& parameterized.getRawType() instanceof Class<?> raw) {
			return raw;
		}
		return null;
	}

}
