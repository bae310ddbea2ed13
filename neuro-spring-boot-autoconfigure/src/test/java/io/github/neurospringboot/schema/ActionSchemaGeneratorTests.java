package io.github.neurospringboot.schema;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.OptBoolean;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.json.JSONException;
import org.jspecify.annotations.Nullable;
import io.github.neurospringboot.testing.SchemaAudit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ActionSchemaGenerator}: golden schemas for every kind of type, and the failures for what Neuro's
 * dialect cannot express.
 */
class ActionSchemaGeneratorTests {

	/** The schema of an {@code int}: every one advertises the range of the type. */
	private static final String INT = """
			{"type":"integer","minimum":-2147483648,"maximum":2147483647}""";

	/** The schema of a {@code long}. */
	private static final String LONG = """
			{"type":"integer","minimum":-9223372036854775808,"maximum":9223372036854775807}""";

	/** The schema of a {@code byte}. */
	private static final String BYTE = """
			{"type":"integer","minimum":-128,"maximum":127}""";

	/** The schema of a {@code Square}, whose rank is an {@code int}. */
	private static final String SQUARE = """
			{"type":"object","properties":{"file":{"type":"string"},"rank":%s},"required":["file","rank"]}"""
		.formatted(INT);

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final ActionSchemaGenerator generator = new ActionSchemaGenerator(this.mapper, List.of());

	static Stream<Arguments> simpleTypes() {
		return Stream.of(Arguments.of(double.class, "number"), Arguments.of(Double.class, "number"),
				Arguments.of(float.class, "number"), Arguments.of(Float.class, "number"),
				Arguments.of(boolean.class, "boolean"), Arguments.of(Boolean.class, "boolean"),
				Arguments.of(char.class, "string"), Arguments.of(Character.class, "string"),
				Arguments.of(String.class, "string"), Arguments.of(UUID.class, "string"),
				Arguments.of(LocalDate.class, "string"), Arguments.of(LocalDateTime.class, "string"),
				Arguments.of(Instant.class, "string"), Arguments.of(Duration.class, "string"),
				Arguments.of(YearMonth.class, "string"), Arguments.of(Year.class, "string"),
				Arguments.of(BigDecimal.class, "number"), Arguments.of(BigInteger.class, "integer"));
	}

	@ParameterizedTest(name = "{0} is {1}")
	@MethodSource("simpleTypes")
	void simpleTypeHasTypeOnlyWithoutFormat(Class<?> type, String schemaType) throws JSONException {
		assertSchema(type, "{\"type\":\"" + schemaType + "\"}");
	}

	static Stream<Arguments> integralTypes() {
		return Stream.of(Arguments.of(byte.class, Byte.MIN_VALUE, Byte.MAX_VALUE),
				Arguments.of(Byte.class, Byte.MIN_VALUE, Byte.MAX_VALUE),
				Arguments.of(short.class, Short.MIN_VALUE, Short.MAX_VALUE),
				Arguments.of(Short.class, Short.MIN_VALUE, Short.MAX_VALUE),
				Arguments.of(int.class, Integer.MIN_VALUE, Integer.MAX_VALUE),
				Arguments.of(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE),
				Arguments.of(long.class, Long.MIN_VALUE, Long.MAX_VALUE),
				Arguments.of(Long.class, Long.MIN_VALUE, Long.MAX_VALUE));
	}

	@ParameterizedTest(name = "{0} is from {1} to {2}")
	@MethodSource("integralTypes")
	void integralTypeAdvertisesItsRange(Class<?> type, long minimum, long maximum) throws JSONException {
		assertSchema(type, "{\"type\":\"integer\",\"minimum\":" + minimum + ",\"maximum\":" + maximum + "}");
	}

	@Test
	void constraintsNarrowTheRangeOfTheTypeButNeverWidenIt() throws JSONException {
		assertSchema(Stretched.class, """
				{"type":"object","properties":{
				  "wide":{"type":"integer","minimum":-2147483648,"maximum":2147483647},
				  "small":{"type":"integer","minimum":-128,"maximum":10},
				  "positive":{"type":"integer","exclusiveMinimum":0,"maximum":9223372036854775807},
				  "fraction":{"type":"integer","minimum":-32768,"exclusiveMaximum":0.5},
				  "ratio":{"type":"number","exclusiveMinimum":0}},
				"required":["wide","small","positive","fraction","ratio"]}""");
	}

	@Test
	void integralItemsAndOptionalsAdvertiseTheirRange() throws JSONException {
		assertSchema(Tally.class, """
				{"type":"object","properties":{
				  "counts":{"type":"array","items":%1$s},
				  "capped":{"type":"array","items":{"type":"integer","minimum":-2147483648,"maximum":5}},
				  "array":{"type":"array","items":%1$s},
				  "maybe":%1$s},
				"required":["counts","capped","array"]}""".formatted(INT));
		assertSchema(new ParameterizedTypeReference<List<Long>>() {
		}.getType(), """
				{"type":"array","items":%s}""".formatted(LONG));
	}

	@Test
	void theRangeOfAnIntRejectsWhatAnIntCannotHoldBeforeBinding() {
		SchemaValidator validator = SchemaValidator.of(this.generator.objectSchema(Count.class));
		assertThat(validator.validate(this.mapper.readTree("{\"count\":2147483647}"))).isEmpty();
		assertThat(validator.validate(this.mapper.readTree("{\"count\":2147483648}")))
			.extracting(SchemaViolation::message)
			.containsExactly("'count' must be at most 2147483647, but was 2147483648.");
		assertThat(validator.validate(this.mapper.readTree("{\"count\":-2147483649}")))
			.extracting(SchemaViolation::message)
			.containsExactly("'count' must be at least -2147483648, but was -2147483649.");
		assertThat(validator.validate(this.mapper.readTree("{\"count\":1e400}")))
			.extracting(SchemaViolation::message)
			.containsExactly("'count' must be an integer, but was a number too large to use.");
		// What the range spares Neuro: Jackson's own failure, written for programmers
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.mapper.readValue("{\"count\":2147483648}", Count.class));
	}

	@Test
	void repeatedScalarsAreInlined() throws JSONException {
		assertSchema(Season.class, """
				{"type":"object","properties":{"from":{"type":"string"},"to":{"type":"string"},
				"week":%1$s,"day":%1$s},"required":["from","to","week","day"]}""".formatted(BYTE));
	}

	@Test
	void yearIsReadFromTheStringItIsDescribedAs() {
		// Jackson writes a Year as a number but reads the string form too, so "string" binds either way
		assertThat(this.mapper.readValue("\"2026\"", Year.class)).isEqualTo(Year.of(2026));
	}

	@Test
	void enumWithPlainNames() throws JSONException {
		assertSchema(Color.class, """
				{"type":"string","enum":["RED","GREEN"]}""");
		assertEnumValuesAreWhatTheMapperWrites(Color.class);
	}

	@Test
	void enumWithJsonValue() throws JSONException {
		assertSchema(Speed.class, """
				{"type":"string","enum":["slow!","fast!"]}""");
		assertEnumValuesAreWhatTheMapperWrites(Speed.class);
	}

	@Test
	void enumWithJsonPropertyOnConstants() throws JSONException {
		assertSchema(Suit.class, """
				{"type":"string","enum":["hearts","spades"]}""");
		assertEnumValuesAreWhatTheMapperWrites(Suit.class);
	}

	@Test
	void enumWithToStringUsesItBecauseJackson3WritesEnumsWithToString() throws JSONException {
		assertSchema(Piece.class, """
				{"type":"string","enum":["piece-king","piece-queen"]}""");
		assertEnumValuesAreWhatTheMapperWrites(Piece.class);
	}

	@Test
	void singleValueEnumUsesEnumNotConst() throws JSONException {
		assertSchema(Only.class, """
				{"type":"string","enum":["ONE"]}""");
	}

	@Test
	void optionalComponentIsNotRequired() throws JSONException {
		assertSchema(Greeting.class, """
				{"type":"object","properties":{"text":{"type":"string"},"signature":{"type":"string"}},
				"required":["text"]}""");
	}

	@Test
	void nullableComponentIsNotRequired() throws JSONException {
		assertSchema(Note.class, """
				{"type":"object","properties":{"text":{"type":"string"},"comment":{"type":"string"},
				"jakartaComment":{"type":"string"}},"required":["text"]}""");
	}

	@Test
	void primitiveOptionalComponentsAreTheirPrimitivesAndNotRequired() throws JSONException {
		assertSchema(Measures.class, """
				{"type":"object","properties":{"count":%s,"total":%s,"ratio":{"type":"number"}}}"""
			.formatted(INT, LONG));
	}

	@Test
	void explicitJsonPropertyIsRequiredFalseIsNotRequiredButPrimitivesAlwaysAre() throws JSONException {
		assertSchema(Settings.class, """
				{"type":"object","properties":{"name":{"type":"string"},"level":%s,
				"mode":{"type":"string"}},"required":["level","mode"]}""".formatted(INT));
	}

	@Test
	void jsonPropertyRequiredTrueWinsOverOptional() throws JSONException {
		assertSchema(Insisting.class, """
				{"type":"object","properties":{"value":{"type":"string"}},"required":["value"]}""");
	}

	@Test
	void listOfStrings() throws JSONException {
		assertSchema(new ParameterizedTypeReference<List<String>>() {
		}.getType(), """
				{"type":"array","items":{"type":"string"}}""");
	}

	@Test
	void setOfEnumsHasUniqueItems() throws JSONException {
		assertSchema(new ParameterizedTypeReference<Set<Color>>() {
		}.getType(), """
				{"type":"array","items":{"type":"string","enum":["RED","GREEN"]},"uniqueItems":true}""");
	}

	@Test
	void setComponentHasUniqueItems() throws JSONException {
		assertSchema(Palette.class, """
				{"type":"object","properties":{"colors":{"type":"array",
				"items":{"type":"string","enum":["RED","GREEN"]},"uniqueItems":true}},"required":["colors"]}""");
	}

	@Test
	void intArray() throws JSONException {
		assertSchema(int[].class, """
				{"type":"array","items":%s}""".formatted(INT));
	}

	@Test
	void listOfRecords() throws JSONException {
		assertSchema(new ParameterizedTypeReference<List<Square>>() {
		}.getType(), """
				{"type":"array","items":%s}""".formatted(SQUARE));
	}

	@Test
	void nestedRecordsThreeDeepAreInlined() throws JSONException {
		assertSchema(Turn.class, """
				{"type":"object","properties":{
				  "player":{"type":"string"},
				  "move":{"type":"object","properties":{
				    "piece":{"type":"string","enum":["piece-king","piece-queen"]},
				    "to":%s},
				    "required":["piece","to"]}},
				"required":["player","move"]}""".formatted(SQUARE));
	}

	@Test
	void sameRecordUsedTwiceIsInlinedTwice() throws JSONException {
		assertSchema(Castling.class, """
				{"type":"object","properties":{"from":%1$s,"to":%1$s},"required":["from","to"]}"""
			.formatted(SQUARE));
	}

	@Test
	void propertiesKeepTheDeclarationOrderOfRecordComponents() {
		ObjectNode schema = this.generator.propertySchema(Unsorted.class);
		assertThat(schema.get("properties").propertyNames()).containsExactly("zulu", "alpha", "mike", "bravo",
				"yankee", "charlie");
		assertThat(schema.get("required").values()).extracting(JsonNode::stringValue)
			.containsExactly("zulu", "alpha", "mike", "bravo", "yankee", "charlie");
	}

	@Test
	void jsonPropertyRenamesAComponent() throws JSONException {
		assertSchema(Renamed.class, """
				{"type":"object","properties":{"renamed":{"type":"string"}},"required":["renamed"]}""");
	}

	@Test
	void namingStrategyOfTheMapperIsUsedExceptForExplicitNames() throws JSONException {
		JsonMapper snakeCase = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		ObjectNode schema = new ActionSchemaGenerator(snakeCase, List.of()).propertySchema(Person.class);
		JSONAssert.assertEquals("""
				{"type":"object","properties":{"first_name":{"type":"string"},"homeTown":{"type":"string"}},
				"required":["first_name","homeTown"]}""", schema.toString(), JSONCompareMode.STRICT);
		assertThat(snakeCase.writeValueAsString(new Person("Ada", "London")))
			.isEqualTo("{\"first_name\":\"Ada\",\"homeTown\":\"London\"}");
	}

	@Test
	void jsonIgnoreHidesAComponent() throws JSONException {
		assertSchema(Partly.class, """
				{"type":"object","properties":{"shown":{"type":"string"}},"required":["shown"]}""");
	}

	@Test
	void readOnlyPropertiesAreLeftOutAndWriteOnlyOnesKeptWithoutKeywords() throws JSONException {
		assertSchema(Access.class, """
				{"type":"object","properties":{"input":{"type":"string"}},"required":["input"]}""");
	}

	@Test
	void jakartaConstraints() throws JSONException {
		assertSchema(Constrained.class, """
				{"type":"object","properties":{
				  "cell":{"type":"integer","minimum":0,"maximum":8},
				  "tags":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":3},
				  "name":{"type":"string","maxLength":20},
				  "square":{"type":"string","pattern":"[a-h][1-8]"},
				  "note":{"type":"string","minLength":1},
				  "count":{"type":"integer","exclusiveMinimum":0,"maximum":2147483647}},
				"required":["cell","tags","name","square","note","count"]}""");
	}

	@Test
	void moreJakartaConstraintsAndEmailWithoutFormat() throws JSONException {
		assertSchema(MoreConstrained.class, """
				{"type":"object","properties":{
				  "zeroOrMore":{"type":"integer","minimum":0,"maximum":2147483647},
				  "below":{"type":"integer","minimum":-2147483648,"exclusiveMaximum":0},
				  "zeroOrLess":{"type":"integer","minimum":-2147483648,"maximum":0},
				  "ratio":{"type":"number","minimum":0.5,"exclusiveMaximum":9.5},
				  "email":{"type":"string"},
				  "names":{"type":"array","items":{"type":"string"},"minItems":1},
				  "code":{"type":"string","minLength":2,"maxLength":4},
				  "accepted":{"type":"boolean","enum":[true]}},
				"required":["zeroOrMore","below","zeroOrLess","ratio","email","names","code","accepted"]}""");
	}

	@Test
	void descriptionsFromJacksonAnnotationsAreNotEmittedButPropertiesNamedDescriptionAndTitleAre()
			throws JSONException {
		assertSchema(Hint.class, """
				{"type":"object","properties":{"cell":%s,"description":{"type":"string"},
				"title":{"type":"string"}},"required":["cell","description","title"]}""".formatted(INT));
	}

	@Test
	void customizerAddsAKeyword() throws JSONException {
		SchemaGeneratorCustomizer maxLength = (builder) -> builder.forFields()
			.withStringMaxLengthResolver((field) -> field.getType().isInstanceOf(String.class) ? 100 : null);
		ObjectNode schema = new ActionSchemaGenerator(this.mapper, List.of(maxLength)).propertySchema(Renamed.class);
		JSONAssert.assertEquals("""
				{"type":"object","properties":{"renamed":{"type":"string","maxLength":100}},"required":["renamed"]}""",
				schema.toString(), JSONCompareMode.STRICT);
	}

	@Test
	void customizerThatAddsTitleIsRejected() {
		SchemaGeneratorCustomizer titles = (builder) -> builder.forFields()
			.withTitleResolver((field) -> "The " + field.getName());
		ActionSchemaGenerator titled = new ActionSchemaGenerator(this.mapper, List.of(titles));
		assertThatExceptionOfType(UnsupportedSchemaException.class)
			.isThrownBy(() -> titled.propertySchema(Square.class))
			.withMessageContaining(Square.class.getTypeName())
			.withMessageContaining("/properties/file/title, /properties/rank/title")
			.withMessageContaining("remove them from your SchemaGeneratorCustomizer beans");
	}

	@Test
	void customizersAreAppliedInOrder() throws JSONException {
		SchemaGeneratorCustomizer first = (builder) -> builder.forFields().withStringMinLengthResolver((field) -> 1);
		SchemaGeneratorCustomizer second = (builder) -> builder.forFields().withStringMinLengthResolver((field) -> 2);
		ObjectNode schema = new ActionSchemaGenerator(this.mapper, List.of(first, second)).propertySchema(Renamed.class);
		// victools takes the first resolver that answers
		JSONAssert.assertEquals("""
				{"type":"object","properties":{"renamed":{"type":"string","minLength":1}},"required":["renamed"]}""",
				schema.toString(), JSONCompareMode.STRICT);
	}

	@Test
	void optionalParameterIsDescribedByItsValue() throws JSONException {
		assertSchema(new ParameterizedTypeReference<Optional<List<String>>>() {
		}.getType(), """
				{"type":"array","items":{"type":"string"}}""");
		assertSchema(OptionalInt.class, INT);
		assertSchema(OptionalDouble.class, """
				{"type":"number"}""");
	}

	@Test
	void boundedWildcardIsDescribedByItsBound() throws JSONException {
		assertSchema(new ParameterizedTypeReference<List<? extends Square>>() {
		}.getType(), """
				{"type":"array","items":%s}""".formatted(SQUARE));
	}

	@Test
	void objectSchemaOfARecord() throws JSONException {
		JSONAssert.assertEquals("""
				{"type":"object","properties":{"cell":{"type":"integer","minimum":0,"maximum":8}},"required":["cell"]}""",
				audited(this.generator.objectSchema(PlaceMark.class)).toString(), JSONCompareMode.STRICT);
	}

	@Test
	void objectSchemaLeavesOutAnEmptyRequired() throws JSONException {
		JSONAssert.assertEquals("""
				{"type":"object","properties":{"reason":{"type":"string"}}}""",
				audited(this.generator.objectSchema(Resignation.class)).toString(), JSONCompareMode.STRICT);
	}

	@Test
	void objectSchemaOfABean() throws JSONException {
		JSONAssert.assertEquals("""
				{"type":"object","properties":{"name":{"type":"string"},"age":%s},"required":["name"]}"""
			.formatted(INT),
				audited(this.generator.objectSchema(PlayerBean.class)).toString(), JSONCompareMode.STRICT);
	}

	@Test
	void objectSchemaRejectsWhatIsNotAnObject() {
		assertThatExceptionOfType(UnsupportedSchemaException.class)
			.isThrownBy(() -> this.generator.objectSchema(Color.class))
			.withMessageContaining(Color.class.getTypeName())
			.withMessageContaining("Neuro requires an object there")
			.withMessageContaining("wrap the value in one");
	}

	@Test
	void generatedSchemasAreNewNodes() {
		ObjectNode first = this.generator.propertySchema(Square.class);
		first.put("type", "changed");
		assertThat(this.generator.propertySchema(Square.class).get("type").stringValue()).isEqualTo("object");
	}

	@Test
	void isOptionalType() {
		assertThat(ActionSchemaGenerator.isOptionalType(new ParameterizedTypeReference<Optional<String>>() {
		}.getType())).isTrue();
		assertThat(ActionSchemaGenerator.isOptionalType(Optional.class)).isTrue();
		assertThat(ActionSchemaGenerator.isOptionalType(OptionalInt.class)).isTrue();
		assertThat(ActionSchemaGenerator.isOptionalType(OptionalLong.class)).isTrue();
		assertThat(ActionSchemaGenerator.isOptionalType(OptionalDouble.class)).isTrue();
		assertThat(ActionSchemaGenerator.isOptionalType(String.class)).isFalse();
		assertThat(ActionSchemaGenerator.isOptionalType(int.class)).isFalse();
		assertThat(ActionSchemaGenerator.isOptionalType(new ParameterizedTypeReference<List<Optional<String>>>() {
		}.getType())).isFalse();
	}

	@Test
	void recursiveRecordFails() {
		assertThatExceptionOfType(UnsupportedSchemaException.class)
			.isThrownBy(() -> this.generator.propertySchema(Tree.class))
			.withMessage("Cannot express %1$s in Neuro's action schema: at 'children[]', %1$s contains itself, and"
					+ " Neuro's schemas cannot express recursion (they have no $ref): use a flat structure, for example"
					+ " a List of records that refer to each other by id", Tree.class.getTypeName());
	}

	@Test
	void failureDoesNotAffectTheNextGenerationOnTheSameThread() {
		// victools' own recursion check would blame Forest the second time: its stack leaks on exceptions
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(UnsupportedSchemaException.class)
				.isThrownBy(() -> this.generator.propertySchema(Forest.class))
				.withMessageContaining("at 'tree.children[]', " + Tree.class.getTypeName() + " contains itself");
		}
		assertThat(this.generator.propertySchema(Square.class).get("type").stringValue()).isEqualTo("object");
	}

	@Test
	void mapParameterFails() {
		assertThatExceptionOfType(UnsupportedSchemaException.class)
			.isThrownBy(() -> this.generator.propertySchema(new ParameterizedTypeReference<Map<String, Integer>>() {
			}.getType()))
			.withMessage("Cannot express java.util.Map<java.lang.String, java.lang.Integer> in Neuro's action schema:"
					+ " java.util.Map<java.lang.String, java.lang.Integer> is a map, and Neuro cannot be told the keys"
					+ " of a map: use a record or a List of records instead");
	}

	@Test
	void recordWithMapComponentFailsAndNamesThePath() {
		assertThatExceptionOfType(UnsupportedSchemaException.class)
			.isThrownBy(() -> this.generator.propertySchema(Scoreboard.class))
			.withMessageStartingWith("Cannot express " + Scoreboard.class.getTypeName())
			.withMessageContaining("at 'round.scores', java.util.Map<java.lang.String, java.lang.Integer> is a map")
			.withMessageContaining("use a record or a List of records");
	}

	@Test
	void objectFails() {
		assertThatExceptionOfType(UnsupportedSchemaException.class)
			.isThrownBy(() -> this.generator.propertySchema(Object.class))
			.withMessageStartingWith("Cannot express java.lang.Object in Neuro's action schema: java.lang.Object has"
					+ " no fixed structure")
			.withMessageEndingWith("give it a concrete type");
	}

	@Test
	void jsonNodeFails() {
		assertThatExceptionOfType(UnsupportedSchemaException.class)
			.isThrownBy(() -> this.generator.propertySchema(Payload.class))
			.withMessageContaining("at 'data', tools.jackson.databind.JsonNode has no fixed structure")
			.withMessageEndingWith("give it a concrete type");
	}

	@Test
	void listOfOptionalsFails() {
		assertThatExceptionOfType(UnsupportedSchemaException.class)
			.isThrownBy(() -> this.generator.propertySchema(new ParameterizedTypeReference<List<Optional<String>>>() {
			}.getType()))
			.withMessageContaining("at '[]', java.util.Optional<java.lang.String> cannot be nested in a collection")
			.withMessageContaining("use the value type instead");
	}

	@Test
	void componentWithListOfOptionalsFails() {
		assertThatExceptionOfType(UnsupportedSchemaException.class)
			.isThrownBy(() -> this.generator.propertySchema(Ballot.class))
			.withMessageContaining("at 'votes[]', java.util.Optional<java.lang.String> cannot be nested in a collection");
	}

	@Test
	void rawListFails() {
		assertThatExceptionOfType(UnsupportedSchemaException.class)
			.isThrownBy(() -> this.generator.propertySchema(List.class))
			.withMessageStartingWith("Cannot express java.util.List in Neuro's action schema: at '[]', java.lang.Object"
					+ " has no fixed structure")
			.withMessageEndingWith("give it a concrete type");
	}

	@Test
	void unboundedWildcardFails() {
		assertThatExceptionOfType(UnsupportedSchemaException.class)
			.isThrownBy(() -> this.generator.propertySchema(new ParameterizedTypeReference<List<?>>() {
			}.getType()))
			.withMessageContaining("at '[]', java.lang.Object has no fixed structure")
			.withMessageEndingWith("give it a concrete type");
	}

	@Test
	void unresolvedTypeVariableFails() {
		assertThatExceptionOfType(UnsupportedSchemaException.class)
			.isThrownBy(() -> this.generator.propertySchema(Box.class))
			.withMessageContaining("at 'content', java.lang.Object has no fixed structure");
	}

	@Test
	void nullableUnionFails() {
		assertThatExceptionOfType(UnsupportedSchemaException.class)
			.isThrownBy(() -> this.generator.propertySchema(Nothing.class))
			.withMessageContaining("at 'nothing', the type [\"string\",\"null\"] allows null");
	}

	@Test
	void polymorphicTypeFailsBecauseItNeedsAnyOf() {
		assertThatExceptionOfType(UnsupportedSchemaException.class)
			.isThrownBy(() -> this.generator.propertySchema(Drawing.class))
			.withMessageContaining("keywords Neuro does not support, at /properties/shape/anyOf")
			.withMessageContaining("avoid polymorphic types");
	}

	@Test
	void everyProblemIsReported() {
		assertThatExceptionOfType(UnsupportedSchemaException.class)
			.isThrownBy(() -> this.generator.propertySchema(Mess.class))
			.withMessageContaining("at 'lookup', java.util.Map")
			.withMessageContaining("at 'anything', java.lang.Object");
	}

	private static ObjectNode audited(ObjectNode actionSchema) {
		SchemaAudit.recordActionSchema("ActionSchemaGeneratorTests", actionSchema);
		return actionSchema;
	}

	private void assertSchema(Type type, String expected) throws JSONException {
		ObjectNode schema = this.generator.propertySchema(type);
		SchemaAudit.recordPropertySchema("ActionSchemaGeneratorTests: " + type.getTypeName(), schema);
		JSONAssert.assertEquals(expected, schema.toString(), JSONCompareMode.STRICT);
	}

	private void assertEnumValuesAreWhatTheMapperWrites(Class<? extends Enum<?>> type) {
		List<String> written = Arrays.stream(type.getEnumConstants())
			.map((constant) -> this.mapper.readValue(this.mapper.writeValueAsString(constant), String.class))
			.toList();
		assertThat(this.generator.propertySchema(type).get("enum").values()).extracting(JsonNode::stringValue)
			.containsExactlyElementsOf(written);
	}

	enum Color {

		RED, GREEN

	}

	enum Speed {

		SLOW("slow!"), FAST("fast!");

		private final String label;

		Speed(String label) {
			this.label = label;
		}

		@JsonValue
		String label() {
			return this.label;
		}

	}

	enum Suit {

		@JsonProperty("hearts")
		HEARTS, @JsonProperty("spades")
		SPADES

	}

	enum Piece {

		KING, QUEEN;

		@Override
		public String toString() {
			return "piece-" + name().toLowerCase(Locale.ROOT);
		}

	}

	enum Only {

		ONE

	}

	record Season(YearMonth from, YearMonth to, byte week, Byte day) {
	}

	record Greeting(String text, Optional<String> signature) {
	}

	record Note(String text, @Nullable String comment, @jakarta.annotation.Nullable String jakartaComment) {
	}

	record Measures(OptionalInt count, OptionalLong total, OptionalDouble ratio) {
	}

	record Settings(@JsonProperty(isRequired = OptBoolean.FALSE) String name,
			@JsonProperty(isRequired = OptBoolean.FALSE) int level, @JsonProperty("mode") String mode) {
	}

	record Insisting(@JsonProperty(required = true) Optional<String> value) {
	}

	record Palette(Set<Color> colors) {
	}

	record Square(char file, int rank) {
	}

	record Move(Piece piece, Square to) {
	}

	record Turn(String player, Move move) {
	}

	record Castling(Square from, Square to) {
	}

	record Unsorted(String zulu, int alpha, boolean mike, String bravo, long yankee, double charlie) {
	}

	record Renamed(@JsonProperty("renamed") String original) {
	}

	record Person(String firstName, @JsonProperty("homeTown") String homeTown) {
	}

	record Partly(String shown, @JsonIgnore String hidden) {
	}

	record Access(@JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String input,
			@JsonProperty(access = JsonProperty.Access.READ_ONLY) String output) {
	}

	record Constrained(@Min(0) @Max(8) int cell, @Size(min = 1, max = 3) List<String> tags, @Size(max = 20) String name,
			@Pattern(regexp = "[a-h][1-8]") String square, @NotBlank String note, @Positive int count) {
	}

	record MoreConstrained(@PositiveOrZero int zeroOrMore, @Negative int below, @NegativeOrZero int zeroOrLess,
			@DecimalMin("0.5") @DecimalMax(value = "9.5", inclusive = false) double ratio, @Email String email,
			@NotEmpty List<String> names, @Size(min = 2, max = 4) String code, @AssertTrue boolean accepted) {
	}

	@JsonClassDescription("A hint for Neuro")
	record Hint(@JsonPropertyDescription("The cell to play") int cell, String description, String title) {
	}

	record PlaceMark(@Min(0) @Max(8) int cell) {
	}

	record Stretched(@Min(-5_000_000_000L) @Max(5_000_000_000L) int wide, @Max(10) byte small, @Positive long positive,
			@DecimalMax(value = "0.5", inclusive = false) short fraction, @PositiveOrZero @Positive double ratio) {
	}

	record Tally(List<Integer> counts, List<@Max(5) Integer> capped, int[] array, Optional<Integer> maybe) {
	}

	record Count(int count) {
	}

	record Resignation(Optional<String> reason) {
	}

	static class PlayerBean {

		private String name = "";

		private @Nullable Integer age;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public @Nullable Integer getAge() {
			return this.age;
		}

		public void setAge(@Nullable Integer age) {
			this.age = age;
		}

	}

	record Tree(String label, List<Tree> children) {
	}

	record Forest(String name, Tree tree) {
	}

	record Round(int number, Map<String, Integer> scores) {
	}

	record Scoreboard(Round round) {
	}

	record Payload(JsonNode data) {
	}

	record Ballot(List<Optional<String>> votes) {
	}

	record Box<T>(T content) {
	}

	record Nothing(@Null String nothing) {
	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
	@JsonSubTypes({ @JsonSubTypes.Type(value = Circle.class, name = "circle"),
			@JsonSubTypes.Type(value = Rectangle.class, name = "rectangle") })
	interface Shape {

	}

	record Circle(int radius) implements Shape {
	}

	record Rectangle(int width, int height) implements Shape {
	}

	record Drawing(Shape shape) {
	}

	record Mess(Map<String, String> lookup, Object anything) {
	}

}
