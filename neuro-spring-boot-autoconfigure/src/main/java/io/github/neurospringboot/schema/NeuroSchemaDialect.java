package io.github.neurospringboot.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The JSON-schema keywords Neuro does not support, and a check over a whole schema.
 */
public final class NeuroSchemaDialect {

	/**
	 * The 33 keywords that must never be sent to Neuro, in the order of the API documentation.
	 */
	public static final Set<String> UNSUPPORTED_KEYWORDS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
			"$anchor", "$comment", "$defs", "$dynamicAnchor", "$dynamicRef", "$id", "$ref", "$schema", "$vocabulary",
			"additionalProperties", "allOf", "anyOf", "contentEncoding", "contentMediaType", "contentSchema",
			"dependentRequired", "dependentSchemas", "deprecated", "description", "else", "if", "maxProperties",
			"minProperties", "multipleOf", "not", "oneOf", "patternProperties", "readOnly", "then", "title",
			"unevaluatedItems", "unevaluatedProperties", "writeOnly")));

	private static final String REF = "$ref";

	private NeuroSchemaDialect() {
	}

	/**
	 * Find every unsupported keyword where it is used as a keyword: at each schema node, recursing through the
	 * values of {@code properties}, {@code items}, {@code prefixItems} and every other subschema position. The names
	 * inside {@code properties} are never taken for keywords, so a property called {@code description} or
	 * {@code title} is fine. A {@code $ref} is reported anywhere, even inside a keyword that holds no subschema,
	 * because a dangling reference is never harmless.
	 * @param schema the schema to check
	 * @return the JSON pointers of the offending keywords, such as {@code /properties/cell/title}, a schema node's
	 * own keywords before those of its subschemas; empty when the schema is fine
	 */
	public static List<String> unsupportedKeywords(JsonNode schema) {
		List<String> found = new ArrayList<>();
		SchemaTraversal.traverse(schema, (pointer, node) -> {
			for (String keyword : node.propertyNames()) {
				if (UNSUPPORTED_KEYWORDS.contains(keyword)) {
					found.add(SchemaTraversal.child(pointer, keyword));
				}
			}
		}, (pointer, value) -> findReferences(pointer, value, found));
		return found;
	}

	private static void findReferences(String pointer, JsonNode value, List<String> found) {
		if (value.isObject()) {
			for (Map.Entry<String, JsonNode> entry : value.properties()) {
				String location = SchemaTraversal.child(pointer, entry.getKey());
				if (REF.equals(entry.getKey())) {
					found.add(location);
				}
				findReferences(location, entry.getValue(), found);
			}
		}
		else if (value.isArray()) {
			for (int i = 0; i < value.size(); i++) {
				findReferences(SchemaTraversal.child(pointer, String.valueOf(i)), value.get(i), found);
			}
		}
	}

}
