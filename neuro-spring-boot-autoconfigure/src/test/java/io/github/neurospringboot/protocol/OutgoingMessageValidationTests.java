package io.github.neurospringboot.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the validation of {@link OutgoingMessage outgoing messages} and {@link NeuroMessageCodec} arguments.
 */
class OutgoingMessageValidationTests {

	private static final ActionDefinition END_TURN = new ActionDefinition("end_turn", "End your turn.", null);

	@ParameterizedTest
	@ValueSource(strings = { "place_mark", "end-turn", "a", "move_2" })
	void actionNameWithAllowedCharactersIsAccepted(String name) {
		assertThat(new ActionDefinition(name, "Do it.", null).name()).isEqualTo(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Place_Mark", "place mark", "place.mark", "placé", "", " " })
	void actionNameWithOtherCharactersIsRejected(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> new ActionDefinition(name, "Do it.", null))
			.withMessage("Action name '" + name
					+ "' is invalid: use only lower-case letters, digits, '_' and '-' (for example 'place_mark')");
	}

	@Test
	void actionNameIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ActionDefinition(null, "Do it.", null))
			.withMessage("Action name must not be null");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  " })
	void blankActionDescriptionIsRejected(String description) {
		assertThatIllegalArgumentException().isThrownBy(() -> new ActionDefinition("end_turn", description, null))
			.withMessage("Action 'end_turn' needs a non-blank description: "
					+ "Neuro reads it to decide when and how to use the action");
	}

	@Test
	void actionSchemaIsCopied() {
		ObjectNode schema = JsonMapper.shared().createObjectNode().put("type", "object");
		ActionDefinition action = new ActionDefinition("wait", "Wait.", schema);
		schema.put("type", "string");
		assertThat(action.schema()).isNotNull();
		assertThat(action.schema().path("type").stringValue()).isEqualTo("object");
	}

	@Test
	void emptyRegistrationIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RegisterActions(List.of()))
			.withMessage("actions/register needs at least one action: "
					+ "skip the message when there is nothing to register");
	}

	@Test
	void registrationWithNullActionIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RegisterActions(Arrays.asList(END_TURN, null)))
			.withMessage("actions/register must not contain null actions");
	}

	@Test
	void registrationWithDuplicateNameIsRejected() {
		ActionDefinition other = new ActionDefinition("end_turn", "End your turn now.", null);
		assertThatIllegalArgumentException().isThrownBy(() -> new RegisterActions(List.of(END_TURN, other)))
			.withMessage("actions/register lists the action 'end_turn' more than once: register each name once");
	}

	@Test
	void registrationCopiesTheList() {
		List<ActionDefinition> actions = new ArrayList<>(List.of(END_TURN));
		RegisterActions register = new RegisterActions(actions);
		actions.clear();
		assertThat(register.actions()).containsExactly(END_TURN);
		assertThat(register.actions()).isUnmodifiable();
	}

	@Test
	void emptyUnregistrationIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new UnregisterActions(List.of()))
			.withMessage("actions/unregister needs at least one action name: "
					+ "skip the message when there is nothing to unregister");
	}

	@Test
	void unregistrationWithNullNameIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new UnregisterActions(Arrays.asList("end_turn", null)))
			.withMessage("actions/unregister must not contain null action names");
	}

	@Test
	void unregistrationCopiesTheList() {
		List<String> names = new ArrayList<>(List.of("end_turn"));
		UnregisterActions unregister = new UnregisterActions(names);
		names.add("place_mark");
		assertThat(unregister.actionNames()).containsExactly("end_turn");
		assertThat(unregister.actionNames()).isUnmodifiable();
	}

	@Test
	void forceWithoutActionNamesIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ForceActions.of("It is your turn.", List.of()))
			.withMessage("actions/force needs at least one action name: Neuro must have a choice");
	}

	@Test
	void forceWithNullActionNameIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ForceActions.of("It is your turn.", Arrays.asList("end_turn", null)))
			.withMessage("actions/force must not contain null action names");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  " })
	void forceWithBlankQueryIsRejected(String query) {
		assertThatIllegalArgumentException().isThrownBy(() -> ForceActions.of(query, List.of("end_turn")))
			.withMessage("actions/force needs a non-blank query telling Neuro what to do");
	}

	@Test
	void minimalForceLeavesOptionalKeysUnset() {
		assertThat(ForceActions.of("It is your turn.", List.of("end_turn")))
			.isEqualTo(new ForceActions(null, "It is your turn.", null, null, List.of("end_turn")));
	}

	@Test
	void forceCopiesTheList() {
		List<String> names = new ArrayList<>(List.of("end_turn"));
		ForceActions force = ForceActions.of("It is your turn.", names);
		names.clear();
		assertThat(force.actionNames()).containsExactly("end_turn");
		assertThat(force.actionNames()).isUnmodifiable();
	}

	@Test
	void forcePriorityWireValuesAreLowerCase() {
		assertThat(ForcePriority.values()).extracting(ForcePriority::wireValue)
			.containsExactly("low", "medium", "high", "critical");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  " })
	void blankContextIsRejected(String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> new Context(message, false))
			.withMessage("Context message must not be blank: Neuro would receive an empty context");
	}

	@Test
	void resultWithoutIdIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ActionResultMessage(null, true, null))
			.withMessage("action/result needs the id of the action it answers");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  " })
	void codecWithBlankGameIsRejected(String game) {
		assertThatIllegalArgumentException().isThrownBy(() -> new NeuroMessageCodec(JsonMapper.builder().build(), game))
			.withMessage("Game name must not be blank: it is the display name Neuro knows the game by");
	}

}
