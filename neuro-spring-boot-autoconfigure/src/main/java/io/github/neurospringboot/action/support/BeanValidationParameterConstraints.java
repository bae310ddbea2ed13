package io.github.neurospringboot.action.support;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import io.github.neurospringboot.schema.SchemaValidator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.MethodDescriptor;
import jakarta.validation.metadata.ParameterDescriptor;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ParameterConstraints} by Bean Validation: the method's parameter constraints, and {@code @Valid} cascades
 * into records. Each violation is told to Neuro with the property path she sent and, like the schema check, the
 * value she sent: {@code 'contact' must be a well-formed email address, but was the string "nobody".}
 */
public final class BeanValidationParameterConstraints implements ParameterConstraints {

	/**
	 * The constraints whose schema keywords ({@code minimum}, {@code maximum}, their exclusive forms) reject exactly
	 * what Bean Validation would, on a whole number: the schema check, which runs first, leaves them nothing.
	 */
	private static final Set<Class<? extends Annotation>> EXACT_ON_WHOLE_NUMBERS = Set.of(Min.class, Max.class,
			Positive.class, PositiveOrZero.class, Negative.class, NegativeOrZero.class);

	private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(int.class, long.class, short.class, byte.class,
			Integer.class, Long.class, Short.class, Byte.class, BigInteger.class);

	private final Validator validator;

	/**
	 * Create the checks.
	 * @param validator the application's validator
	 */
	public BeanValidationParameterConstraints(Validator validator) {
		this.validator = validator;
	}

	@Override
	public List<String> violations(Object bean, Method method, @Nullable Object[] arguments,
			ActionSignature signature) {
		Set<ConstraintViolation<Object>> violations = this.validator.forExecutables()
			.validateParameters(bean, method, arguments);
		return sentences(violations, signature);
	}

	@Override
	public List<String> violations(Object parameters) {
		return sentences(this.validator.validate(parameters), null);
	}

	/**
	 * {@inheritDoc}
	 * <p>Here: the method has no parameter constraints at all, or only bounds on whole numbers ({@code @Min},
	 * {@code @Max}, {@code @Positive}, {@code @PositiveOrZero}, {@code @Negative}, {@code @NegativeOrZero}), with no
	 * {@code @Valid}, no constraint on a type argument and no cross-parameter constraint.
	 */
	@Override
	public boolean addsNothingToSchema(Method method) {
		MethodDescriptor descriptor = this.validator.getConstraintsForClass(method.getDeclaringClass())
			.getConstraintsForMethod(method.getName(), method.getParameterTypes());
		if (descriptor == null) {
			return true;
		}
		if (descriptor.getCrossParameterDescriptor().hasConstraints()) {
			return false;
		}
		for (ParameterDescriptor parameter : descriptor.getParameterDescriptors()) {
			if (parameter.isCascaded() || !parameter.getConstrainedContainerElementTypes().isEmpty()) {
				return false;
			}
			for (ConstraintDescriptor<?> constraint : parameter.getConstraintDescriptors()) {
				if (!WHOLE_NUMBERS.contains(parameter.getElementClass())
						|| !EXACT_ON_WHOLE_NUMBERS.contains(constraint.getAnnotation().annotationType())) {
					return false;
				}
			}
		}
		return true;
	}

	private static List<String> sentences(Set<ConstraintViolation<Object>> violations,
			@Nullable ActionSignature signature) {
		return violations.stream()
			.map((violation) -> "'" + path(violation.getPropertyPath(), signature) + "' " + violation.getMessage()
					+ butWas(violation.getInvalidValue()) + ".")
			.sorted(Comparator.naturalOrder())
			.toList();
	}

	/**
	 * The value, as the schema check words it ({@code , but was the string "x"}), for the values Neuro sends as
	 * they are: text, numbers and booleans.
	 */
	private static String butWas(@Nullable Object value) {
		if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
			return ", but was " + SchemaValidator.describe(JsonMapper.shared().valueToTree(value));
		}
		return "";
	}

	/**
	 * The path as Neuro sent it: the method node dropped, the parameter named as in the schema (no signature: the
	 * validated object is the whole payload).
	 */
	private static String path(Path path, @Nullable ActionSignature signature) {
		List<String> names = new ArrayList<>();
		Iterator<Path.Node> nodes = path.iterator();
		while (nodes.hasNext()) {
			Path.Node node = nodes.next();
			// An element of a list is reported on the node after the list: its index belongs to the list's name.
			if (node.isInIterable() && node.getIndex() != null && !names.isEmpty()) {
				int last = names.size() - 1;
				names.set(last, names.get(last) + "[" + node.getIndex() + "]");
			}
			switch (node.getKind()) {
				case PARAMETER -> {
					if (signature != null && !signature.wholePayload()) {
						names.add(signature.parameter(node.as(Path.ParameterNode.class).getParameterIndex()).name());
					}
				}
				case PROPERTY -> names.add(node.getName());
				default -> {
					// The method itself, a container element, the return value: not part of what Neuro sent.
				}
			}
		}
		return String.join(".", names);
	}

}
