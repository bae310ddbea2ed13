package io.github.neurospringboot.schema;

import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks a JSON schema by its structure, knowing which keywords hold subschemas. This is what keeps a property called
 * {@code description} or {@code title} from being mistaken for a keyword: the keys of {@code properties} are names.
 * Locations are JSON pointers, such as {@code /properties/cell/items}. Public for the test kit, whose lint and
 * random data walk schemas the same way.
 */
public final class SchemaTraversal {

	/** Keywords whose value maps names (never keywords) to subschemas. */
	private static final Set<String> NAMED_SUBSCHEMAS = Set.of("properties", "patternProperties", "$defs",
			"definitions", "dependentSchemas");

	/** Keywords whose value is one subschema. */
	private static final Set<String> SINGLE_SUBSCHEMAS = Set.of("items", "additionalItems", "additionalProperties",
			"unevaluatedItems", "unevaluatedProperties", "contains", "propertyNames", "not", "if", "then", "else",
			"contentSchema");

	/** Keywords whose value is an array of subschemas ({@code items} was one before draft 2020-12). */
	private static final Set<String> SUBSCHEMA_ARRAYS = Set.of("prefixItems", "items", "allOf", "anyOf", "oneOf");

	private SchemaTraversal() {
	}

	/**
	 * Visit every schema node of a schema, depth first: a node, then its subschemas in document order.
	 * @param schema the root schema
	 * @param schemaVisitor called with the pointer and the node of every schema object
	 * @param valueVisitor called with the pointer and the value of every keyword that holds no subschema
	 */
	public static void traverse(JsonNode schema, BiConsumer<String, ObjectNode> schemaVisitor,
			BiConsumer<String, JsonNode> valueVisitor) {
		visit("", schema, schemaVisitor, valueVisitor);
	}

	/**
	 * Append a name to a JSON pointer, escaping it as RFC 6901 requires.
	 * @param pointer the pointer to extend
	 * @param name a property name, keyword or array index
	 * @return the extended pointer
	 */
	public static String child(String pointer, String name) {
		return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
	}

	private static void visit(String pointer, JsonNode node, BiConsumer<String, ObjectNode> schemaVisitor,
			BiConsumer<String, JsonNode> valueVisitor) {
		// Boolean schemas (true, false) have no keywords to visit
		if (!(node instanceof ObjectNode schema)) {
			return;
		}
		schemaVisitor.accept(pointer, schema);
		for (Map.Entry<String, JsonNode> entry : schema.properties()) {
			String keyword = entry.getKey();
			JsonNode value = entry.getValue();
			String location = child(pointer, keyword);
			if (NAMED_SUBSCHEMAS.contains(keyword) && value.isObject()) {
				for (Map.Entry<String, JsonNode> named : value.properties()) {
					visit(child(location, named.getKey()), named.getValue(), schemaVisitor, valueVisitor);
				}
			}
			else if (SINGLE_SUBSCHEMAS.contains(keyword) && value.isObject()) {
				visit(location, value, schemaVisitor, valueVisitor);
			}
			else if (SUBSCHEMA_ARRAYS.contains(keyword) && value.isArray()) {
				for (int i = 0; i < value.size(); i++) {
					visit(child(location, String.valueOf(i)), value.get(i), schemaVisitor, valueVisitor);
				}
			}
			else {
				valueVisitor.accept(location, value);
			}
		}
	}

}
