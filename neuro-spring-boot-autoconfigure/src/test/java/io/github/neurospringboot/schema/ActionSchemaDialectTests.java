package io.github.neurospringboot.schema;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NeuroSchemaDialect}.
 */
class ActionSchemaDialectTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void listsTheThirtyThreeUnsupportedKeywords() {
		assertThat(NeuroSchemaDialect.UNSUPPORTED_KEYWORDS).hasSize(33)
			.contains("$ref", "$defs", "$schema", "additionalProperties", "anyOf", "oneOf", "allOf", "title",
					"description", "readOnly", "writeOnly", "unevaluatedProperties")
			.doesNotContain("uniqueItems", "format", "enum", "const", "pattern");
	}

	@Test
	void acceptsASimpleSchema() {
		assertThat(unsupportedKeywords("""
				{"type":"object","properties":{"cell":{"type":"integer","minimum":0,"maximum":8},
				"tags":{"type":"array","items":{"type":"string","enum":["a","b"]},"uniqueItems":true}},
				"required":["cell"]}""")).isEmpty();
	}

	@Test
	void findsNestedTitle() {
		assertThat(unsupportedKeywords("""
				{"type":"object","title":"Move","properties":{"to":{"type":"object","properties":{
				"cell":{"type":"integer","title":"Cell"}}}}}"""))
			.containsExactly("/title", "/properties/to/properties/cell/title");
	}

	@Test
	void ignoresPropertiesNamedLikeKeywords() {
		assertThat(unsupportedKeywords("""
				{"type":"object","properties":{"description":{"type":"string"},"title":{"type":"string"},
				"$ref":{"type":"string"},"anyOf":{"type":"array","items":{"type":"string"}}},
				"required":["description","title"]}""")).isEmpty();
	}

	@Test
	void findsDescriptionOfAPropertyCalledDescription() {
		assertThat(unsupportedKeywords("""
				{"type":"object","properties":{"description":{"type":"string","description":"What it is"}}}"""))
			.containsExactly("/properties/description/description");
	}

	@Test
	void findsRefAndDefs() {
		assertThat(unsupportedKeywords("""
				{"type":"object","properties":{"move":{"$ref":"#/$defs/Move"}},
				"$defs":{"Move":{"type":"object","title":"Move"}}}"""))
			.containsExactly("/$defs", "/properties/move/$ref", "/$defs/Move/title");
	}

	@Test
	void findsRefAnywhereEvenOutsideSubschemas() {
		assertThat(unsupportedKeywords("""
				{"type":"object","x-vendor":{"nested":[{"$ref":"#/somewhere"}]}}"""))
			.containsExactly("/x-vendor/nested/0/$ref");
	}

	@Test
	void findsAnyOfInItems() {
		assertThat(unsupportedKeywords("""
				{"type":"array","items":{"anyOf":[{"type":"string"},{"type":"integer","title":"Number"}]}}"""))
			.containsExactly("/items/anyOf", "/items/anyOf/1/title");
	}

	@Test
	void recursesThroughEverySubschemaPosition() {
		assertThat(unsupportedKeywords("""
				{"type":"array","prefixItems":[{"type":"string","readOnly":true}],
				"contains":{"type":"string","deprecated":true},
				"not":{"multipleOf":2},
				"additionalProperties":{"title":"x"}}"""))
			.containsExactly("/not", "/additionalProperties", "/prefixItems/0/readOnly", "/contains/deprecated",
					"/not/multipleOf", "/additionalProperties/title");
	}

	@Test
	void escapesPropertyNamesInPointers() {
		assertThat(unsupportedKeywords("""
				{"type":"object","properties":{"a/b~c":{"type":"string","title":"odd"}}}"""))
			.containsExactly("/properties/a~1b~0c/title");
	}

	@Test
	void doesNotTakeEnumValuesForKeywords() {
		assertThat(unsupportedKeywords("""
				{"type":"string","enum":["title","description","anyOf"]}""")).isEmpty();
	}

	private List<String> unsupportedKeywords(String schema) {
		JsonNode node = this.mapper.readTree(schema);
		return NeuroSchemaDialect.unsupportedKeywords(node);
	}

}
