package io.github.neurospringboot.schema;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adds numeric bounds to a schema without ever widening it. Each side of a range keeps a single bound, the
 * narrowest, so that a constraint and the range of the value's type, such as {@code @Positive} on an {@code int},
 * read as one rule: {@code "exclusiveMinimum": 0} rather than that and {@code "minimum": -2147483648}.
 */
public final class NumericBounds {

	private static final String MINIMUM = "minimum";

	private static final String EXCLUSIVE_MINIMUM = "exclusiveMinimum";

	private static final String MAXIMUM = "maximum";

	private static final String EXCLUSIVE_MAXIMUM = "exclusiveMaximum";

	private NumericBounds() {
	}

	/**
	 * Add a bound, unless the schema already has one at least as narrow on the same side. Otherwise it replaces
	 * the bounds of that side.
	 * @param schema the schema of a number, changed in place
	 * @param keyword {@code minimum}, {@code exclusiveMinimum}, {@code maximum} or {@code exclusiveMaximum}
	 * @param bound the bound
	 * @throws IllegalArgumentException for any other keyword
	 */
	public static void narrow(ObjectNode schema, String keyword, BigDecimal bound) {
		boolean lower = MINIMUM.equals(keyword) || EXCLUSIVE_MINIMUM.equals(keyword);
		if (!lower && !MAXIMUM.equals(keyword) && !EXCLUSIVE_MAXIMUM.equals(keyword)) {
			throw new IllegalArgumentException("'" + keyword + "' is not a numeric bound");
		}
		String inclusive = lower ? MINIMUM : MAXIMUM;
		String exclusive = lower ? EXCLUSIVE_MINIMUM : EXCLUSIVE_MAXIMUM;
		boolean boundExclusive = keyword.equals(exclusive);
		if (isAtLeastAsNarrow(schema.get(inclusive), false, bound, boundExclusive, lower)
				|| isAtLeastAsNarrow(schema.get(exclusive), true, bound, boundExclusive, lower)) {
			return;
		}
		schema.remove(inclusive);
		schema.remove(exclusive);
		schema.put(keyword, bound);
	}

	/**
	 * Leave a single bound on each side of every range in a schema, the narrowest, where an inclusive and an
	 * exclusive one meet.
	 * @param schema the schema, changed in place
	 */
	static void tighten(ObjectNode schema) {
		SchemaTraversal.traverse(schema, (pointer, node) -> {
			keepNarrowest(node, MINIMUM, EXCLUSIVE_MINIMUM);
			keepNarrowest(node, MAXIMUM, EXCLUSIVE_MAXIMUM);
		}, (pointer, value) -> {
		});
	}

	private static void keepNarrowest(ObjectNode schema, String inclusive, String exclusive) {
		JsonNode exclusiveBound = schema.get(exclusive);
		if (schema.has(inclusive) && exclusiveBound != null && exclusiveBound.isNumber()) {
			schema.remove(exclusive);
			narrow(schema, exclusive, exclusiveBound.decimalValue());
		}
	}

	private static boolean isAtLeastAsNarrow(@Nullable JsonNode existing, boolean existingExclusive,
			BigDecimal bound, boolean boundExclusive, boolean lower) {
		if (existing == null || !existing.isNumber()) {
			return false;
		}
		int comparison = existing.decimalValue().compareTo(bound);
		int inwards = lower ? comparison : -comparison;
		// On the same value, an exclusive bound is the narrower one
		return inwards > 0 || (inwards == 0 && (existingExclusive || !boundExclusive));
	}

}
