package io.github.neurospringboot.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Validates the parameters Neuro sent for an action against the JSON schema advertised for the action, and explains
 * every violation in a sentence that tells Neuro how to succeed.
 * <p>
 * It understands Neuro's simple dialect: {@code type} (a name or an array of names), {@code properties},
 * {@code required}, {@code items}, {@code prefixItems}, {@code enum}, {@code const}, {@code minimum},
 * {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum} (numbers, as in draft 2020-12),
 * {@code minLength}, {@code maxLength} (in code points), {@code pattern} (unanchored), {@code minItems},
 * {@code maxItems} and {@code uniqueItems}, plus the boolean schemas {@code true} and {@code false}. Other keywords,
 * {@code format} included, are ignored. Properties that the schema does not describe are accepted and ignored.
 * Numbers are compared exactly, whatever their size; one too large for a double (such as {@code 1e400}, unless the
 * mapper reads floats as {@code BigDecimal}) is called "a number too large to use".
 * <p>
 * Instances are immutable and thread-safe: compile one per schema with {@link #of(ObjectNode)} and reuse it.
 */
public final class SchemaValidator {

	/** Neuro reads every message: past this many, more of them would bury the first ones. */
	private static final int MAX_VIOLATIONS = 20;

	/** Quoted values are cut to this many code points, so that a long value cannot drown the message. */
	private static final int EXCERPT_LENGTH = 40;

	private static final Map<String, String> TYPE_NAMES = Map.of("object", "a JSON object", "array", "an array",
			"string", "a string", "integer", "an integer", "number", "a number", "boolean", "a boolean", "null",
			"null");

	/** Equality as JSON Schema defines it, where {@code 1} equals {@code 1.0}. */
	private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> (a.isNumber() && b.isNumber()) ? compare(a, b)
			: (a.equals(b) ? 0 : 1);

	private final Node root;

	private SchemaValidator(Node root) {
		this.root = root;
	}

	/**
	 * Compile a validator for the given schema.
	 * @param schema the schema of an action's parameters, in Neuro's simple dialect; later changes to it do not
	 * affect the validator
	 * @return a validator that can be used concurrently
	 * @throws IllegalArgumentException if the schema is malformed: a {@code pattern} that is not a valid regular
	 * expression, or a keyword of the dialect whose value has the wrong kind (such as {@code "minimum": "0"})
	 */
	public static SchemaValidator of(ObjectNode schema) {
		return new SchemaValidator(compile(schema, "#"));
	}

	/**
	 * Validate the parameters of an action.
	 * @param data the parameters, normally a JSON object
	 * @return the violations in document order (the problems of an object, such as missing properties, before those
	 * of its values), at most 20 of them; empty when the parameters are valid
	 */
	public List<SchemaViolation> validate(JsonNode data) {
		Violations violations = new Violations();
		this.root.validate(data, "", violations);
		return List.copyOf(violations.list);
	}

	private static Node compile(JsonNode schema, String pointer) {
		if (schema.isBoolean()) {
			// Draft 2020-12 allows true (anything goes) and false (nothing does) wherever a schema goes
			Check forbidden = (value, path, violations) -> violations.add(path, subject(path) + " must not be given.");
			return new Node(null, schema.booleanValue() ? List.of() : List.of(forbidden));
		}
		if (!schema.isObject()) {
			throw invalid(pointer, "a schema must be a JSON object or a boolean");
		}
		List<Check> checks = new ArrayList<>();
		addConst(checks, schema);
		addEnum(checks, schema, pointer);
		addBound(checks, schema, pointer, "minimum", "at least", (comparison) -> comparison >= 0);
		addBound(checks, schema, pointer, "exclusiveMinimum", "greater than", (comparison) -> comparison > 0);
		addBound(checks, schema, pointer, "maximum", "at most", (comparison) -> comparison <= 0);
		addBound(checks, schema, pointer, "exclusiveMaximum", "less than", (comparison) -> comparison < 0);
		addLength(checks, schema, pointer, "minLength", true);
		addLength(checks, schema, pointer, "maxLength", false);
		addPattern(checks, schema, pointer);
		addItemCount(checks, schema, pointer, "minItems", true);
		addItemCount(checks, schema, pointer, "maxItems", false);
		addUniqueItems(checks, schema, pointer);
		addRequired(checks, schema, pointer);
		addProperties(checks, schema, pointer);
		addItems(checks, schema, pointer);
		return new Node(types(schema, pointer), List.copyOf(checks));
	}

	private static @Nullable List<String> types(JsonNode schema, String pointer) {
		JsonNode type = schema.get("type");
		if (type == null) {
			return null;
		}
		List<String> types = new ArrayList<>();
		for (JsonNode name : type.isArray() ? type.values() : List.of(type)) {
			if (!name.isString() || !TYPE_NAMES.containsKey(name.stringValue())) {
				throw invalid(pointer, "'type' must be object, array, string, integer, number, boolean or null, "
						+ "or an array of them");
			}
			types.add(name.stringValue());
		}
		if (types.isEmpty()) {
			throw invalid(pointer, "'type' must not be an empty array");
		}
		return List.copyOf(types);
	}

	private static void addConst(List<Check> checks, JsonNode schema) {
		JsonNode constant = schema.get("const");
		if (constant != null) {
			JsonNode expected = constant.deepCopy();
			checks.add((value, path, violations) -> {
				if (!value.equals(SAME_VALUE, expected)) {
					violations.add(path, "%s must be %s.".formatted(subject(path), json(expected)));
				}
			});
		}
	}

	private static void addEnum(List<Check> checks, JsonNode schema, String pointer) {
		JsonNode allowed = schema.get("enum");
		if (allowed != null) {
			if (!allowed.isArray() || allowed.isEmpty()) {
				throw invalid(pointer, "'enum' must be a non-empty array");
			}
			List<JsonNode> values = List.copyOf(allowed.deepCopy().values());
			String listing = values.stream().map(SchemaValidator::json).collect(Collectors.joining(", "));
			checks.add((value, path, violations) -> {
				if (values.stream().noneMatch((candidate) -> value.equals(SAME_VALUE, candidate))) {
					violations.add(path, "%s must be one of %s, but %s %s.".formatted(subject(path), listing,
							verb(path), excerpt(value)));
				}
			});
		}
	}

	private static void addBound(List<Check> checks, JsonNode schema, String pointer, String keyword,
			String relation, IntPredicate satisfied) {
		JsonNode bound = schema.get(keyword);
		if (bound != null) {
			if (!bound.isNumber()) {
				throw invalid(pointer, "'" + keyword + "' must be a number");
			}
			checks.add((value, path, violations) -> {
				if (value.isNumber() && !satisfied.test(compare(value, bound))) {
					violations.add(path, "%s must be %s %s, but %s %s.".formatted(subject(path), relation, json(bound),
							verb(path), json(value)));
				}
			});
		}
	}

	private static void addLength(List<Check> checks, JsonNode schema, String pointer, String keyword,
			boolean atLeast) {
		Integer limit = count(schema, pointer, keyword);
		if (limit != null) {
			checks.add((value, path, violations) -> {
				if (value.isString()) {
					int length = value.stringValue().codePointCount(0, value.stringValue().length());
					if (atLeast ? length < limit : length > limit) {
						violations.add(path, "%s must be %s %s long, but %s %d.".formatted(subject(path),
								atLeast ? "at least" : "at most", plural(limit, "character"), verb(path), length));
					}
				}
			});
		}
	}

	private static void addPattern(List<Check> checks, JsonNode schema, String pointer) {
		JsonNode regex = schema.get("pattern");
		if (regex != null) {
			if (!regex.isString()) {
				throw invalid(pointer, "'pattern' must be a string");
			}
			Pattern pattern;
			try {
				pattern = Pattern.compile(regex.stringValue());
			}
			catch (PatternSyntaxException ex) {
				throw new IllegalArgumentException("Invalid schema at " + pointer + ": 'pattern' " + regex
						+ " is not a valid regular expression (" + ex.getDescription() + ")", ex);
			}
			checks.add((value, path, violations) -> {
				// JSON Schema patterns are not anchored: find, not matches
				if (value.isString() && !pattern.matcher(value.stringValue()).find()) {
					violations.add(path, "%s must match the pattern %s, but %s %s.".formatted(subject(path),
							pattern.pattern(), verb(path), excerpt(value)));
				}
			});
		}
	}

	private static void addItemCount(List<Check> checks, JsonNode schema, String pointer, String keyword,
			boolean atLeast) {
		Integer limit = count(schema, pointer, keyword);
		if (limit != null) {
			checks.add((value, path, violations) -> {
				if (value.isArray() && (atLeast ? value.size() < limit : value.size() > limit)) {
					violations.add(path, "%s must have %s %s, but had %d.".formatted(subject(path),
							atLeast ? "at least" : "at most", plural(limit, "item"), value.size()));
				}
			});
		}
	}

	private static void addUniqueItems(List<Check> checks, JsonNode schema, String pointer) {
		JsonNode unique = schema.get("uniqueItems");
		if (unique != null) {
			if (!unique.isBoolean()) {
				throw invalid(pointer, "'uniqueItems' must be a boolean");
			}
			if (unique.booleanValue()) {
				checks.add((value, path, violations) -> {
					JsonNode repeated = value.isArray() ? firstRepeated(value) : null;
					if (repeated != null) {
						violations.add(path, "%s must not repeat items, but %s appears more than once."
							.formatted(subject(path), excerpt(repeated)));
					}
				});
			}
		}
	}

	private static void addRequired(List<Check> checks, JsonNode schema, String pointer) {
		JsonNode required = schema.get("required");
		if (required != null) {
			if (!required.isArray() || required.valueStream().anyMatch((name) -> !name.isString())) {
				throw invalid(pointer, "'required' must be an array of property names");
			}
			List<String> names = required.valueStream().map(JsonNode::stringValue).toList();
			checks.add((value, path, violations) -> {
				if (value.isObject()) {
					for (String name : names) {
						if (!value.has(name)) {
							String missing = child(path, name);
							violations.add(missing, "Missing required parameter '%s'.".formatted(missing));
						}
					}
				}
			});
		}
	}

	private static void addProperties(List<Check> checks, JsonNode schema, String pointer) {
		JsonNode properties = schema.get("properties");
		if (properties != null) {
			if (!properties.isObject()) {
				throw invalid(pointer, "'properties' must be a JSON object");
			}
			Map<String, Node> compiled = new HashMap<>();
			for (Map.Entry<String, JsonNode> property : properties.properties()) {
				String name = property.getKey();
				compiled.put(name, compile(property.getValue(), pointer + "/properties/" + name));
			}
			Map<String, Node> nodes = Map.copyOf(compiled);
			checks.add((value, path, violations) -> {
				if (value.isObject()) {
					// In the order Neuro wrote them; properties the schema does not describe are ignored
					for (Map.Entry<String, JsonNode> property : value.properties()) {
						Node node = nodes.get(property.getKey());
						if (node != null) {
							node.validate(property.getValue(), child(path, property.getKey()), violations);
						}
					}
				}
			});
		}
	}

	private static void addItems(List<Check> checks, JsonNode schema, String pointer) {
		JsonNode prefixItems = schema.get("prefixItems");
		if (prefixItems != null && !prefixItems.isArray()) {
			throw invalid(pointer, "'prefixItems' must be an array of schemas");
		}
		List<Node> compiledPrefix = new ArrayList<>();
		for (int i = 0; prefixItems != null && i < prefixItems.size(); i++) {
			compiledPrefix.add(compile(prefixItems.get(i), pointer + "/prefixItems/" + i));
		}
		List<Node> prefix = List.copyOf(compiledPrefix);
		Node items = schema.has("items") ? compile(schema.get("items"), pointer + "/items") : null;
		if (!prefix.isEmpty() || items != null) {
			checks.add((value, path, violations) -> {
				for (int i = 0; value.isArray() && i < value.size(); i++) {
					Node node = (i < prefix.size()) ? prefix.get(i) : items;
					if (node != null) {
						node.validate(value.get(i), path + "[" + i + "]", violations);
					}
				}
			});
		}
	}

	private static @Nullable Integer count(JsonNode schema, String pointer, String keyword) {
		JsonNode count = schema.get(keyword);
		if (count == null) {
			return null;
		}
		if (!count.isNumber() || !count.canConvertToExactIntegral() || !count.canConvertToInt()
				|| count.intValue() < 0) {
			throw invalid(pointer, "'" + keyword + "' must be a non-negative integer");
		}
		return count.intValue();
	}

	private static IllegalArgumentException invalid(String pointer, String problem) {
		return new IllegalArgumentException("Invalid schema at " + pointer + ": " + problem);
	}

	private static boolean hasType(JsonNode value, String type) {
		return switch (type) {
			case "object" -> value.isObject();
			case "array" -> value.isArray();
			case "string" -> value.isString();
			// JSON Schema counts a number with a zero fraction, such as 4.0, as an integer
			case "integer" -> value.isNumber() && value.canConvertToExactIntegral();
			// A literal such as 1e400 parses as infinite: no number a game can use
			case "number" -> value.isNumber() && decimal(value) != null;
			case "boolean" -> value.isBoolean();
			default -> value.isNull(); // "null", the only name left
		};
	}

	private static @Nullable JsonNode firstRepeated(JsonNode array) {
		for (int later = 1; later < array.size(); later++) {
			for (int earlier = 0; earlier < later; earlier++) {
				if (array.get(later).equals(SAME_VALUE, array.get(earlier))) {
					return array.get(later);
				}
			}
		}
		return null;
	}

	private static int compare(JsonNode number, JsonNode other) {
		BigDecimal value = decimal(number);
		BigDecimal otherValue = decimal(other);
		return (value != null && otherValue != null) ? value.compareTo(otherValue)
				: Double.compare(number.doubleValue(), other.doubleValue());
	}

	/**
	 * The exact value of a number, or {@code null} for a double that is not finite: infinite is what a double parser
	 * makes of a literal such as {@code 1e400}.
	 */
	private static @Nullable BigDecimal decimal(JsonNode number) {
		if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
			return null;
		}
		// Widening a float to a double would invent digits: 0.1f would become 0.10000000149011612
		return number.isFloat() ? new BigDecimal(Float.toString(number.floatValue())) : number.decimalValue();
	}

	/**
	 * A value as JSON, with numbers in their shortest exact form: {@code 8}, never {@code 8.0}. A number too large
	 * for a double, such as {@code 1e400}, is described in words: it was parsed as infinite, but nobody wrote
	 * {@code Infinity}.
	 */
	private static String json(JsonNode value) {
		if (!value.isNumber()) {
			return value.toString();
		}
		BigDecimal decimal = decimal(value);
		if (decimal == null) {
			// NaN gets this far only through a mapper that allows it
			if (Double.isNaN(value.doubleValue())) {
				return "not a number";
			}
			return (value.doubleValue() < 0) ? "a negative number too large to use" : "a number too large to use";
		}
		BigDecimal stripped = decimal.stripTrailingZeros();
		String plain = stripped.toPlainString();
		// Scientific notation only where the plain form would be unreadably long, such as 1E+400
		return (plain.length() <= EXCERPT_LENGTH) ? plain : stripped.toString();
	}

	/** A received value as JSON, cut short when long. */
	private static String excerpt(JsonNode value) {
		String json = json(value);
		String text = value.isString() ? value.stringValue() : json;
		if (text.codePointCount(0, text.length()) <= EXCERPT_LENGTH) {
			return json;
		}
		String start = text.substring(0, text.offsetByCodePoints(0, EXCERPT_LENGTH));
		// A string is cut inside its quotes and the ellipsis goes outside, where it cannot be taken for content
		return (value.isString() ? StringNode.valueOf(start).toString() : start) + "…";
	}

	/**
	 * A value Neuro sent, in the words failure messages use: {@code the string "four"}, {@code the number 9},
	 * {@code null}; long values cut short.
	 * @param value the value
	 * @return its description
	 */
	public static String describe(JsonNode value) {
		return switch (value.getNodeType()) {
			case STRING -> "the string " + excerpt(value);
			case NUMBER -> (decimal(value) != null) ? "the number " + excerpt(value) : json(value);
			case BOOLEAN -> "the boolean " + value;
			case NULL -> "null";
			case ARRAY -> "the array " + excerpt(value);
			case OBJECT -> "the object " + excerpt(value);
			case MISSING -> "nothing";
			default -> "the value " + excerpt(value);
		};
	}

	private static String typeNames(List<String> types) {
		List<String> names = types.stream().map(TYPE_NAMES::get).toList();
		return (names.size() == 1) ? names.get(0)
				: String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
	}

	private static String plural(int count, String noun) {
		return count + " " + noun + ((count != 1) ? "s" : "");
	}

	private static String child(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}

	private static String subject(String path) {
		return path.isEmpty() ? "The parameters" : "'" + path + "'";
	}

	private static String verb(String path) {
		return path.isEmpty() ? "were" : "was";
	}

	/**
	 * A compiled schema: the types it allows ({@code null} for any) and the checks of its other keywords.
	 */
	private record Node(@Nullable List<String> types, List<Check> checks) {

		void validate(JsonNode value, String path, Violations violations) {
			if (this.types != null && this.types.stream().noneMatch((type) -> hasType(value, type))) {
				violations.add(path, "%s must be %s, but %s %s.".formatted(subject(path), typeNames(this.types),
						verb(path), describe(value)));
				// Whatever else is wrong with a value of the wrong type would only distract
				return;
			}
			for (Check check : this.checks) {
				if (violations.isFull()) {
					return;
				}
				check.apply(value, path, violations);
			}
		}

	}

	/**
	 * The check of one keyword; it ignores values of the types the keyword does not apply to, as JSON Schema does.
	 */
	@FunctionalInterface
	private interface Check {

		void apply(JsonNode value, String path, Violations violations);

	}

	/**
	 * The violations found so far, up to {@link #MAX_VIOLATIONS}.
	 */
	private static final class Violations {

		private final List<SchemaViolation> list = new ArrayList<>();

		void add(String path, String message) {
			if (!isFull()) {
				this.list.add(new SchemaViolation(path, message));
			}
		}

		boolean isFull() {
			return this.list.size() >= MAX_VIOLATIONS;
		}

	}

}
