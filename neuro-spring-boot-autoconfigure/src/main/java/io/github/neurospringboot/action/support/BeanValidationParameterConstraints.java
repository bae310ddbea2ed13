package io.github.neurospringboot.action.support;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import io.github.neurospringboot.schema.SchemaValidator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ParameterConstraints} by Bean Validation: the method's parameter constraints, and {@code @Valid} cascades
 * into records. Each violation is told to Neuro with the property path she sent and, like the schema check, the
 * value she sent: {@code 'contact' must be a well-formed email address, but was the string "nobody".}
 */
public final class BeanValidationParameterConstraints implements ParameterConstraints {

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
