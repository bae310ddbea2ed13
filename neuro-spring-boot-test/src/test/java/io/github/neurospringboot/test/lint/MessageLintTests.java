package io.github.neurospringboot.test.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link MessageLint}.
 */
class MessageLintTests {

	@ParameterizedTest
	@ValueSource(strings = { """
			{"command":"startup","game":"Dice"}""", """
			{"command":"context","game":"Dice","data":{"message":"You rolled a 6.","silent":true}}""", """
			{"command":"actions/register","game":"Dice","data":{"actions":[{"name":"roll","description":"Roll."}]}}""",
			"""
			{"command":"actions/unregister","game":"Dice","data":{"action_names":["roll"]}}""", """
			{"command":"actions/force","game":"Dice","data":{"state":"## Dice","query":"Roll!","ephemeral_context":true,
			"priority":"critical","action_names":["roll"]}}""", """
			{"command":"action/result","game":"Dice","data":{"id":"1","success":true}}""", """
			{"command":"action/result","game":"Dice","data":{"id":"2","success":false,"message":"Roll one die."}}""",
			"""
			{"command":"shutdown/ready","game":"Dice"}""" })
	void wellFormedMessagesHaveNoFindings(String message) {
		assertThat(MessageLint.lint(json(message))).isEmpty();
	}

	@Test
	void aMessageMustBeAnObjectWithACommandAndTheGame() {
		assertThat(MessageLint.lint(json("[1, 2]"))).extracting(LintFinding::rule, LintFinding::path)
			.containsExactly(tuple(LintRule.INVALID_MESSAGE, ""));
		assertThat(MessageLint.lint(json("{\"game\":\"Dice\"}"))).singleElement()
			.satisfies((finding) -> assertThat(finding.message()).isEqualTo("The message has no command: say what it"
					+ " is, such as \"command\": \"context\"."));
		assertThat(MessageLint.lint(json("{\"command\":\"startup\"}"))).extracting(LintFinding::path,
				LintFinding::message)
			.containsExactly(tuple("/game", "The message has no 'game': every message names the game, the same way"
					+ " each time."));
		assertThat(MessageLint.lint(json("{\"command\":\"startup\",\"game\":\" \"}"))).extracting(LintFinding::path)
			.containsExactly("/game");
	}

	@Test
	void fieldsThatAreMissingOfTheWrongTypeOrNull() {
		assertThat(MessageLint.lint(json("""
				{"command":"context","game":"Dice","data":{"message":42}}""")))
			.extracting(LintFinding::rule, LintFinding::path, LintFinding::message)
			.containsExactly(
					tuple(LintRule.INVALID_MESSAGE, "/data/message", "'message' of the context message must be a"
							+ " string, but was 42."),
					tuple(LintRule.INVALID_MESSAGE, "/data/silent", "The context message has no 'silent' in its"
							+ " data: send it, as a boolean."));
		assertThat(MessageLint.lint(json("""
				{"command":"actions/force","game":"Dice","data":{"state":null,"query":"","priority":"urgent",
				"action_names":["roll",3]}}""")))
			.extracting(LintFinding::path, LintFinding::message)
			.containsExactly(
					tuple("/data/state", "'state' of the actions/force message is null: leave it out instead, because"
							+ " some servers reject null."),
					tuple("/data/query", "'query' of the actions/force message is blank: Neuro reads it, so say"
							+ " something."),
					tuple("/data/priority", "'priority' of the actions/force message must be \"low\", \"medium\","
							+ " \"high\" or \"critical\" (or left out, for \"low\"), but was \"urgent\"."),
					tuple("/data/action_names/1", "Each of action_names must be an action's name as a string, but one"
							+ " was 3."));
		assertThat(MessageLint.lint(json("""
				{"command":"action/result","game":"Dice","data":{"id":"1","success":"yes","message":null}}""")))
			.extracting(LintFinding::path)
			.containsExactly("/data/success", "/data/message");
		assertThat(MessageLint.lint(json("""
				{"command":"actions/unregister","game":"Dice","data":["roll"]}""")))
			.extracting(LintFinding::path, LintFinding::message)
			.containsExactly(tuple("/data", "The actions/unregister message has no data object: send its fields inside"
					+ " \"data\": {...}, instead of [\"roll\"]."));
	}

	@Test
	void emptyForcesAndUnregistrations() {
		assertThat(MessageLint.lint(json("""
				{"command":"actions/force","game":"Dice","data":{"query":"Roll!","action_names":[]}}""")))
			.extracting(LintFinding::rule, LintFinding::path)
			.containsExactly(tuple(LintRule.EMPTY_FORCE, "/data/action_names"));
		assertThat(MessageLint.lint(json("""
				{"command":"actions/unregister","game":"Dice","data":{"action_names":[]}}""")))
			.extracting(LintFinding::rule, LintFinding::severity)
			.containsExactly(tuple(LintRule.EMPTY_UNREGISTER, LintFinding.Severity.WARNING));
	}

	@Test
	void aFailureNeedsAMessage() {
		assertThat(MessageLint.lint(json("""
				{"command":"action/result","game":"Dice","data":{"id":"1","success":false}}""")))
			.extracting(LintFinding::rule, LintFinding::path, LintFinding::message)
			.containsExactly(tuple(LintRule.FAILURE_WITHOUT_MESSAGE, "/data/message", "The result says success: false"
					+ " without a message, so Neuro cannot tell why the action failed or how to succeed: say what went"
					+ " wrong and what to do instead."));
		assertThat(MessageLint.lint(json("""
				{"command":"action/result","game":"Dice","data":{"id":"1","success":false,"message":"  "}}""")))
			.extracting(LintFinding::rule)
			.containsExactly(LintRule.FAILURE_WITHOUT_MESSAGE);
	}

	@Test
	void registrationsAreLintedWithPathsIntoTheMessage() {
		assertThat(MessageLint.lint(json("""
				{"command":"actions/register","game":"Dice","data":{"actions":[
					{"name":"roll","description":"Roll.","schema":{"type":"object","title":"Roll",
					"properties":{"dice":{"type":"integer"}}}}]}}""")))
			.extracting(LintFinding::rule, LintFinding::action, LintFinding::path)
			.containsExactly(tuple(LintRule.UNSUPPORTED_KEYWORD, "roll", "/data/actions/0/schema/title"));
	}

	@Test
	void anUnknownCommandIsIgnoredByNeuroAndATypoGetsASuggestion() {
		assertThat(MessageLint.lint(json("""
				{"command":"actions/result","game":"Dice","data":{"id":"1","success":true}}""")))
			.extracting(LintFinding::rule, LintFinding::message)
			.containsExactly(tuple(LintRule.UNKNOWN_COMMAND, "Neuro does not know the command 'actions/result' and"
					+ " ignores it: did you mean 'action/result'?"));
		assertThat(MessageLint.lint(json("""
				{"command":"neuro-relay/hello","game":"Dice"}"""))).extracting(LintFinding::message)
			.containsExactly("Neuro does not know the command 'neuro-relay/hello' and ignores it: send only the"
					+ " commands of the Neuro API (startup, context, actions/register, actions/unregister,"
					+ " actions/force, action/result, shutdown/ready).");
	}

	private static JsonNode json(String json) {
		return JsonMapper.shared().readTree(json);
	}

}
