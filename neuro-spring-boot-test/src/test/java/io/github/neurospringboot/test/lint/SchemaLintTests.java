package io.github.neurospringboot.test.lint;

import java.util.List;

import io.github.neurospringboot.test.lint.LintFinding.Severity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link SchemaLint}.
 */
class SchemaLintTests {

	private static final JsonMapper MAPPER = JsonMapper.shared();

	@Test
	void cleanRegistrationHasNoFindings() {
		// TV-02, plus an action that uses the whole dialect, with properties called like keywords
		assertThat(SchemaLint.lintRegistration(json("""
				{"actions":[
					{"name":"place_mark","description":"Place your mark on an empty cell.",
					 "schema":{"type":"object","properties":{"cell":{"type":"integer","minimum":0,"maximum":8}},
					 "required":["cell"]}},
					{"name":"end_turn","description":"End your turn."},
					{"name":"plan-moves_2","description":"Plan your next moves.",
					 "schema":{"type":"object","properties":{
						"moves":{"type":"array","minItems":1,"maxItems":3,"items":{"type":"object","properties":{
							"to":{"type":"integer","exclusiveMinimum":-1,"exclusiveMaximum":9},
							"mark":{"enum":["X","O"]}},"required":["to"]}},
						"title":{"type":"string","pattern":"^[A-Z]{3}$","minLength":3,"maxLength":3},
						"description":{"type":"string"},
						"pair":{"type":"array","prefixItems":[{"type":"boolean"},{"const":null}]}},
					 "required":["moves","title"]}}
				]}
				"""))).isEmpty();
	}

	@Test
	void missingName() {
		assertThat(SchemaLint.lint(json("""
				{"description":"End your turn."}
				"""))).containsExactly(new LintFinding(LintRule.INVALID_NAME, "", "/name",
						"The action has no name: give it a"
						+ " unique name of lowercase letters, digits, '_' and '-', such as 'place_mark'."));
	}

	@Test
	void nameThatIsNotAString() {
		assertThat(SchemaLint.lint(json("""
				{"name":4,"description":"End your turn."}
				"""))).containsExactly(new LintFinding(LintRule.INVALID_NAME, "", "/name",
						"The name must be a string of lowercase letters, digits, '_' and '-', but was 4."));
	}

	@Test
	void nameWithCapitalsAndSpacesGetsASuggestion() {
		assertThat(SchemaLint.lint(json("""
				{"name":"Place Mark!","description":"Place your mark."}
				"""))).containsExactly(new LintFinding(LintRule.INVALID_NAME, "Place Mark!", "/name",
						"The name \"Place Mark!\" must consist of lowercase letters, digits, '_' and '-' only, such as"
								+ " 'place_mark': Neuro's SDKs reject or lower-case other names."));
	}

	@Test
	void emptyName() {
		assertThat(SchemaLint.lint(json("""
				{"name":"","description":"End your turn."}
				"""))).extracting(LintFinding::path, LintFinding::severity)
			.containsExactly(tuple("/name", Severity.ERROR));
	}

	@Test
	void missingDescription() {
		assertThat(SchemaLint.lint(json("""
				{"name":"end_turn"}
				"""))).containsExactly(new LintFinding(LintRule.NO_DESCRIPTION, "end_turn", "/description",
						"The action has no description: Neuro reads it to decide when and how to use the action, so"
								+ " say what it does."));
	}

	@Test
	void blankDescription() {
		assertThat(SchemaLint.lint(json("""
				{"name":"end_turn","description":" \\n\\t"}
				"""))).containsExactly(new LintFinding(LintRule.NO_DESCRIPTION, "end_turn", "/description",
						"The description is"
						+ " blank: Neuro reads it to decide when and how to use the action, so say what it does."));
	}

	@Test
	void nullSchema() {
		assertThat(SchemaLint.lint(json("""
				{"name":"end_turn","description":"End your turn.","schema":null}
				"""))).containsExactly(new LintFinding(LintRule.NULL_SCHEMA, "end_turn", "/schema",
						"The schema is null: leave the schema out of a parameterless action instead, because some"
								+ " servers reject null."));
	}

	@Test
	void schemaThatIsNotAnObject() {
		assertThat(SchemaLint.lint(json("""
				{"name":"end_turn","description":"End your turn.","schema":"object"}
				"""))).containsExactly(new LintFinding(LintRule.ROOT_NOT_OBJECT, "end_turn", "/schema",
						"The schema must be a JSON object with \"type\": \"object\", but was \"object\"."));
	}

	@Test
	void rootThatIsNotAnObject() {
		// Python's example, which Neuro rejects since the clarification of 29 Jul 2025
		assertThat(SchemaLint.lint(json("""
				{"name":"say","description":"Say something.","schema":{"type":"string"}}
				"""))).containsExactly(new LintFinding(LintRule.ROOT_NOT_OBJECT, "say", "/schema/type",
						"The schema's root must have \"type\": \"object\", with the parameters as its properties"
								+ " (wrap a single value in one), but its type is \"string\"."));
	}

	@Test
	void rootThatMayBeNull() {
		assertThat(SchemaLint.lint(json("""
				{"name":"say","description":"Say something.","schema":{"type":["object","null"],
				"properties":{"text":{"type":"string"}}}}
				"""))).extracting(LintFinding::path, LintFinding::severity)
			.containsExactly(tuple("/schema/type", Severity.ERROR));
	}

	@Test
	void rootWithoutAType() {
		assertThat(SchemaLint.lint(json("""
				{"name":"say","description":"Say something.","schema":{"properties":{"text":{"type":"string"}}}}
				"""))).containsExactly(new LintFinding(LintRule.ROOT_NOT_OBJECT, "say", "/schema",
						"The schema has no type: its"
						+ " root must have \"type\": \"object\", with the parameters as its properties."));
	}

	@Test
	void everyUnsupportedKeywordIsAFindingAtItsPath() {
		assertThat(SchemaLint.lint(json("""
				{"name":"move","description":"Move a piece.","schema":{
					"$schema":"https://json-schema.org/draft/2020-12/schema",
					"title":"Move",
					"type":"object",
					"additionalProperties":false,
					"properties":{
						"description":{"type":"string","description":"Why you move."},
						"steps":{"type":"integer","multipleOf":2},
						"piece":{"anyOf":[{"type":"string"},{"type":"null"}]}
					}
				}}
				"""))).containsExactly(
						new LintFinding(LintRule.UNSUPPORTED_KEYWORD, "move", "/schema/$schema",
								"'$schema' is a keyword Neuro does not support: remove it."),
						new LintFinding(LintRule.UNSUPPORTED_KEYWORD, "move", "/schema/title",
								"'title' is a keyword Neuro does not support: put what Neuro should know in the"
										+ " action's description."),
						new LintFinding(LintRule.UNSUPPORTED_KEYWORD, "move", "/schema/additionalProperties",
								"'additionalProperties' is a keyword Neuro does not support: remove it, and ignore (or"
										+ " reject) the properties you do not describe when they arrive."),
						new LintFinding(LintRule.UNSUPPORTED_KEYWORD, "move",
								"/schema/properties/description/description",
								"'description' is a keyword Neuro does not support: put what Neuro should know in the"
										+ " action's description."),
						new LintFinding(LintRule.UNSUPPORTED_KEYWORD, "move", "/schema/properties/steps/multipleOf",
								"'multipleOf' is a keyword Neuro does not support: remove it."),
						new LintFinding(LintRule.UNSUPPORTED_KEYWORD, "move", "/schema/properties/piece/anyOf",
								"'anyOf' is a keyword Neuro does not support: Neuro's schemas cannot combine"
										+ " subschemas, so flatten it (and make a nullable property optional"
										+ " instead)."));
	}

	@Test
	void referencesAreFindingsWhereverTheyAre() {
		assertThat(SchemaLint.lint(json("""
				{"name":"move","description":"Move a piece.","schema":{"type":"object",
					"$defs":{"cell":{"type":"integer","minimum":0,"maximum":8}},
					"properties":{"from":{"$ref":"#/$defs/cell"},"to":{"$ref":"#/$defs/cell"}},
					"required":["from","to"]}}
				"""))).extracting(LintFinding::path, LintFinding::severity, LintFinding::message)
			.containsExactly(
					tuple("/schema/$defs", Severity.ERROR, "'$defs' is a keyword Neuro does not support: Neuro cannot"
							+ " resolve references, so inline each definition where it is used."),
					tuple("/schema/properties/from/$ref", Severity.ERROR, "'$ref' is a keyword Neuro does not"
							+ " support: Neuro cannot resolve references, so inline the referenced schema."),
					tuple("/schema/properties/to/$ref", Severity.ERROR, "'$ref' is a keyword Neuro does not"
							+ " support: Neuro cannot resolve references, so inline the referenced schema."));
	}

	@Test
	void uniqueItemsIsAWarning() {
		assertThat(SchemaLint.lint(json("""
				{"name":"pick","description":"Pick cards.","schema":{"type":"object","properties":{
					"cards":{"type":"array","items":{"type":"integer"},"uniqueItems":true},
					"any":{"type":"array","uniqueItems":false}}}}
				"""))).containsExactly(new LintFinding(LintRule.UNIQUE_ITEMS, "pick",
						"/schema/properties/cards/uniqueItems",
						"Neuro may or may not respect uniqueItems: check that the items are distinct yourself, and fail"
								+ " the action with a message when they are not."));
	}

	@Test
	void requiredPropertyThatIsNotDescribed() {
		assertThat(SchemaLint.lint(json("""
				{"name":"move","description":"Move a piece.","schema":{"type":"object",
					"properties":{"to":{"type":"object","properties":{"row":{"type":"integer"}},
						"required":["row","column"]}},
					"required":["from","to"]}}
				"""))).containsExactly(
						new LintFinding(LintRule.UNKNOWN_REQUIRED, "move", "/schema/required/0",
								"'from' is required but not"
								+ " among the properties, so Neuro is not told what to send for it: describe it in"
								+ " properties, or drop it from required."),
						new LintFinding(LintRule.UNKNOWN_REQUIRED, "move", "/schema/properties/to/required/1",
								"'column' is"
								+ " required but not among the properties, so Neuro is not told what to send for it:"
								+ " describe it in properties, or drop it from required."));
	}

	@Test
	void emptySchemaIsAWarning() {
		assertThat(SchemaLint.lint(json("""
				{"name":"end_turn","description":"End your turn.","schema":{}}
				"""))).containsExactly(new LintFinding(LintRule.EMPTY_SCHEMA, "end_turn", "/schema",
						"The empty schema {}"
						+ " lets Neuro make up any parameters: leave the schema out of a parameterless action, or"
						+ " describe the parameters."));
	}

	@Test
	void objectSchemaWithoutPropertiesIsAWarning() {
		assertThat(SchemaLint.lint(json("""
				{"name":"end_turn","description":"End your turn.","schema":{"type":"object","properties":{}}}
				"""))).containsExactly(new LintFinding(LintRule.NO_PROPERTIES, "end_turn", "/schema",
						"The schema describes"
						+ " no properties, which lets Neuro make up any parameters: leave the schema out of a"
						+ " parameterless action, or describe the parameters."));
	}

	@Test
	void schemaThatCannotBeCompiled() {
		assertThat(SchemaLint.lint(json("""
				{"name":"code","description":"Enter a code.","schema":{"type":"object",
				"properties":{"code":{"type":"string","pattern":"[A-Z"}}}}
				"""))).singleElement().satisfies((finding) -> {
					assertThat(finding.path()).isEqualTo("/schema");
					assertThat(finding.severity()).isEqualTo(Severity.ERROR);
					assertThat(finding.message())
						.startsWith("Invalid schema at #/properties/code: 'pattern' \"[A-Z\" is not a valid");
				});
	}

	@Test
	void schemaThatNoParametersSatisfyIsAWarning() {
		assertThat(SchemaLint.lint(json("""
				{"name":"roll","description":"Roll dice.","schema":{"type":"object",
				"properties":{"dice":{"type":"integer","minimum":6,"maximum":1}},"required":["dice"]}}
				"""))).singleElement().satisfies((finding) -> {
					assertThat(finding.rule()).isEqualTo(LintRule.UNFILLABLE_SCHEMA);
					assertThat(finding.path()).isEqualTo("/schema");
					assertThat(finding.severity()).isEqualTo(Severity.WARNING);
					assertThat(finding.message()).startsWith("No parameters were found that satisfy the schema"
							+ " (Cannot generate a value at #/properties/dice: ")
						.endsWith("so Neuro may never call this action with valid data: loosen what the message names.");
				});
	}

	@Test
	void aSchemaWithErrorsIsNotAlsoCalledUnfillable() {
		assertThat(SchemaLint.lint(json("""
				{"name":"roll","description":"Roll dice.","schema":{"type":"object","title":"Roll",
				"properties":{"dice":{"type":"integer","minimum":6,"maximum":1}},"required":["dice"]}}
				"""))).extracting(LintFinding::rule).containsExactly(LintRule.UNSUPPORTED_KEYWORD);
	}

	@Test
	void actionThatIsNotAnObject() {
		assertThat(SchemaLint.lint(json("\"end_turn\""))).containsExactly(new LintFinding(LintRule.INVALID_MESSAGE,
				"", "",
				"An action must be a JSON object with a name, a description and, if it takes parameters, a schema, but"
						+ " was \"end_turn\"."));
	}

	@Test
	void registrationFindingsArePlacedInTheRegistration() {
		assertThat(SchemaLint.lintRegistration(json("""
				{"actions":[
					{"name":"end_turn","description":"End your turn."},
					{"name":"Say","description":"Say something.","schema":{"type":"string"}}
				]}
				"""))).extracting(LintFinding::action, LintFinding::path)
			.containsExactly(tuple("Say", "/actions/1/name"), tuple("Say", "/actions/1/schema/type"));
	}

	@Test
	void duplicateNamesInOneRegistration() {
		assertThat(SchemaLint.lintRegistration(json("""
				{"actions":[
					{"name":"end_turn","description":"End your turn."},
					{"name":"place_mark","description":"Place your mark."},
					{"name":"end_turn","description":"Finish the turn."},
					{"name":"end_turn","description":"Pass."}
				]}
				"""))).containsExactly(
						new LintFinding(LintRule.DUPLICATE_NAME, "end_turn", "/actions/2/name",
								"The name 'end_turn' is already"
								+ " used by /actions/0: only one of the two definitions survives (newer servers keep"
								+ " the later one, older ones the earlier one). Give each action its own name."),
						new LintFinding(LintRule.DUPLICATE_NAME, "end_turn", "/actions/3/name",
								"The name 'end_turn' is already"
								+ " used by /actions/0: only one of the two definitions survives (newer servers keep"
								+ " the later one, older ones the earlier one). Give each action its own name."));
	}

	@Test
	void emptyRegistration() {
		assertThat(SchemaLint.lintRegistration(json("""
				{"actions":[]}
				"""))).containsExactly(new LintFinding(LintRule.EMPTY_REGISTRATION, "", "/actions",
						"The registration has no actions: do not send an empty actions/register (the Python SDK"
								+ " refuses it, and Gary flags it)."));
	}

	@Test
	void registrationWithoutAnActionsArray() {
		List<LintFinding> expected = List.of(new LintFinding(LintRule.INVALID_MESSAGE, "", "/actions",
				"The registration has no actions array: send {\"actions\": [...]}."));
		assertThat(SchemaLint.lintRegistration(json("{}"))).isEqualTo(expected);
		assertThat(SchemaLint.lintRegistration(json("""
				{"actions":{"name":"end_turn","description":"End your turn."}}
				"""))).isEqualTo(expected);
	}

	private static JsonNode json(String json) {
		return MAPPER.readTree(json);
	}

}
