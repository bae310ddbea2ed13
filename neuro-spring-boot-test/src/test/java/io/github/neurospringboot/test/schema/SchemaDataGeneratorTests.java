package io.github.neurospringboot.test.schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.neurospringboot.schema.SchemaValidator;
import org.json.JSONException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SchemaDataGenerator}.
 */
class SchemaDataGeneratorTests {

	private static final JsonMapper MAPPER = JsonMapper.shared();

	private static final int RUNS = 200;

	/** The {@code place_mark} fixture of the conformance test vectors. */
	private static final String PLACE_MARK = """
			{"type":"object","properties":{"cell":{"type":"integer","minimum":0,"maximum":8}},"required":["cell"]}
			""";

	static Stream<Case> cases() {
		return Stream.of(new Case("place_mark fixture", PLACE_MARK, List.of("/cell"), List.of()),
				new Case("unbounded integer", """
						{"type":"object","properties":{"n":{"type":"integer"}},"required":["n"]}
						""", List.of("/n"), List.of()),
				new Case("exclusive integer bounds", """
						{"type":"object","properties":{"n":{"type":"integer","exclusiveMinimum":-3,
						"exclusiveMaximum":3}},
						"required":["n"]}
						""", List.of("/n"), List.of()),
				new Case("integer between fractional bounds", """
						{"type":"object","properties":{"n":{"type":"integer","minimum":0.5,"maximum":3.5}},
						"required":["n"]}
						""", List.of("/n"), List.of()),
				new Case("integer with only a minimum", """
						{"type":"object","properties":{"n":{"type":"integer","minimum":1000}},"required":["n"]}
						""", List.of("/n"), List.of()),
				new Case("integer with only an exclusive maximum", """
						{"type":"object","properties":{"n":{"type":"integer","exclusiveMaximum":-50}},"required":["n"]}
						""", List.of("/n"), List.of()),
				new Case("integer beyond a long", """
						{"type":"object","properties":{"n":{"type":"integer",
						"minimum":123456789012345678901234567890,"maximum":123456789012345678901234567999}},
						"required":["n"]}
						""", List.of("/n"), List.of()),
				new Case("integer range wider than a long", """
						{"type":"object","properties":{"n":{"type":"integer",
						"minimum":-92233720368547758080000,"maximum":92233720368547758070000}},"required":["n"]}
						""", List.of("/n"), List.of()),
				new Case("unbounded number", """
						{"type":"object","properties":{"x":{"type":"number"}},"required":["x"]}
						""", List.of("/x"), List.of()),
				new Case("number between close exclusive bounds", """
						{"type":"object","properties":{"x":{"type":"number","exclusiveMinimum":0.1,
						"exclusiveMaximum":0.1000001}},"required":["x"]}
						""", List.of("/x"), List.of()),
				new Case("number with the tighter of two lower bounds", """
						{"type":"object","properties":{"x":{"type":"number","minimum":2.5,"exclusiveMinimum":2.75,
						"maximum":3}},"required":["x"]}
						""", List.of("/x"), List.of()),
				new Case("number with tiny and huge bounds", """
						{"type":"object","properties":{"tiny":{"type":"number","minimum":1e-30,"maximum":3e-30},
						"huge":{"type":"number","minimum":-1e300,"maximum":1e300}},"required":["tiny","huge"]}
						""", List.of("/tiny", "/huge"), List.of()),
				new Case("string lengths", """
						{"type":"object","properties":{"s":{"type":"string","minLength":3,"maxLength":5},
						"free":{"type":"string"}},"required":["s","free"]}
						""", List.of("/s", "/free"), List.of()),
				new Case("pattern of three capitals", """
						{"type":"object","properties":{"code":{"type":"string","pattern":"^[A-Z]{3}$"}},
						"required":["code"]}
						""", List.of("/code"), List.of()),
				new Case("pattern with a minimum length", """
						{"type":"object","properties":{"word":{"type":"string","pattern":"^[a-z]+$","minLength":20,
						"maxLength":30}},"required":["word"]}
						""", List.of("/word"), List.of()),
				new Case("pattern with groups, alternatives and escapes", """
						{"type":"object","properties":{"tag":{"type":"string",
						"pattern":"^(red|green|blue)-\\\\d{2,4}(\\\\.[^aeiou ]+)?$"}},
						"required":["tag"]}
						""", List.of("/tag"), List.of()),
				new Case("unanchored pattern", """
						{"type":"object","properties":{"s":{"type":"string","pattern":"[0-9]","minLength":5,
						"maxLength":8}},
						"required":["s"]}
						""", List.of("/s"), List.of()),
				new Case("pattern with a lookahead", """
						{"type":"object","properties":{"s":{"type":"string","pattern":"^(?=.*[0-9]).+$"}},
						"required":["s"]}
						""", List.of("/s"), List.of()),
				new Case("enums", """
						{"type":"object","properties":{"priority":{"enum":["low","medium","high","critical"]},
						"odd":{"type":"integer","enum":[1,"two",3,null,4.5]}},"required":["priority","odd"]}
						""", List.of("/priority", "/odd"), List.of()),
				new Case("type arrays", """
						{"type":"object","properties":{"value":{"type":["integer","string","null","boolean"]},
						"maybe":{"type":["integer","null"],"minimum":2,"maximum":1}},"required":["value","maybe"]}
						""", List.of("/value"), List.of()),
				new Case("nested arrays of objects", """
						{"type":"object","properties":{"moves":{"type":"array","minItems":1,"maxItems":3,"items":{
						"type":"object","properties":{"from":{"type":"integer","minimum":0,"maximum":8},
						"to":{"type":"integer","minimum":0,"maximum":8},"note":{"type":"string"}},
						"required":["from","to"]}}},
						"required":["moves"]}
						""", List.of("/moves/0/from", "/moves/1"), List.of("/moves/0/note")),
				new Case("unique items", """
						{"type":"object","properties":{"letters":{"type":"array","items":{"enum":["a","b","c"]},
						"uniqueItems":true,"minItems":3},"small":{"type":"array","uniqueItems":true,
						"items":{"type":"integer","minimum":0,"maximum":3}},"flags":{"type":"array","uniqueItems":true,
						"items":{"type":"boolean"},"maxItems":10}},"required":["letters","small","flags"]}
						""", List.of("/letters/0", "/small/0", "/flags/1"), List.of()),
				new Case("tuples", """
						{"type":"object","properties":{"pair":{"type":"array",
						"prefixItems":[{"type":"string","maxLength":3},{"type":"integer","minimum":0}],"items":false},
						"headed":{"type":"array","prefixItems":[{"const":"head"}],
						"items":{"type":"boolean"},"minItems":2,"maxItems":4}},"required":["pair","headed"]}
						""", List.of("/pair/1", "/headed/1", "/headed/3"), List.of()),
				new Case("nested arrays", """
						{"type":"object","properties":{"matrix":{"type":"array","minItems":2,"maxItems":2,"items":{
						"type":"array","minItems":2,"maxItems":2,"items":{"type":"integer","minimum":-1,"maximum":1}}}},
						"required":["matrix"]}
						""", List.of("/matrix/0/0", "/matrix/1/1"), List.of()),
				new Case("booleans and null", """
						{"type":"object","properties":{"flag":{"type":"boolean"},"nothing":{"type":"null"}},
						"required":["flag","nothing"]}
						""", List.of("/flag"), List.of()),
				new Case("optional properties", """
						{"type":"object","properties":{"cell":{"type":"integer","minimum":0,"maximum":8},
						"note":{"type":"string","maxLength":20},
						"detail":{"type":"object","properties":{"loud":{"type":"boolean"}}}},
						"required":["cell"]}
						""", List.of("/cell"), List.of("/note", "/detail", "/detail/loud")),
				new Case("schemas without a type", """
						{"type":"object","properties":{"anything":{},"yes":true,"min":{"minimum":5},
						"text":{"maxLength":3},
						"inner":{"properties":{"x":{"type":"integer"}},"required":["x"]},"list":{"minItems":1}},
						"required":["anything","yes","min","text","inner","list","undeclared"]}
						""", List.of("/anything", "/yes", "/min", "/undeclared"), List.of()),
				new Case("root with a type array", """
						{"type":["object","null"],"properties":{"a":{"type":"integer"}},"required":["a"]}
						""", List.of("/a"), List.of()),
				new Case("empty root", "{}", List.of(), List.of()),
				new Case("root without properties", """
						{"type":"object"}
						""", List.of(), List.of()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void generatedValuesAreValidAndVary(Case example) {
		ObjectNode schema = schema(example.schema());
		SchemaValidator validator = SchemaValidator.of(schema);
		SchemaDataGenerator generator = generator(example.schema().hashCode());
		List<ObjectNode> values = IntStream.range(0, RUNS).mapToObj((i) -> generator.generate(schema)).toList();
		assertThat(values).allSatisfy((value) -> assertThat(validator.validate(value)).as(value.toString()).isEmpty());
		for (String pointer : example.varying()) {
			assertThat(values.stream().map((value) -> value.at(pointer).toString()).distinct()).as(pointer)
				.hasSizeGreaterThan(1);
		}
		for (String pointer : example.optional()) {
			assertThat(values).as(pointer)
				.anyMatch((value) -> value.at(pointer).isMissingNode())
				.anyMatch((value) -> !value.at(pointer).isMissingNode());
		}
	}

	@Test
	void boundsArePickedTooBecauseGamesGetThemWrong() {
		ObjectNode schema = schema(PLACE_MARK);
		SchemaDataGenerator generator = generator(7);
		List<Integer> cells = IntStream.range(0, RUNS)
			.mapToObj((i) -> generator.generate(schema).get("cell").intValue())
			.toList();
		assertThat(cells).contains(0, 8).allSatisfy((cell) -> assertThat(cell).isBetween(0, 8));
	}

	@Test
	void decimalBoundsBeyondTheDoublePrecisionAreRespectedExactly() {
		JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
		ObjectNode schema = (ObjectNode) mapper.readTree("""
				{"type":"object","properties":{"x":{"type":"number","exclusiveMinimum":0.10000000000000000000001,
				"exclusiveMaximum":0.10000000000000000000002}},"required":["x"]}
				""");
		SchemaDataGenerator generator = generator(3);
		List<BigDecimal> values = IntStream.range(0, RUNS)
			.mapToObj((i) -> generator.generate(schema).get("x").decimalValue())
			.toList();
		assertThat(values).allSatisfy((value) -> assertThat(value).isStrictlyBetween(
				new BigDecimal("0.10000000000000000000001"), new BigDecimal("0.10000000000000000000002")));
		assertThat(values.stream().distinct()).hasSizeGreaterThan(1);
	}

	@Test
	void sameSeedGeneratesTheSameValues() {
		ObjectNode schema = schema("""
				{"type":"object","properties":{"moves":{"type":"array","items":{"type":"object","properties":{
				"to":{"type":"integer"},"note":{"type":"string","pattern":"^[a-z]+!$"}},"required":["to"]}}},
				"required":["moves"]}
				""");
		SchemaDataGenerator first = generator(11);
		SchemaDataGenerator second = generator(11);
		for (int i = 0; i < 50; i++) {
			assertThat(first.generate(schema)).isEqualTo(second.generate(schema));
		}
	}

	@Test
	void constsAreCopiedExactly() throws JSONException {
		ObjectNode generated = generator(1).generate(schema("""
				{"type":"object","properties":{"mark":{"const":"X"},"nothing":{"const":null},
				"point":{"const":{"x":1,"y":[2.5,"z"]}},"size":{"type":"integer","enum":[3]}},
				"required":["mark","nothing","point","size"]}
				"""));
		JSONAssert.assertEquals("""
				{"mark":"X","nothing":null,"point":{"x":1,"y":[2.5,"z"]},"size":3}
				""", generated.toString(), JSONCompareMode.STRICT);
	}

	@Test
	void generateValueAcceptsBooleanSchemas() {
		assertThat(generator(5).generateValue(BooleanNode.TRUE).isValueNode()).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> generator(5).generateValue(BooleanNode.FALSE))
			.withMessage("Cannot generate a value at #: the schema is false, which no value satisfies");
	}

	@Test
	void generateValueGeneratesAnyType() {
		JsonNode value = generator(5).generateValue(schema("""
				{"type":"array","items":{"type":"string","pattern":"^[A-Z]{3}$"},"minItems":1}
				"""));
		assertThat(value.isArray()).isTrue();
		assertThat(value.get(0).stringValue()).matches("[A-Z]{3}");
	}

	@Test
	void unsatisfiablePatternFailsNamingThePathAndThePattern() {
		ObjectNode schema = schema("""
				{"type":"object","properties":{"code":{"type":"string","pattern":"^[A-Z]{3}$","minLength":5}},
				"required":["code"]}
				""");
		assertThatIllegalArgumentException().isThrownBy(() -> generator(1).generate(schema))
			.withMessageStartingWith("Cannot generate a value at #/properties/code: found no string of 5 to 17"
					+ " characters that matches the pattern \"^[A-Z]{3}$\"");
	}

	@Test
	void minimumAboveMaximumFailsNamingThePath() {
		ObjectNode schema = schema("""
				{"type":"object","properties":{"move":{"type":"object","properties":{
				"n":{"type":"integer","minimum":10,"maximum":5}},"required":["n"]}},"required":["move"]}
				""");
		assertThatIllegalArgumentException().isThrownBy(() -> generator(1).generate(schema))
			.withMessage("Cannot generate a value at #/properties/move/properties/n: no integer is at least 10 and at"
					+ " most 5");
	}

	@Test
	void integerBoundsWithoutAnIntegerBetweenThemFail() {
		ObjectNode schema = schema("""
				{"type":"object","properties":{"n":{"type":"integer","minimum":0.25,"exclusiveMaximum":1}}}
				""");
		assertThatIllegalArgumentException().isThrownBy(() -> generator(1).generate(schema))
			.withMessage("Cannot generate a value at #/properties/n: no integer is at least 0.25 and less than 1");
	}

	@Test
	void equalBoundsWhereOneIsExclusiveFail() {
		ObjectNode schema = schema("""
				{"type":"object","properties":{"x":{"type":"number","exclusiveMinimum":1.5,"maximum":1.5}},
				"required":["x"]}
				""");
		assertThatIllegalArgumentException().isThrownBy(() -> generator(1).generate(schema))
			.withMessage("Cannot generate a value at #/properties/x: no number is greater than 1.5 and at most 1.5");
	}

	@Test
	void minLengthAboveMaxLengthFails() {
		ObjectNode schema = schema("""
				{"type":"object","properties":{"s":{"type":"string","minLength":5,"maxLength":2}},"required":["s"]}
				""");
		assertThatIllegalArgumentException().isThrownBy(() -> generator(1).generate(schema))
			.withMessage("Cannot generate a value at #/properties/s: its minLength 5 is greater than its maxLength 2");
	}

	@Test
	void tooFewDistinctValuesForUniqueItemsFail() {
		ObjectNode schema = schema("""
				{"type":"object","properties":{"flags":{"type":"array","items":{"type":"boolean"},"uniqueItems":true,
				"minItems":3}},"required":["flags"]}
				""");
		assertThatIllegalArgumentException().isThrownBy(() -> generator(1).generate(schema))
			.withMessage("Cannot generate a value at #/properties/flags: its uniqueItems and minItems ask for 3"
					+ " distinct items, but only 2 were found");
	}

	@Test
	void enumWithoutAFittingValueFails() {
		ObjectNode schema = schema("""
				{"type":"object","properties":{"n":{"type":"integer","enum":["one","two"]}},"required":["n"]}
				""");
		assertThatIllegalArgumentException().isThrownBy(() -> generator(1).generate(schema))
			.withMessage(
					"Cannot generate a value at #/properties/n: no value of its enum satisfies its other keywords");
	}

	@Test
	void unsatisfiableOptionalPropertyFailsEveryTime() {
		ObjectNode schema = schema("""
				{"type":"object","properties":{"never":false}}
				""");
		for (int seed = 0; seed < 20; seed++) {
			SchemaDataGenerator generator = generator(seed);
			assertThatIllegalArgumentException().isThrownBy(() -> generator.generate(schema))
				.withMessage("Cannot generate a value at #/properties/never: the schema is false, which no value"
						+ " satisfies");
		}
	}

	@Test
	void rootThatIsNotAnObjectFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> generator(1).generate(schema("""
				{"type":"string"}
				"""))).withMessage("Cannot generate a value at #: Neuro's parameters are a JSON object, but the"
						+ " schema's root has the type \"string\"");
	}

	@Test
	void malformedSchemaFailsAsTheValidatorSays() {
		assertThatIllegalArgumentException().isThrownBy(() -> generator(1).generate(schema("""
				{"type":"object","properties":{"code":{"type":"string","pattern":"[A-Z"}}}
				""")))
			.withMessageStartingWith("Invalid schema at #/properties/code: 'pattern' \"[A-Z\" is not a valid");
	}

	private static SchemaDataGenerator generator(long seed) {
		return new SchemaDataGenerator(new SplittableRandom(seed));
	}

	private static ObjectNode schema(String json) {
		return (ObjectNode) MAPPER.readTree(json);
	}

	/**
	 * A schema to generate values for.
	 * @param name what the schema shows
	 * @param schema the schema
	 * @param varying pointers into the parameters whose values must differ between runs
	 * @param optional pointers to values that must be present in some runs and absent in others
	 */
	record Case(String name, String schema, List<String> varying, List<String> optional) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
