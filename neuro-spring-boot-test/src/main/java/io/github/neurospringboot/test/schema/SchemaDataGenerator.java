package io.github.neurospringboot.test.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

import io.github.neurospringboot.schema.SchemaTraversal;
import io.github.neurospringboot.schema.SchemaValidator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Generates random parameters that satisfy an action's schema, as Neuro's official mock server (Randy) does when it
 * plays a forced action on its own. A test server uses it to call a game's actions with data the game must accept.
 * <p>
 * It reads the dialect that {@link SchemaValidator} checks, and the validator finds no violation in what it
 * generates. How each keyword is satisfied:
 * <ul>
 * <li>{@code const} and {@code enum}: one of the listed values that also satisfies the schema's other keywords;</li>
 * <li>{@code type}: one of the listed types, at random. A schema without a type takes the one its keywords suggest
 * (an object for {@code properties}, a string for {@code pattern}, ...), and a string, an integer or a boolean when
 * nothing suggests one, as {@code true} and {@code {}} do;</li>
 * <li>objects: every {@code required} property, and each other property of {@code properties} about half the
 * time;</li>
 * <li>integers and numbers: from the bounds, exactly whatever their size and precision; 0 to 100 without bounds, a
 * span of 100 from a single bound. Numbers have at least two decimals, and more when the bounds need them;</li>
 * <li>strings: lowercase letters and digits, {@code minLength} to {@code maxLength} code points (12 more than
 * {@code minLength} without a maximum); for a {@code pattern}, see below;</li>
 * <li>arrays: {@code minItems} to {@code maxItems} items (4 more than needed without a maximum), all of
 * {@code prefixItems} when the bounds allow it, distinct items for {@code uniqueItems}.</li>
 * </ul>
 * A bound (of a value, a length or an item count) is picked one time in eight, because that is where a game's own
 * checks most often go wrong.
 * <p>
 * Limits. A string with a {@code pattern} is built from the pattern when it uses only literals, character classes,
 * {@code .}, the shorthands {@code \d \w \s}, groups, alternatives, anchors and quantifiers, such as
 * {@code ^[A-Z]{3}$} or {@code ^(red|green)-\d+$}; otherwise random printable ASCII strings are tried, which finds
 * only matches that are common, such as those of {@code ^(?=.*\d).+$}. Both ways are tried a bounded number of
 * times, after which generation fails with an {@link IllegalArgumentException} that names the schema location and
 * the pattern. Strings are ASCII unless a character class asks for more. Generation also fails, naming the
 * location, where a schema cannot be satisfied: contradictory bounds, a {@code false} schema, a {@code const} or an
 * {@code enum} without a value that fits, fewer distinct values than {@code uniqueItems} and {@code minItems} ask
 * for, a bound that is not a finite number. A part of a schema that is never used, such as the items of an array
 * that came out empty, may go unnoticed.
 * <p>
 * Deterministic for a seeded {@link RandomGenerator}; as thread-safe as the one it is given.
 */
public final class SchemaDataGenerator {

	private static final String ROOT = "#";

	/** The span of the values picked on a side without a bound. */
	private static final BigInteger DEFAULT_SPAN = BigInteger.valueOf(100);

	/** Numbers get at least this many decimals, so that they are not all integers. */
	private static final int MIN_SCALE = 2;

	/** How many more code points than {@code minLength} a string without {@code maxLength} may have. */
	private static final int EXTRA_LENGTH = 12;

	/** How many more items than needed an array without {@code maxItems} may have. */
	private static final int EXTRA_ITEMS = 4;

	/** The attempts of each way to match a pattern, and at each distinct item of a {@code uniqueItems} array. */
	private static final int ATTEMPTS = 500;

	/** A bound is picked one time in this many. */
	private static final int BOUND_ODDS = 8;

	private static final String PLAIN_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

	/** The ASCII characters that print: a space to {@code ~}. */
	private static final String PRINTABLE_CHARACTERS = printableCharacters();

	/** The types of a value whose schema does not suggest any. */
	private static final List<String> ANY_TYPES = List.of("string", "integer", "boolean");

	/** What a schema without a type suggests by its keywords, in the order the types are tried. */
	private static final List<Map.Entry<String, Set<String>>> TYPE_HINTS = List.of(
			Map.entry("object", Set.of("properties", "required")),
			Map.entry("array", Set.of("items", "prefixItems", "minItems", "maxItems", "uniqueItems")),
			Map.entry("string", Set.of("minLength", "maxLength", "pattern")),
			Map.entry("number", Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")));

	/** Equality as {@code uniqueItems} defines it, where {@code 1} equals {@code 1.0}. */
	private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> (a.isNumber() && b.isNumber())
			? a.decimalValue().compareTo(b.decimalValue()) : (a.equals(b) ? 0 : 1);

	private final RandomGenerator random;

	/**
	 * Create a generator.
	 * @param random the source of every random choice; seed it to make generation repeatable
	 */
	public SchemaDataGenerator(RandomGenerator random) {
		this.random = random;
	}

	/**
	 * Generate the parameters of an action.
	 * @param schema the action's schema, whose root must allow an object
	 * @return new parameters that satisfy the schema
	 * @throws IllegalArgumentException if the schema is malformed (as {@link SchemaValidator#of(ObjectNode)} says),
	 * if its root does not allow an object, or if the generator cannot satisfy it; the message names the location in
	 * the schema, such as {@code #/properties/code}
	 */
	public ObjectNode generate(ObjectNode schema) {
		// The validator rejects malformed schemas precisely; generation can then trust their shape
		SchemaValidator.of(schema);
		JsonNode type = schema.get("type");
		if (type != null && !types(type).contains("object")) {
			throw cannot(ROOT, "Neuro's parameters are a JSON object, but the schema's root has the type " + type);
		}
		// Whatever else the root's type allows, only an object will do
		return (ObjectNode) (hasChoices(schema) ? choose(schema, ROOT, true) : object(schema, ROOT));
	}

	/**
	 * Generate one value, such as a property of an action's parameters.
	 * @param schema a schema object or a boolean schema
	 * @return a new value that satisfies the schema
	 * @throws IllegalArgumentException if the schema is malformed or the generator cannot satisfy it; the message
	 * names the location in the schema
	 */
	public JsonNode generateValue(JsonNode schema) {
		if (schema instanceof ObjectNode object) {
			SchemaValidator.of(object);
		}
		else if (!schema.isBoolean()) {
			throw new IllegalArgumentException("Invalid schema at #: a schema must be a JSON object or a boolean");
		}
		return value(schema, ROOT);
	}

	private JsonNode value(JsonNode schema, String pointer) {
		if (!(schema instanceof ObjectNode object)) {
			if (!schema.booleanValue()) {
				throw cannot(pointer, "the schema is false, which no value satisfies");
			}
			return value(JsonNodeFactory.instance.objectNode(), pointer);
		}
		if (hasChoices(object)) {
			return choose(object, pointer, false);
		}
		List<String> types = typesOf(object);
		// Another type may work where one cannot, as in {"type": ["integer", "null"], "minimum": 2, "maximum": 1}
		int first = this.random.nextInt(types.size());
		for (int i = 0;; i++) {
			try {
				return valueOfType(types.get((first + i) % types.size()), object, pointer);
			}
			catch (IllegalArgumentException ex) {
				if (i == types.size() - 1) {
					throw ex;
				}
			}
		}
	}

	private JsonNode valueOfType(String type, ObjectNode schema, String pointer) {
		return switch (type) {
			case "object" -> object(schema, pointer);
			case "array" -> array(schema, pointer);
			case "string" -> StringNode.valueOf(string(schema, pointer));
			case "integer" -> integer(schema, pointer);
			case "number" -> number(schema, pointer);
			case "boolean" -> BooleanNode.valueOf(this.random.nextBoolean());
			default -> NullNode.getInstance(); // "null", the only name the validator leaves
		};
	}

	private static boolean hasChoices(ObjectNode schema) {
		return schema.has("const") || schema.has("enum");
	}

	/** One of the values of {@code const} or {@code enum} that satisfies the rest of the schema. */
	private JsonNode choose(ObjectNode schema, String pointer, boolean objectsOnly) {
		List<JsonNode> allowed = choices(schema, pointer, objectsOnly);
		return allowed.get(this.random.nextInt(allowed.size())).deepCopy();
	}

	/** The values of {@code const} or {@code enum} that satisfy the rest of the schema; never empty. */
	private static List<JsonNode> choices(ObjectNode schema, String pointer, boolean objectsOnly) {
		JsonNode constant = schema.get("const");
		Collection<JsonNode> listed = (constant != null) ? List.of(constant) : schema.get("enum").values();
		SchemaValidator validator = SchemaValidator.of(schema);
		List<JsonNode> allowed = listed.stream()
			.filter((value) -> (!objectsOnly || value.isObject()) && validator.validate(value).isEmpty())
			.toList();
		if (allowed.isEmpty()) {
			throw cannot(pointer, "no value of its " + ((constant != null) ? "const" : "enum")
					+ (objectsOnly ? " is an object that satisfies" : " satisfies") + " its other keywords");
		}
		return allowed;
	}

	private static List<String> typesOf(ObjectNode schema) {
		JsonNode type = schema.get("type");
		if (type != null) {
			return types(type);
		}
		List<String> hinted = TYPE_HINTS.stream()
			.filter((hint) -> hint.getValue().stream().anyMatch(schema::has))
			.map(Map.Entry::getKey)
			.toList();
		return hinted.isEmpty() ? ANY_TYPES : hinted;
	}

	private static List<String> types(JsonNode type) {
		return type.isArray() ? type.valueStream().map(JsonNode::stringValue).toList() : List.of(type.stringValue());
	}

	private ObjectNode object(ObjectNode schema, String pointer) {
		ObjectNode object = JsonNodeFactory.instance.objectNode();
		List<String> required = schema.path("required").valueStream().map(JsonNode::stringValue).toList();
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			String name = property.getKey();
			// An optional property is generated even when it is left out, so that a schema the generator cannot
			// satisfy fails every time rather than every other time
			JsonNode value = value(property.getValue(), SchemaTraversal.child(pointer + "/properties", name));
			if (required.contains(name) || this.random.nextBoolean()) {
				object.set(name, value);
			}
		}
		for (String name : required) {
			// A required property that is not described only has to be present
			if (!object.has(name)) {
				object.set(name, value(BooleanNode.TRUE, pointer));
			}
		}
		return object;
	}

	private ArrayNode array(ObjectNode schema, String pointer) {
		List<JsonNode> prefix = List.copyOf(schema.path("prefixItems").values());
		JsonNode items = schema.get("items");
		boolean closed = items != null && items.isBoolean() && !items.booleanValue();
		int minItems = count(schema, "minItems", 0);
		int maxItems = count(schema, "maxItems", Integer.MAX_VALUE);
		if (minItems > maxItems) {
			throw cannot(pointer, "its minItems " + minItems + " is greater than its maxItems " + maxItems);
		}
		if (closed && minItems > prefix.size()) {
			throw cannot(pointer, "its minItems " + minItems + " asks for more items than its " + prefix.size()
					+ " prefixItems, and its items is false");
		}
		int high = Math.min(maxItems, closed ? prefix.size() : Math.max(minItems, prefix.size()) + EXTRA_ITEMS);
		// A whole tuple reads better than a cut one
		int low = Math.max(minItems, Math.min(prefix.size(), high));
		int size = between(low, high);
		boolean unique = schema.path("uniqueItems").booleanValue(false);
		ArrayNode array = JsonNodeFactory.instance.arrayNode();
		for (int i = 0; i < size; i++) {
			boolean inPrefix = i < prefix.size();
			JsonNode itemSchema = inPrefix ? prefix.get(i) : (items != null) ? items : BooleanNode.TRUE;
			String itemPointer = inPrefix ? pointer + "/prefixItems/" + i : pointer + "/items";
			JsonNode item = unique ? distinctItem(array, itemSchema, itemPointer) : value(itemSchema, itemPointer);
			if (item == null) {
				// Fewer distinct values than the size picked: a shorter array does as well, if minItems allows it
				if (i < minItems) {
					throw cannot(pointer, "its uniqueItems and minItems ask for " + minItems
							+ " distinct items, but only " + i + " were found");
				}
				break;
			}
			array.add(item);
		}
		return array;
	}

	private @Nullable JsonNode distinctItem(ArrayNode array, JsonNode schema, String pointer) {
		if (schema instanceof ObjectNode object && hasChoices(object)) {
			// Drawing from a short list until a new value comes up would take long for its last values
			List<JsonNode> left = choices(object, pointer, false).stream()
				.filter((item) -> isNew(item, array))
				.toList();
			return left.isEmpty() ? null : left.get(this.random.nextInt(left.size())).deepCopy();
		}
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			JsonNode item = value(schema, pointer);
			if (isNew(item, array)) {
				return item;
			}
		}
		return null;
	}

	private static boolean isNew(JsonNode item, ArrayNode array) {
		return array.valueStream().noneMatch((other) -> other.equals(SAME_VALUE, item));
	}

	private JsonNode integer(ObjectNode schema, String pointer) {
		Range range = Range.of(schema, pointer);
		BigInteger low = range.lowestInteger();
		BigInteger high = range.highestInteger();
		if (low == null) {
			low = (high != null) ? high.subtract(DEFAULT_SPAN) : BigInteger.ZERO;
		}
		if (high == null) {
			high = low.add(DEFAULT_SPAN);
		}
		if (low.compareTo(high) > 0) {
			throw cannot(pointer, "no integer is " + range);
		}
		BigInteger value = between(low, high);
		if (value.bitLength() < Integer.SIZE) {
			return IntNode.valueOf(value.intValue());
		}
		return (value.bitLength() < Long.SIZE) ? LongNode.valueOf(value.longValue()) : BigIntegerNode.valueOf(value);
	}

	private JsonNode number(ObjectNode schema, String pointer) {
		Range range = Range.of(schema, pointer);
		BigDecimal low = range.low();
		BigDecimal high = range.high();
		if (low == null) {
			low = (high != null) ? high.subtract(new BigDecimal(DEFAULT_SPAN)) : BigDecimal.ZERO;
		}
		if (high == null) {
			high = low.add(new BigDecimal(DEFAULT_SPAN));
		}
		int comparison = low.compareTo(high);
		if (comparison > 0 || (comparison == 0 && (range.lowExclusive() || range.highExclusive()))) {
			throw cannot(pointer, "no number is " + range);
		}
		// Values lie on a grid of decimals at least as fine as the bounds. Between two distinct bounds one step
		// apart, both exclusive, it has no room; one more decimal makes nine steps
		BigInteger first = range.lowExclusive() ? BigInteger.ONE : BigInteger.ZERO;
		int scale = Math.max(MIN_SCALE, Math.max(low.scale(), high.scale()));
		BigInteger last = lastStep(low, high, scale, range.highExclusive());
		if (last.compareTo(first) < 0) {
			scale++;
			last = lastStep(low, high, scale, range.highExclusive());
		}
		BigDecimal value = low.add(new BigDecimal(between(first, last), scale)).stripTrailingZeros();
		// Plain digits rather than a positive exponent: 100, not 1E+2
		return DecimalNode.valueOf((value.scale() < 0) ? value.setScale(0) : value);
	}

	private static BigInteger lastStep(BigDecimal low, BigDecimal high, int scale, boolean exclusive) {
		BigInteger steps = high.subtract(low).movePointRight(scale).toBigIntegerExact();
		return exclusive ? steps.subtract(BigInteger.ONE) : steps;
	}

	private String string(ObjectNode schema, String pointer) {
		int minLength = count(schema, "minLength", 0);
		int maxLength = count(schema, "maxLength", minLength + EXTRA_LENGTH);
		if (minLength > maxLength) {
			throw cannot(pointer, "its minLength " + minLength + " is greater than its maxLength " + maxLength);
		}
		JsonNode regex = schema.get("pattern");
		if (regex == null) {
			return randomString(PLAIN_CHARACTERS, between(minLength, maxLength));
		}
		Pattern pattern = Pattern.compile(regex.stringValue());
		PatternSampler sampler = PatternSampler.of(regex.stringValue());
		for (int attempt = 0; sampler != null && attempt < ATTEMPTS; attempt++) {
			String candidate = sample(sampler, minLength, maxLength);
			if (matches(candidate, pattern, minLength, maxLength)) {
				return candidate;
			}
		}
		// Random strings cover what a sketch cannot read, such as lookarounds, when matches are common
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			String candidate = randomString(PRINTABLE_CHARACTERS, between(minLength, maxLength));
			if (matches(candidate, pattern, minLength, maxLength)) {
				return candidate;
			}
		}
		throw cannot(pointer, "found no string of " + minLength + " to " + maxLength + " characters that matches"
				+ " the pattern " + regex + " (the generator builds strings from literals, character classes,"
				+ " groups, alternatives and quantifiers, and tries random strings for the rest)");
	}

	private static boolean matches(String candidate, Pattern pattern, int minLength, int maxLength) {
		int length = candidate.codePointCount(0, candidate.length());
		// JSON Schema patterns are not anchored: find, not matches
		return length >= minLength && length <= maxLength && pattern.matcher(candidate).find();
	}

	private String sample(PatternSampler sampler, int minLength, int maxLength) {
		String core = sampler.sample(this.random, maxLength);
		// A pattern that is not anchored also matches inside a longer string, which helps reach minLength
		boolean before = !sampler.anchoredAtStart();
		boolean after = !sampler.anchoredAtEnd();
		int padding = between(minLength, maxLength) - core.codePointCount(0, core.length());
		if (padding <= 0 || !(before || after)) {
			return core;
		}
		int ahead = !before ? 0 : !after ? padding : this.random.nextInt(padding + 1);
		return randomString(PLAIN_CHARACTERS, ahead) + core + randomString(PLAIN_CHARACTERS, padding - ahead);
	}

	private String randomString(String characters, int length) {
		StringBuilder string = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			string.append(characters.charAt(this.random.nextInt(characters.length())));
		}
		return string.toString();
	}

	private int between(int low, int high) {
		return between(BigInteger.valueOf(low), BigInteger.valueOf(high)).intValueExact();
	}

	/** A value from {@code low} to {@code high}, both included, with a bound one time in {@link #BOUND_ODDS}. */
	private BigInteger between(BigInteger low, BigInteger high) {
		if (this.random.nextInt(BOUND_ODDS) == 0) {
			return this.random.nextBoolean() ? low : high;
		}
		return low.add(upTo(high.subtract(low)));
	}

	/** A uniform value from 0 to {@code span}, both included, whatever the size of {@code span}. */
	private BigInteger upTo(BigInteger span) {
		if (span.bitLength() < Long.SIZE - 1) {
			return BigInteger.valueOf(this.random.nextLong(span.longValue() + 1));
		}
		// Rejection sampling: a draw of as many bits as span has is at most span at least half the time
		byte[] bytes = new byte[(span.bitLength() + Byte.SIZE - 1) / Byte.SIZE];
		BigInteger candidate;
		do {
			this.random.nextBytes(bytes);
			candidate = new BigInteger(1, bytes).shiftRight(bytes.length * Byte.SIZE - span.bitLength());
		}
		while (candidate.compareTo(span) > 0);
		return candidate;
	}

	private static int count(ObjectNode schema, String keyword, int fallback) {
		JsonNode count = schema.get(keyword);
		return (count != null) ? count.intValue() : fallback;
	}

	private static IllegalArgumentException cannot(String pointer, String problem) {
		return new IllegalArgumentException("Cannot generate a value at " + pointer + ": " + problem);
	}

	private static String printableCharacters() {
		StringBuilder characters = new StringBuilder();
		for (char c = ' '; c <= '~'; c++) {
			characters.append(c);
		}
		return characters.toString();
	}

	/**
	 * The bounds of a number: the tighter of {@code minimum} and {@code exclusiveMinimum}, and of {@code maximum}
	 * and {@code exclusiveMaximum}; {@code null} where there is none.
	 */
	private record Range(@Nullable BigDecimal low, boolean lowExclusive, @Nullable BigDecimal high,
			boolean highExclusive) {

		static Range of(ObjectNode schema, String pointer) {
			BigDecimal minimum = bound(schema, "minimum", pointer);
			BigDecimal exclusiveMinimum = bound(schema, "exclusiveMinimum", pointer);
			BigDecimal maximum = bound(schema, "maximum", pointer);
			BigDecimal exclusiveMaximum = bound(schema, "exclusiveMaximum", pointer);
			// On a tie, the exclusive bound is the tighter one
			boolean lowExclusive = exclusiveMinimum != null
					&& (minimum == null || exclusiveMinimum.compareTo(minimum) >= 0);
			boolean highExclusive = exclusiveMaximum != null
					&& (maximum == null || exclusiveMaximum.compareTo(maximum) <= 0);
			return new Range(lowExclusive ? exclusiveMinimum : minimum, lowExclusive,
					highExclusive ? exclusiveMaximum : maximum, highExclusive);
		}

		private static @Nullable BigDecimal bound(ObjectNode schema, String keyword, String pointer) {
			JsonNode bound = schema.get(keyword);
			if (bound == null) {
				return null;
			}
			if ((bound.isDouble() || bound.isFloat()) && !Double.isFinite(bound.doubleValue())) {
				throw cannot(pointer, "its " + keyword + " is not a finite number");
			}
			// Widening a float to a double would invent digits, as SchemaValidator knows too
			return bound.isFloat() ? new BigDecimal(Float.toString(bound.floatValue())) : bound.decimalValue();
		}

		@Nullable BigInteger lowestInteger() {
			if (this.low == null) {
				return null;
			}
			return this.lowExclusive ? this.low.setScale(0, RoundingMode.FLOOR).toBigInteger().add(BigInteger.ONE)
					: this.low.setScale(0, RoundingMode.CEILING).toBigInteger();
		}

		@Nullable BigInteger highestInteger() {
			if (this.high == null) {
				return null;
			}
			return this.highExclusive
					? this.high.setScale(0, RoundingMode.CEILING).toBigInteger().subtract(BigInteger.ONE)
					: this.high.setScale(0, RoundingMode.FLOOR).toBigInteger();
		}

		/** The bounds in words, as in {@code at least 10 and at most 5}. */
		@Override
		public String toString() {
			List<String> parts = new ArrayList<>();
			if (this.low != null) {
				parts.add((this.lowExclusive ? "greater than " : "at least ") + plain(this.low));
			}
			if (this.high != null) {
				parts.add((this.highExclusive ? "less than " : "at most ") + plain(this.high));
			}
			return String.join(" and ", parts);
		}

		private static String plain(BigDecimal bound) {
			return bound.stripTrailingZeros().toPlainString();
		}

	}

}
