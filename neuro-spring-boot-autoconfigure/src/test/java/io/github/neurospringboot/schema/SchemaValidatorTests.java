package io.github.neurospringboot.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SchemaValidator}.
 */
class SchemaValidatorTests {

	private static final JsonMapper MAPPER = JsonMapper.shared();

	/** The {@code place_mark} fixture of the conformance test vectors. */
	private static final String PLACE_MARK = """
			{"type":"object","properties":{"cell":{"type":"integer","minimum":0,"maximum":8}},"required":["cell"]}
			""";

	private static final String MOVES = """
			{
				"type": "object",
				"properties": {
					"moves": {
						"type": "array",
						"items": {
							"type": "object",
							"properties": {
								"from": {"type": "integer", "minimum": 0, "maximum": 8},
								"to": {"type": "integer", "minimum": 0, "maximum": 8}
							},
							"required": ["from", "to"]
						}
					}
				},
				"required": ["moves"]
			}
			""";

	@Test
	void fixtureWithoutTheRequiredCellIsMissingIt() {
		assertThat(validate(PLACE_MARK, "{}"))
			.containsExactly(new SchemaViolation("cell", "Missing required parameter 'cell'."));
	}

	@Test
	void fixtureWithAStringCellHasTheWrongType() {
		assertThat(validate(PLACE_MARK, """
				{"cell":"four"}
				""")).containsExactly(
						new SchemaViolation("cell", "'cell' must be an integer, but was the string \"four\"."));
	}

	@Test
	void fixtureWithACellAboveTheMaximumIsOutOfBounds() {
		assertThat(validate(PLACE_MARK, """
				{"cell":9}
				""")).containsExactly(new SchemaViolation("cell", "'cell' must be at most 8, but was 9."));
	}

	@Test
	void fixtureWithACellBelowTheMinimumIsOutOfBounds() {
		assertThat(messages(PLACE_MARK, """
				{"cell":-1}
				""")).containsExactly("'cell' must be at least 0, but was -1.");
	}

	@Test
	void fixtureWithAnExtraPropertyIsValid() {
		assertThat(validate(PLACE_MARK, """
				{"cell":4,"note":"hi"}
				""")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "4", "4.0", "4.00", "4e0", "0", "8" })
	void integerAcceptsNumbersWithoutAFraction(String cell) {
		assertThat(validate(PLACE_MARK, "{\"cell\":" + cell + "}")).isEmpty();
	}

	@Test
	void integerRejectsNumbersWithAFraction() {
		assertThat(messages(PLACE_MARK, """
				{"cell":4.5}
				""")).containsExactly("'cell' must be an integer, but was the number 4.5.");
	}

	@Test
	void everyMissingRequiredPropertyIsReportedInTheOrderOfRequired() {
		String schema = """
				{"type":"object","required":["row","column","mark"]}
				""";
		assertThat(validate(schema, """
				{"column":1}
				""")).containsExactly(new SchemaViolation("row", "Missing required parameter 'row'."),
						new SchemaViolation("mark", "Missing required parameter 'mark'."));
	}

	@Test
	void missingNestedPropertyIsNamedByItsPath() {
		String schema = """
				{
					"type": "object",
					"properties": {
						"move": {
							"type": "object",
							"properties": {"to": {"type": "integer"}},
							"required": ["from", "to"]
						}
					},
					"required": ["move"]
				}
				""";
		assertThat(validate(schema, """
				{"move":{"from":1}}
				""")).containsExactly(new SchemaViolation("move.to", "Missing required parameter 'move.to'."));
	}

	@Test
	void presentNullCountsAsPresent() {
		String schema = """
				{"type":"object","required":["target"]}
				""";
		assertThat(validate(schema, """
				{"target":null}
				""")).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			string  | true                | 'value' must be a string, but was the boolean true.
			string  | null                | 'value' must be a string, but was null.
			string  | [1,2]               | 'value' must be a string, but was the array [1,2].
			string  | {"first":"Ann"}     | 'value' must be a string, but was the object {"first":"Ann"}.
			string  | 1.50                | 'value' must be a string, but was the number 1.5.
			number  | "4"                 | 'value' must be a number, but was the string "4".
			boolean | "yes"               | 'value' must be a boolean, but was the string "yes".
			array   | 4                   | 'value' must be an array, but was the number 4.
			object  | [4]                 | 'value' must be a JSON object, but was the array [4].
			null    | 0                   | 'value' must be null, but was the number 0.
			integer | "say \\"hi\\""      | 'value' must be an integer, but was the string "say \\"hi\\"".
			""")
	void wrongTypeSaysWhatWasExpectedAndWhatArrived(String type, String value, String message) {
		String schema = "{\"type\":\"object\",\"properties\":{\"value\":{\"type\":\"" + type + "\"}}}";
		assertThat(validate(schema, "{\"value\":" + value + "}"))
			.containsExactly(new SchemaViolation("value", message));
	}

	@Test
	void wrongTypeQuotesOnlyAnExcerptOfALongString() {
		String schema = """
				{"type":"object","properties":{"cell":{"type":"integer"}}}
				""";
		assertThat(messages(schema, "{\"cell\":\"" + "a".repeat(41) + "\"}"))
			.containsExactly("'cell' must be an integer, but was the string \"" + "a".repeat(40) + "\"….");
	}

	@Test
	void wrongTypeQuotesOnlyAnExcerptOfALongArray() {
		String schema = """
				{"type":"object","properties":{"cell":{"type":"integer"}}}
				""";
		assertThat(messages(schema, """
				{"cell":[100,200,300,400,500,600,700,800,900,1000,1100]}
				"""))
			.containsExactly(
					"'cell' must be an integer, but was the array [100,200,300,400,500,600,700,800,900,100….");
	}

	@Test
	void excerptDoesNotSplitACharacterOutsideTheBasicPlane() {
		String schema = """
				{"type":"object","properties":{"cell":{"type":"integer"}}}
				""";
		assertThat(messages(schema, "{\"cell\":\"" + "😀".repeat(41) + "\"}"))
			.containsExactly("'cell' must be an integer, but was the string \"" + "😀".repeat(40) + "\"….");
	}

	@Test
	void wrongTypeStopsTheValidationOfThatValue() {
		String schema = """
				{
					"type": "object",
					"properties": {
						"move": {"type": "object", "properties": {"to": {"type": "integer"}}, "required": ["to"]},
						"name": {"type": "string", "minLength": 3, "pattern": "^[a-z]+$"}
					}
				}
				""";
		assertThat(messages(schema, """
				{"move":"a1","name":7}
				""")).containsExactly("'move' must be a JSON object, but was the string \"a1\".",
						"'name' must be a string, but was the number 7.");
	}

	@Test
	void rootThatIsNotAnObjectIsTheWrongType() {
		assertThat(validate(PLACE_MARK, "[4]"))
			.containsExactly(new SchemaViolation("", "The parameters must be a JSON object, but were the array [4]."));
		assertThat(messages(PLACE_MARK, "4"))
			.containsExactly("The parameters must be a JSON object, but were the number 4.");
		assertThat(messages(PLACE_MARK, "null"))
			.containsExactly("The parameters must be a JSON object, but were null.");
	}

	@Test
	void missingRootIsTheWrongType() {
		assertThat(SchemaValidator.of(schema(PLACE_MARK)).validate(MissingNode.getInstance()))
			.containsExactly(new SchemaViolation("", "The parameters must be a JSON object, but were nothing."));
	}

	@Test
	void typeArrayAcceptsEachOfItsTypes() {
		String schema = """
				{"type":"object","properties":{"nickname":{"type":["string","null"],"minLength":2}}}
				""";
		assertThat(validate(schema, """
				{"nickname":null}
				""")).isEmpty();
		assertThat(validate(schema, """
				{"nickname":"Vedal"}
				""")).isEmpty();
		assertThat(messages(schema, """
				{"nickname":"V"}
				""")).containsExactly("'nickname' must be at least 2 characters long, but was 1.");
		assertThat(messages(schema, """
				{"nickname":4}
				""")).containsExactly("'nickname' must be a string or null, but was the number 4.");
	}

	@Test
	void typeArrayOfThreeListsThemAll() {
		String schema = """
				{"type":"object","properties":{"amount":{"type":["integer","string","null"]}}}
				""";
		assertThat(messages(schema, """
				{"amount":true}
				""")).containsExactly("'amount' must be an integer, a string or null, but was the boolean true.");
	}

	@Test
	void enumListsTheAllowedValues() {
		String schema = """
				{"type":"object","properties":{"color":{"type":"string","enum":["red","green","blue"]}}}
				""";
		assertThat(validate(schema, """
				{"color":"green"}
				""")).isEmpty();
		assertThat(messages(schema, """
				{"color":"pink"}
				""")).containsExactly("'color' must be one of \"red\", \"green\", \"blue\", but was \"pink\".");
	}

	@Test
	void enumPrintsNumbersBooleansAndNullAsJson() {
		String schema = """
				{"type":"object","properties":{"choice":{"enum":[1, 2.50, true, null, "x", [1]]}}}
				""";
		assertThat(messages(schema, """
				{"choice":3}
				""")).containsExactly("'choice' must be one of 1, 2.5, true, null, \"x\", [1], but was 3.");
	}

	@Test
	void enumComparesNumbersByValue() {
		String schema = """
				{"type":"object","properties":{"choice":{"enum":[1, 2.5, [3], {"a": 4}]}}}
				""";
		assertThat(validate(schema, """
				{"choice":1.0}
				""")).isEmpty();
		assertThat(validate(schema, """
				{"choice":2.50}
				""")).isEmpty();
		assertThat(validate(schema, """
				{"choice":[3.0]}
				""")).isEmpty();
		assertThat(validate(schema, """
				{"choice":{"a":4.0}}
				""")).isEmpty();
		assertThat(messages(schema, """
				{"choice":"1"}
				""")).containsExactly("'choice' must be one of 1, 2.5, [3], {\"a\":4}, but was \"1\".");
	}

	@Test
	void constSaysTheOnlyAllowedValue() {
		String schema = """
				{"type":"object","properties":{"mode":{"const":"fast"}}}
				""";
		assertThat(validate(schema, """
				{"mode":"fast"}
				""")).isEmpty();
		assertThat(validate(schema, """
				{"mode":"slow"}
				""")).containsExactly(new SchemaViolation("mode", "'mode' must be \"fast\"."));
	}

	@Test
	void constNullAllowsOnlyNull() {
		String schema = """
				{"type":"object","properties":{"target":{"const":null}}}
				""";
		assertThat(validate(schema, """
				{"target":null}
				""")).isEmpty();
		assertThat(messages(schema, """
				{"target":0}
				""")).containsExactly("'target' must be null.");
	}

	@Test
	void exclusiveBoundsAreStrict() {
		String schema = """
				{"type":"object","properties":{"speed":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":10}}}
				""";
		assertThat(validate(schema, """
				{"speed":0.001}
				""")).isEmpty();
		assertThat(validate(schema, """
				{"speed":9.999}
				""")).isEmpty();
		assertThat(messages(schema, """
				{"speed":0}
				""")).containsExactly("'speed' must be greater than 0, but was 0.");
		assertThat(messages(schema, """
				{"speed":10}
				""")).containsExactly("'speed' must be less than 10, but was 10.");
	}

	@Test
	void boundsAreInclusive() {
		String schema = """
				{"type":"object","properties":{"volume":{"type":"number","minimum":0.5,"maximum":1.5}}}
				""";
		assertThat(validate(schema, """
				{"volume":0.5}
				""")).isEmpty();
		assertThat(validate(schema, """
				{"volume":1.5}
				""")).isEmpty();
		assertThat(messages(schema, """
				{"volume":0.49}
				""")).containsExactly("'volume' must be at least 0.5, but was 0.49.");
	}

	@Test
	void integralBoundsAndValuesArePrintedWithoutAFraction() {
		String schema = """
				{"type":"object","properties":{"cell":{"type":"number","maximum":8.0}}}
				""";
		assertThat(messages(schema, """
				{"cell":9.0}
				""")).containsExactly("'cell' must be at most 8, but was 9.");
	}

	@Test
	void decimalsAreComparedExactly() {
		String schema = """
				{"type":"object","properties":{"ratio":{"type":"number","maximum":0.3}}}
				""";
		assertThat(validate(schema, """
				{"ratio":0.3}
				""")).isEmpty();
		assertThat(messages(schema, """
				{"ratio":0.30000000000000004}
				""")).containsExactly("'ratio' must be at most 0.3, but was 0.30000000000000004.");
	}

	@Test
	void floatBoundsKeepTheirDecimalValue() {
		ObjectNode property = JsonNodeFactory.instance.objectNode().put("type", "number").put("maximum", 0.1f);
		ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
		schema.putObject("properties").set("ratio", property);
		SchemaValidator validator = SchemaValidator.of(schema);
		assertThat(validator.validate(MAPPER.readTree("{\"ratio\":0.1}"))).isEmpty();
		assertThat(validator.validate(MAPPER.readTree("{\"ratio\":0.10000000149}")))
			.extracting(SchemaViolation::message)
			.containsExactly("'ratio' must be at most 0.1, but was 0.10000000149.");
	}

	@Test
	void integersBeyondLongAreComparedExactly() {
		String schema = """
				{
					"type": "object",
					"properties": {
						"big": {"type": "integer", "maximum": 9223372036854775807},
						"huge": {"type": "integer", "minimum": 100000000000000000000000000000}
					}
				}
				""";
		assertThat(validate(schema, """
				{"big":9223372036854775807,"huge":100000000000000000000000000000}
				""")).isEmpty();
		assertThat(messages(schema, """
				{"big":9223372036854775808,"huge":99999999999999999999999999999}
				""")).containsExactly("'big' must be at most 9223372036854775807, but was 9223372036854775808.",
						"'huge' must be at least 100000000000000000000000000000, "
								+ "but was 99999999999999999999999999999.");
	}

	@Test
	void numbersTooLargeForADoubleAreNoNumberAGameCanUse() {
		String schema = """
				{"type":"object","properties":{"amount":{"type":"number","minimum":0,"maximum":8}}}
				""";
		assertThat(messages(schema, """
				{"amount":1e400}
				""")).containsExactly("'amount' must be a number, but was a number too large to use.");
		assertThat(messages(schema, """
				{"amount":-1e400}
				""")).containsExactly("'amount' must be a number, but was a negative number too large to use.");
		JsonMapper exact = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
		assertThat(SchemaValidator.of(schema(schema)).validate(exact.readTree("{\"amount\":1e400}")))
			.extracting(SchemaViolation::message)
			.containsExactly("'amount' must be at most 8, but was 1E+400.");
		JsonMapper lenient = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
		assertThat(SchemaValidator.of(schema(schema)).validate(lenient.readTree("{\"amount\":NaN}")))
			.extracting(SchemaViolation::message)
			.containsExactly("'amount' must be a number, but was not a number.");
	}

	@Test
	void numbersTooLargeForADoubleAreNeverCalledInfinity() {
		assertThat(messages(PLACE_MARK, """
				{"cell":1e400}
				""")).containsExactly("'cell' must be an integer, but was a number too large to use.");
		assertThat(messages("""
				{"type":"object","properties":{"level":{"enum":[1,2]},"levels":{"type":"array","uniqueItems":true}}}
				""", """
				{"level":1e400,"levels":[-1e400,-1e400]}
				""")).containsExactly("'level' must be one of 1, 2, but was a number too large to use.",
						"'levels' must not repeat items, but a negative number too large to use appears more than "
								+ "once.");
	}

	@Test
	void lengthLimitsUseTheRightNumber() {
		String schema = """
				{
					"type": "object",
					"properties": {
						"name": {"type": "string", "minLength": 1, "maxLength": 20},
						"initials": {"type": "string", "minLength": 2, "maxLength": 3},
						"letter": {"type": "string", "maxLength": 1}
					}
				}
				""";
		assertThat(messages(schema, """
				{"name":"","initials":"A","letter":"ab"}
				""")).containsExactly("'name' must be at least 1 character long, but was 0.",
						"'initials' must be at least 2 characters long, but was 1.",
						"'letter' must be at most 1 character long, but was 2.");
		assertThat(messages(schema, "{\"name\":\"" + "n".repeat(25) + "\"}"))
			.containsExactly("'name' must be at most 20 characters long, but was 25.");
	}

	@Test
	void lengthCountsCodePoints() {
		String schema = """
				{"type":"object","properties":{"emoji":{"type":"string","maxLength":2}}}
				""";
		assertThat(validate(schema, """
				{"emoji":"😀😀"}
				""")).isEmpty();
		assertThat(messages(schema, """
				{"emoji":"😀😀😀"}
				""")).containsExactly("'emoji' must be at most 2 characters long, but was 3.");
	}

	@Test
	void patternMustBeFound() {
		String schema = """
				{"type":"object","properties":{"code":{"type":"string","pattern":"^[A-Z]{3}$"}}}
				""";
		assertThat(validate(schema, """
				{"code":"ABC"}
				""")).isEmpty();
		assertThat(validate(schema, """
				{"code":"ab"}
				""")).containsExactly(
						new SchemaViolation("code", "'code' must match the pattern ^[A-Z]{3}$, but was \"ab\"."));
	}

	@Test
	void patternIsNotAnchored() {
		String schema = """
				{"type":"object","properties":{"code":{"type":"string","pattern":"[0-9]"}}}
				""";
		assertThat(validate(schema, """
				{"code":"a1b"}
				""")).isEmpty();
		assertThat(messages(schema, """
				{"code":"abc"}
				""")).containsExactly("'code' must match the pattern [0-9], but was \"abc\".");
	}

	@Test
	void invalidPatternIsRejectedWhenCompiling() {
		assertThatIllegalArgumentException().isThrownBy(() -> SchemaValidator.of(schema("""
				{"type":"object","properties":{"code":{"type":"string","pattern":"[A-Z"}}}
				""")))
			.withMessageStartingWith(
					"Invalid schema at #/properties/code: 'pattern' \"[A-Z\" is not a valid regular expression");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			{"type":[]}                                | #: 'type' must not be an empty array
			{"properties":{"a":{"minimum":"0"}}}       | #/properties/a: 'minimum' must be a number
			{"properties":{"a":{"maxLength":-1}}}      | #/properties/a: 'maxLength' must be a non-negative integer
			{"properties":{"a":{"minItems":1.5}}}      | #/properties/a: 'minItems' must be a non-negative integer
			{"properties":{"a":{"enum":[]}}}           | #/properties/a: 'enum' must be a non-empty array
			{"properties":{"a":{"uniqueItems":"yes"}}} | #/properties/a: 'uniqueItems' must be a boolean
			{"properties":{"a":"integer"}}             | #/properties/a: a schema must be a JSON object or a boolean
			{"properties":{"a":{"items":[]}}}          | #/properties/a/items: a schema must be a JSON object or a boolean
			{"properties":{"a":{"prefixItems":{}}}}    | #/properties/a: 'prefixItems' must be an array of schemas
			{"required":"a"}                           | #: 'required' must be an array of property names
			""")
	void malformedKeywordIsRejectedWhenCompiling(String schema, String location) {
		assertThatIllegalArgumentException().isThrownBy(() -> SchemaValidator.of(schema(schema)))
			.withMessage("Invalid schema at " + location);
	}

	@Test
	void unknownTypeIsRejectedWhenCompiling() {
		assertThatIllegalArgumentException().isThrownBy(() -> SchemaValidator.of(schema("""
				{"type":"object","properties":{"cell":{"type":["integer","float"]}}}
				""")))
			.withMessage("Invalid schema at #/properties/cell: "
					+ "'type' must be object, array, string, integer, number, boolean or null, or an array of them");
	}

	@Test
	void unknownKeywordsAndFormatAreIgnored() {
		String schema = """
				{
					"type": "object",
					"additionalProperties": false,
					"properties": {"email": {"type": "string", "format": "email", "x-hint": 3, "description": "Yours."}}
				}
				""";
		assertThat(validate(schema, """
				{"email":"not an email","extra":true}
				""")).isEmpty();
	}

	@Test
	void arraySizesAreChecked() {
		String schema = """
				{"type":"object","properties":{"cells":{"type":"array","minItems":1,"maxItems":3}}}
				""";
		assertThat(validate(schema, """
				{"cells":[]}
				""")).containsExactly(new SchemaViolation("cells", "'cells' must have at least 1 item, but had 0."));
		assertThat(messages(schema, """
				{"cells":[1,2,3,4,5]}
				""")).containsExactly("'cells' must have at most 3 items, but had 5.");
		assertThat(messages("""
				{"type":"object","properties":{"cells":{"type":"array","minItems":2,"maxItems":1}}}
				""", """
				{"cells":[1]}
				""")).containsExactly("'cells' must have at least 2 items, but had 1.");
	}

	@Test
	void uniqueItemsNamesTheFirstRepeatedItem() {
		String schema = """
				{"type":"object","properties":{"cells":{"type":"array","items":{"type":"integer"},"uniqueItems":true}}}
				""";
		assertThat(validate(schema, """
				{"cells":[1,2,3]}
				""")).isEmpty();
		assertThat(validate(schema, """
				{"cells":[4,2,7,2,4]}
				""")).containsExactly(
						new SchemaViolation("cells", "'cells' must not repeat items, but 2 appears more than once."));
		assertThat(messages(schema, """
				{"cells":[4,4.0]}
				""")).containsExactly("'cells' must not repeat items, but 4 appears more than once.");
	}

	@Test
	void uniqueItemsComparesObjectsByValue() {
		String schema = """
				{"type":"object","properties":{"moves":{"type":"array","uniqueItems":true}}}
				""";
		assertThat(validate(schema, """
				{"moves":[{"to":1},{"to":2}]}
				""")).isEmpty();
		assertThat(messages(schema, """
				{"moves":[{"from":0,"to":1},{"to":1,"from":0}]}
				"""))
			.containsExactly("'moves' must not repeat items, but {\"to\":1,\"from\":0} appears more than once.");
	}

	@Test
	void uniqueItemsFalseAllowsRepeats() {
		String schema = """
				{"type":"object","properties":{"cells":{"type":"array","uniqueItems":false}}}
				""";
		assertThat(validate(schema, """
				{"cells":[1,1]}
				""")).isEmpty();
	}

	@Test
	void nestedObjectsInArraysAreNamedByTheirPath() {
		assertThat(validate(MOVES, """
				{"moves":[{"from":0,"to":1},{"from":2,"to":"three"},{"from":9}]}
				""")).containsExactly(
						new SchemaViolation("moves[1].to",
								"'moves[1].to' must be an integer, but was the string \"three\"."),
						new SchemaViolation("moves[2].to", "Missing required parameter 'moves[2].to'."),
						new SchemaViolation("moves[2].from", "'moves[2].from' must be at most 8, but was 9."));
	}

	@Test
	void violationsFollowTheOrderOfTheData() {
		String schema = """
				{
					"type": "object",
					"properties": {"a": {"type": "integer"}, "b": {"type": "integer"}},
					"required": ["a", "b", "c"]
				}
				""";
		assertThat(validate(schema, """
				{"b":"x","a":"y"}
				""")).extracting(SchemaViolation::path).containsExactly("c", "b", "a");
	}

	@Test
	void prefixItemsComeBeforeItems() {
		String schema = """
				{
					"type": "object",
					"properties": {
						"point": {
							"type": "array",
							"prefixItems": [{"type": "integer"}, {"type": "string"}],
							"items": {"type": "boolean"}
						}
					}
				}
				""";
		assertThat(validate(schema, """
				{"point":[1,"a",true,false]}
				""")).isEmpty();
		assertThat(validate(schema, """
				{"point":[1,2,true,"no"]}
				""")).containsExactly(
						new SchemaViolation("point[1]", "'point[1]' must be a string, but was the number 2."),
						new SchemaViolation("point[3]", "'point[3]' must be a boolean, but was the string \"no\"."));
	}

	@Test
	void booleanSchemasAllowEverythingOrNothing() {
		String schema = """
				{"type":"object","properties":{"anything":true,"secret":false}}
				""";
		assertThat(validate(schema, """
				{"anything":[1,{"a":null}]}
				""")).isEmpty();
		assertThat(validate(schema, """
				{"secret":1}
				""")).containsExactly(new SchemaViolation("secret", "'secret' must not be given."));
	}

	@Test
	void propertyNamesWithUnusualCharactersAreQuotedAsGiven() {
		String schema = """
				{
					"type": "object",
					"properties": {"target cell": {"type": "integer"}, "it's.odd": {"type": "string"}},
					"required": ["target cell", "über-name"]
				}
				""";
		assertThat(validate(schema, """
				{"it's.odd":1}
				""")).containsExactly(new SchemaViolation("target cell", "Missing required parameter 'target cell'."),
						new SchemaViolation("über-name", "Missing required parameter 'über-name'."),
						new SchemaViolation("it's.odd", "'it's.odd' must be a string, but was the number 1."));
	}

	@Test
	void validationStopsAfterTwentyViolations() {
		String required = IntStream.rangeClosed(1, 25)
			.mapToObj((i) -> "\"p" + i + "\"")
			.collect(Collectors.joining(","));
		List<SchemaViolation> violations = validate("{\"type\":\"object\",\"required\":[" + required + "]}", "{}");
		assertThat(violations).hasSize(20);
		assertThat(violations.get(0).message()).isEqualTo("Missing required parameter 'p1'.");
		assertThat(violations.get(19).message()).isEqualTo("Missing required parameter 'p20'.");
	}

	@Test
	void validationStopsAfterTwentyViolationsInsideAnArray() {
		String schema = """
				{
					"type": "object",
					"properties": {
						"cells": {"type": "array", "items": {"type": "integer"}},
						"last": {"type": "integer"}
					}
				}
				""";
		String cells = IntStream.range(0, 30).mapToObj((i) -> "\"x\"").collect(Collectors.joining(","));
		assertThat(validate(schema, "{\"cells\":[" + cells + "],\"last\":\"x\"}")).hasSize(20)
			.last()
			.isEqualTo(new SchemaViolation("cells[19]", "'cells[19]' must be an integer, but was the string \"x\"."));
	}

	@Test
	void changingTheSchemaAfterCompilingHasNoEffect() {
		ObjectNode schema = schema("""
				{"type":"object","properties":{"mode":{"enum":["fast","slow"]}}}
				""");
		SchemaValidator validator = SchemaValidator.of(schema);
		schema.withObject("/properties/mode").putArray("enum").add("other");
		assertThat(validator.validate(MAPPER.readTree("{\"mode\":\"fast\"}"))).isEmpty();
	}

	@Test
	void oneValidatorCanBeUsedFromSeveralThreads() throws Exception {
		SchemaValidator validator = SchemaValidator.of(schema(MOVES));
		List<String> inputs = List.of("""
				{"moves":[{"from":0,"to":1}]}
				""", """
				{"moves":[{"from":0,"to":9},{"from":"a"}]}
				""", """
				{"moves":"none"}
				""", "{}");
		List<List<SchemaViolation>> expected = inputs.stream()
			.map((input) -> validator.validate(MAPPER.readTree(input)))
			.toList();
		assertThat(expected.get(1)).hasSize(3);
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> tasks = new ArrayList<>();
			for (int i = 0; i < 2000; i++) {
				int index = i % inputs.size();
				JsonNode data = MAPPER.readTree(inputs.get(index));
				tasks.add(() -> validator.validate(data).equals(expected.get(index)));
			}
			for (Future<Boolean> result : executor.invokeAll(tasks)) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static ObjectNode schema(String json) {
		return (ObjectNode) MAPPER.readTree(json);
	}

	private static List<SchemaViolation> validate(String schema, String data) {
		return SchemaValidator.of(schema(schema)).validate(MAPPER.readTree(data));
	}

	private static List<String> messages(String schema, String data) {
		return validate(schema, data).stream().map(SchemaViolation::message).toList();
	}

}
