package io.github.neurospringboot.schema;

import java.math.BigDecimal;

import org.json.JSONException;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link NumericBounds}.
 */
class NumericBoundsTests {

	@Test
	void boundIsAddedWhereTheSideHasNone() throws JSONException {
		ObjectNode schema = schema("{\"type\":\"integer\",\"maximum\":8}");
		NumericBounds.narrow(schema, "minimum", BigDecimal.ZERO);
		assertJson(schema, "{\"type\":\"integer\",\"maximum\":8,\"minimum\":0}");
	}

	@Test
	void narrowerBoundReplacesBothBoundsOfItsSide() throws JSONException {
		ObjectNode schema = schema("{\"minimum\":-10,\"exclusiveMinimum\":-5,\"maximum\":8}");
		NumericBounds.narrow(schema, "minimum", BigDecimal.ONE);
		assertJson(schema, "{\"maximum\":8,\"minimum\":1}");
	}

	@Test
	void widerBoundIsIgnored() throws JSONException {
		ObjectNode schema = schema("{\"minimum\":0,\"exclusiveMaximum\":8}");
		NumericBounds.narrow(schema, "minimum", BigDecimal.valueOf(Integer.MIN_VALUE));
		NumericBounds.narrow(schema, "maximum", BigDecimal.valueOf(Integer.MAX_VALUE));
		assertJson(schema, "{\"minimum\":0,\"exclusiveMaximum\":8}");
	}

	@Test
	void onTheSameValueTheExclusiveBoundIsTheNarrower() throws JSONException {
		ObjectNode inclusive = schema("{\"minimum\":0}");
		NumericBounds.narrow(inclusive, "exclusiveMinimum", BigDecimal.ZERO);
		assertJson(inclusive, "{\"exclusiveMinimum\":0}");
		ObjectNode exclusive = schema("{\"exclusiveMaximum\":0}");
		NumericBounds.narrow(exclusive, "maximum", BigDecimal.ZERO);
		assertJson(exclusive, "{\"exclusiveMaximum\":0}");
	}

	@Test
	void onlyNumericBoundsCanBeNarrowed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NumericBounds.narrow(schema("{}"), "maxLength", BigDecimal.ONE))
			.withMessage("'maxLength' is not a numeric bound");
	}

	@Test
	void tightenLeavesTheNarrowestBoundOnEachSideThroughout() throws JSONException {
		ObjectNode schema = schema("""
				{"type":"object","properties":{
				  "count":{"type":"integer","minimum":-2147483648,"maximum":2147483647,"exclusiveMinimum":0},
				  "moves":{"type":"array","items":{"type":"number","maximum":1.5,"exclusiveMaximum":2}}}}""");
		NumericBounds.tighten(schema);
		assertJson(schema, """
				{"type":"object","properties":{
				  "count":{"type":"integer","maximum":2147483647,"exclusiveMinimum":0},
				  "moves":{"type":"array","items":{"type":"number","maximum":1.5}}}}""");
	}

	private static void assertJson(ObjectNode schema, String expected) throws JSONException {
		JSONAssert.assertEquals(expected, schema.toString(), JSONCompareMode.STRICT);
	}

	private static ObjectNode schema(String json) {
		return (ObjectNode) JsonMapper.shared().readTree(json);
	}

}
