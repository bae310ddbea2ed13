package io.github.neurospringboot.schema;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The last step of generation: a schema that victools produced is only handed out if Neuro can use it. It must not
 * hold a {@link UnsupportedTypeGuard#MARKER marked type}, a nullable union such as {@code "type":
 * ["string","null"]}, or any of {@link NeuroSchemaDialect#UNSUPPORTED_KEYWORDS}.
 */
final class GeneratedSchemaCheck {

	private static final String PROPERTIES = "properties";

	private GeneratedSchemaCheck() {
	}

	/**
	 * Check a generated schema.
	 * @param type the type the schema was generated for, named in the message
	 * @param schema the generated schema
	 * @param language whose words the fixes are told in
	 * @throws UnsupportedSchemaException with every problem, its property path and its fix
	 */
	static void check(Type type, ObjectNode schema, SourceLanguage language) {
		List<String> problems = markedTypes(schema);
		// A marked type explains the failure by itself; what victools wrapped around it is beside the point
		if (problems.isEmpty()) {
			problems.addAll(nullableUnions(schema, language));
			List<String> keywords = NeuroSchemaDialect.unsupportedKeywords(schema);
			if (!keywords.isEmpty()) {
				problems.add("it contains keywords Neuro does not support, at " + String.join(", ", keywords)
						+ ": remove them from your SchemaGeneratorCustomizer beans, and avoid polymorphic types"
						+ " (@JsonTypeInfo, @JsonSubTypes), which need anyOf or allOf");
			}
		}
		if (!problems.isEmpty()) {
			throw new UnsupportedSchemaException(
					"Cannot express " + type.getTypeName() + " in Neuro's action schema: " + String.join("; ", problems));
		}
	}

	private static List<String> markedTypes(ObjectNode schema) {
		List<String> problems = new ArrayList<>();
		SchemaTraversal.traverse(schema, (pointer, node) -> {
			JsonNode marker = node.get(UnsupportedTypeGuard.MARKER);
			if (marker != null) {
				problems.add(at(pointer) + marker.stringValue());
			}
		}, (pointer, value) -> {
		});
		return problems;
	}

	private static List<String> nullableUnions(ObjectNode schema, SourceLanguage language) {
		List<String> problems = new ArrayList<>();
		SchemaTraversal.traverse(schema, (pointer, node) -> {
			JsonNode type = node.get("type");
			if (type != null && type.isArray()) {
				problems.add(at(pointer) + "the type " + type + " allows null, which Neuro's schemas cannot express:"
						+ " remove @Null (or whatever made it nullable), and " + language.optionalProperty());
			}
		}, (pointer, value) -> {
		});
		return problems;
	}

	private static String at(String pointer) {
		return pointer.isEmpty() ? "" : "at '" + propertyPath(pointer) + "', ";
	}

	/**
	 * Turn a JSON pointer into the path a Java developer reads: {@code /properties/moves/items/properties/to}
	 * becomes {@code moves[].to}.
	 */
	private static String propertyPath(String pointer) {
		StringBuilder path = new StringBuilder();
		String[] segments = pointer.substring(1).split("/", -1);
		for (int i = 0; i < segments.length; i++) {
			String segment = unescape(segments[i]);
			if (PROPERTIES.equals(segment) && i + 1 < segments.length) {
				path.append(path.isEmpty() ? "" : ".").append(unescape(segments[++i]));
			}
			else if ("items".equals(segment)) {
				path.append("[]");
			}
			else {
				path.append('/').append(segment);
			}
		}
		return path.toString();
	}

	private static String unescape(String segment) {
		return segment.replace("~1", "/").replace("~0", "~");
	}

}
