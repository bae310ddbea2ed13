package io.github.neurospringboot.test.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.schema.NeuroSchemaDialect;
import io.github.neurospringboot.schema.SchemaTraversal;
import io.github.neurospringboot.schema.SchemaValidator;
import io.github.neurospringboot.test.lint.LintFinding.Severity;
import io.github.neurospringboot.test.schema.SchemaDataGenerator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lints action registrations as the real Neuro server and the community test servers judge them. Errors:
 * <ul>
 * <li>a name that is missing or does not match {@code ^[a-z0-9_-]+$};</li>
 * <li>a description that is missing or blank;</li>
 * <li>a {@code null} schema (a parameterless action leaves the schema out), or one that is not a JSON object;</li>
 * <li>a schema whose root is not {@code "type": "object"};</li>
 * <li>each keyword of {@link NeuroSchemaDialect#UNSUPPORTED_KEYWORDS}, {@code $ref} included, where it is used;</li>
 * <li>a {@code required} name that is not among the {@code properties};</li>
 * <li>a schema that {@link SchemaValidator} cannot compile, such as a {@code pattern} that is not a regular
 * expression;</li>
 * <li>in a registration: an empty {@code actions} array, and a name used twice.</li>
 * </ul>
 * Warnings: {@code "uniqueItems": true}, which Neuro may or may not enforce; a schema without properties, such as
 * {@code {}}, which lets Neuro make up any parameters; and a schema without errors for which
 * {@link SchemaDataGenerator} finds no parameters (contradictory bounds, an {@code enum} whose values all break the
 * other keywords, a {@code pattern} it matches no string to), which Neuro may never call with valid data. The
 * generator is seeded, so a schema always gets the same verdict; an optional property it left out goes unchecked.
 * <p>
 * Each finding names its {@link LintRule}. Locations are JSON pointers into what was linted. Findings come in a
 * stable order: the name, the description, the schema's root, its unsupported keywords, then the rest of the schema
 * in document order, then whether it can be satisfied.
 */
public final class SchemaLint {

	/** Longer values are cut short in messages. */
	private static final int EXCERPT_LENGTH = 40;

	private static final String MOVE_TO_DESCRIPTION = "put what Neuro should know in the action's description";

	private static final String FLATTEN = "Neuro's schemas cannot combine subschemas, so flatten it (and make a"
			+ " nullable property optional instead)";

	/** How to fix the unsupported keywords that schema generators tend to emit. */
	private static final Map<String, String> KEYWORD_FIXES = Map.of("$ref",
			"Neuro cannot resolve references, so inline the referenced schema", "$defs",
			"Neuro cannot resolve references, so inline each definition where it is used", "description",
			MOVE_TO_DESCRIPTION, "title", MOVE_TO_DESCRIPTION, "$comment", MOVE_TO_DESCRIPTION, "anyOf", FLATTEN,
			"oneOf", FLATTEN, "allOf", FLATTEN, "additionalProperties",
			"remove it, and ignore (or reject) the properties you do not describe when they arrive");

	private SchemaLint() {
	}

	/**
	 * Lint one action of a registration.
	 * @param action one element of the {@code actions} of {@code actions/register}'s {@code data}:
	 * {@code {"name": ..., "description": ..., "schema": ...}}
	 * @return the findings, with paths relative to the action, such as {@code /schema/properties/cell/title}; empty
	 * when the action is fine
	 */
	public static List<LintFinding> lint(JsonNode action) {
		List<LintFinding> findings = new ArrayList<>();
		lint(action, "", findings);
		return List.copyOf(findings);
	}

	/**
	 * Lint a whole registration: each of its actions, and the registration itself.
	 * @param registerData the {@code data} of an {@code actions/register} message: {@code {"actions": [...]}}
	 * @return the findings, with paths relative to {@code registerData}, such as {@code /actions/0/name}; empty when
	 * the registration is fine
	 */
	public static List<LintFinding> lintRegistration(JsonNode registerData) {
		List<LintFinding> findings = new ArrayList<>();
		JsonNode actions = registerData.get("actions");
		if (actions == null || !actions.isArray()) {
			findings.add(new LintFinding(LintRule.INVALID_MESSAGE, "", "/actions",
					"The registration has no actions array: send {\"actions\": [...]}."));
			return List.copyOf(findings);
		}
		if (actions.isEmpty()) {
			findings.add(new LintFinding(LintRule.EMPTY_REGISTRATION, "", "/actions",
					"The registration has no actions: do not"
					+ " send an empty actions/register (the Python SDK refuses it, and Gary flags it)."));
		}
		Map<String, Integer> firstUses = new HashMap<>();
		for (int i = 0; i < actions.size(); i++) {
			String pointer = "/actions/" + i;
			JsonNode action = actions.get(i);
			lint(action, pointer, findings);
			JsonNode name = action.get("name");
			if (name != null && name.isString()) {
				Integer first = firstUses.putIfAbsent(name.stringValue(), i);
				if (first != null) {
					findings.add(new LintFinding(LintRule.DUPLICATE_NAME, name.stringValue(), pointer + "/name",
							("The name '%s' is already used by /actions/%d: only one of the two definitions"
									+ " survives (newer servers keep the later one, older ones the earlier one). Give"
									+ " each action its own name.")
								.formatted(name.stringValue(), first)));
				}
			}
		}
		return List.copyOf(findings);
	}

	private static void lint(JsonNode action, String pointer, List<LintFinding> findings) {
		if (!action.isObject()) {
			findings.add(new LintFinding(LintRule.INVALID_MESSAGE, "", pointer,
					"An action must be a JSON object with a name,"
					+ " a description and, if it takes parameters, a schema, but was " + excerpt(action) + "."));
			return;
		}
		JsonNode name = action.get("name");
		Report report = new Report((name != null && name.isString()) ? name.stringValue() : "", pointer, findings);
		lintName(name, report);
		lintDescription(action.get("description"), report);
		if (action.has("schema")) {
			lintSchema(action.get("schema"), report);
		}
	}

	private static void lintName(@Nullable JsonNode name, Report report) {
		if (name == null) {
			report.add(LintRule.INVALID_NAME, "/name",
					"The action has no name: give it a unique name of lowercase letters, digits,"
					+ " '_' and '-', such as 'place_mark'.");
		}
		else if (!name.isString()) {
			report.add(LintRule.INVALID_NAME, "/name",
					"The name must be a string of lowercase letters, digits, '_' and '-', but was "
					+ excerpt(name) + ".");
		}
		else if (!ActionDefinition.isValidName(name.stringValue())) {
			String suggestion = name.stringValue()
				.toLowerCase(Locale.ROOT)
				.replaceAll("[^a-z0-9_-]+", "_")
				.replaceAll("^_+|_+$", "");
			report.add(LintRule.INVALID_NAME, "/name",
					"The name " + excerpt(name) + " must consist of lowercase letters, digits, '_' and"
					+ " '-' only" + (suggestion.isEmpty() ? "" : ", such as '" + suggestion + "'")
					+ ": Neuro's SDKs reject or lower-case other names.");
		}
	}

	private static void lintDescription(@Nullable JsonNode description, Report report) {
		if (description == null) {
			report.add(LintRule.NO_DESCRIPTION, "/description",
					"The action has no description: Neuro reads it to decide when and how to"
					+ " use the action, so say what it does.");
		}
		else if (!description.isString()) {
			report.add(LintRule.NO_DESCRIPTION, "/description",
					"The description must be a string, but was " + excerpt(description) + ".");
		}
		else if (description.stringValue().isBlank()) {
			report.add(LintRule.NO_DESCRIPTION, "/description",
					"The description is blank: Neuro reads it to decide when and how to use"
					+ " the action, so say what it does.");
		}
	}

	private static void lintSchema(JsonNode schema, Report report) {
		if (schema.isNull()) {
			report.add(LintRule.NULL_SCHEMA, "/schema",
					"The schema is null: leave the schema out of a parameterless action instead,"
					+ " because some servers reject null.");
			return;
		}
		if (!(schema instanceof ObjectNode object)) {
			report.add(LintRule.ROOT_NOT_OBJECT, "/schema",
					"The schema must be a JSON object with \"type\": \"object\", but was "
					+ excerpt(schema) + ".");
			return;
		}
		if (object.isEmpty()) {
			// Allowed by the API, so only a warning
			report.add(LintRule.EMPTY_SCHEMA, "/schema",
					"The empty schema {} lets Neuro make up any parameters: leave the schema out"
					+ " of a parameterless action, or describe the parameters.");
			return;
		}
		long errorsBefore = report.errors();
		lintRoot(object, report);
		for (String keyword : NeuroSchemaDialect.unsupportedKeywords(object)) {
			String name = keyword.substring(keyword.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
			report.add(LintRule.UNSUPPORTED_KEYWORD, "/schema" + keyword,
					"'%s' is a keyword Neuro does not support: %s."
				.formatted(name, KEYWORD_FIXES.getOrDefault(name, "remove it")));
		}
		SchemaTraversal.traverse(object, (pointer, node) -> lintNode(pointer, node, report), (pointer, value) -> {
		});
		try {
			SchemaValidator.of(object);
		}
		catch (IllegalArgumentException ex) {
			report.add(LintRule.INVALID_SCHEMA, "/schema", ex.getMessage() + ".");
		}
		if (report.errors() == errorsBefore) {
			lintFillable(object, report);
		}
	}

	/** Whether parameters can be found that satisfy the schema, as Neuro must find them to call the action. */
	private static void lintFillable(ObjectNode schema, Report report) {
		try {
			// Seeded: the same schema always gets the same verdict
			new SchemaDataGenerator(new Random(0)).generate(schema);
		}
		catch (IllegalArgumentException ex) {
			report.add(LintRule.UNFILLABLE_SCHEMA, "/schema", "No parameters were found that satisfy the schema ("
					+ ex.getMessage() + "), so Neuro may never call this action with valid data: loosen what the"
					+ " message names.");
		}
	}

	private static void lintRoot(ObjectNode schema, Report report) {
		JsonNode type = schema.get("type");
		if (type == null) {
			report.add(LintRule.ROOT_NOT_OBJECT, "/schema",
					"The schema has no type: its root must have \"type\": \"object\", with the"
					+ " parameters as its properties.");
		}
		else if (!type.isString() || !"object".equals(type.stringValue())) {
			report.add(LintRule.ROOT_NOT_OBJECT, "/schema/type",
					"The schema's root must have \"type\": \"object\", with the parameters as"
					+ " its properties (wrap a single value in one), but its type is " + excerpt(type) + ".");
		}
		else if (schema.path("properties").isEmpty()) {
			report.add(LintRule.NO_PROPERTIES, "/schema",
					"The schema describes no properties, which lets Neuro make up any parameters:"
					+ " leave the schema out of a parameterless action, or describe the parameters.");
		}
	}

	private static void lintNode(String pointer, ObjectNode node, Report report) {
		JsonNode required = node.get("required");
		if (required != null && required.isArray()) {
			JsonNode properties = node.path("properties");
			for (int i = 0; i < required.size(); i++) {
				JsonNode name = required.get(i);
				if (name.isString() && !(properties.isObject() && properties.has(name.stringValue()))) {
					report.add(LintRule.UNKNOWN_REQUIRED, "/schema" + pointer + "/required/" + i,
							("'%s' is required but not among the"
							+ " properties, so Neuro is not told what to send for it: describe it in properties, or"
							+ " drop it from required.").formatted(name.stringValue()));
				}
			}
		}
		if (node.path("uniqueItems").booleanValue(false)) {
			report.add(LintRule.UNIQUE_ITEMS, "/schema" + pointer + "/uniqueItems",
					"Neuro may or may not respect uniqueItems: check"
					+ " that the items are distinct yourself, and fail the action with a message when they are not.");
		}
	}

	private static String excerpt(JsonNode value) {
		String json = value.toString();
		return (json.length() <= EXCERPT_LENGTH) ? json : json.substring(0, EXCERPT_LENGTH) + "…";
	}

	/**
	 * Where the findings of one action go.
	 */
	private record Report(String action, String pointer, List<LintFinding> findings) {

		void add(LintRule rule, String path, String message) {
			this.findings.add(new LintFinding(rule, this.action, this.pointer + path, message));
		}

		long errors() {
			return this.findings.stream().filter((finding) -> finding.severity() == Severity.ERROR).count();
		}

	}

}
