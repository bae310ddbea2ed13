package io.github.neurospringboot.action.support;

import java.lang.reflect.Parameter;
import java.util.List;

import io.github.neurospringboot.schema.ActionSchemaGenerator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.json.JSONException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.ReflectionUtils;

/**
 * Tests for {@link BeanValidationParameterKeywords}: parameter constraints narrow the range of an integral type, and
 * never widen it.
 */
class BeanValidationParameterKeywordsTests {

	private final ActionSchemaGenerator generator = new ActionSchemaGenerator(JsonMapper.shared(), List.of());

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			cell     | {"type":"integer","minimum":0,"maximum":8}
			count    | {"type":"integer","exclusiveMinimum":0,"maximum":2147483647}
			wide     | {"type":"integer","minimum":-2147483648,"maximum":2147483647}
			""")
	void constraintsNarrowTheRangeOfAnInt(String name, String expected) throws JSONException {
		Parameter parameter = parameter(name);
		ObjectNode schema = this.generator.propertySchema(parameter.getParameterizedType());
		new BeanValidationParameterKeywords().customize(parameter, schema);
		JSONAssert.assertEquals(expected, schema.toString(), JSONCompareMode.STRICT);
	}

	private static Parameter parameter(String name) {
		for (Parameter parameter : ReflectionUtils.findMethod(Game.class, "play", int.class, int.class, int.class)
			.getParameters()) {
			if (parameter.getName().equals(name)) {
				return parameter;
			}
		}
		throw new AssertionError("No parameter " + name);
	}

	static class Game {

		void play(@Min(0) @Max(8) int cell, @Positive int count, @Min(-5_000_000_000L) @Max(5_000_000_000L) int wide) {
		}

	}

}
