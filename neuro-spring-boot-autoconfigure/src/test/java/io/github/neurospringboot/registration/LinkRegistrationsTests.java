package io.github.neurospringboot.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.protocol.RegisterActions;
import io.github.neurospringboot.protocol.UnregisterActions;
import io.github.neurospringboot.testing.InMemoryLink;
import org.junit.jupiter.api.Test;

import static io.github.neurospringboot.testing.TestActions.CELL_SCHEMA;
import static io.github.neurospringboot.testing.TestActions.definition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LinkRegistrations}: what one link was told, brought in step with the wanted set by the least it can send.
 */
class LinkRegistrationsTests {

	private static final ActionDefinition PLACE_MARK = definition("place_mark", CELL_SCHEMA);

	private static final ActionDefinition RESIGN = definition("resign");

	private static final ActionDefinition UNDO = definition("undo");

	private final InMemoryLink link = new InMemoryLink("1");

	private final LinkRegistrations told = new LinkRegistrations(this.link);

	@Test
	void theFirstSyncRegistersEveryWantedActionInOneMessageInRegistrationOrder() {
		this.told.sync(wanted(RESIGN, PLACE_MARK));
		assertThat(this.link.sent()).containsExactly(new RegisterActions(List.of(RESIGN, PLACE_MARK)));
	}

	@Test
	void nothingWantedSendsNothing() {
		this.told.sync(wanted());
		this.told.resendAll();
		this.told.unregisterAll();
		assertThat(this.link.sent()).isEmpty();
	}

	@Test
	void anUnchangedWantedSetSendsNothing() {
		this.told.sync(wanted(PLACE_MARK, RESIGN));
		this.link.take();
		this.told.sync(wanted(PLACE_MARK, RESIGN));
		this.told.sync(wanted(RESIGN, PLACE_MARK));
		assertThat(this.link.sent()).isEmpty();
	}

	@Test
	void onlyWhatWasAddedIsRegistered() {
		this.told.sync(wanted(PLACE_MARK));
		this.link.take();
		this.told.sync(wanted(PLACE_MARK, RESIGN, UNDO));
		assertThat(this.link.sent()).containsExactly(new RegisterActions(List.of(RESIGN, UNDO)));
	}

	@Test
	void onlyWhatWasRemovedIsUnregistered() {
		this.told.sync(wanted(PLACE_MARK, RESIGN, UNDO));
		this.link.take();
		this.told.sync(wanted(RESIGN));
		assertThat(this.link.sent()).containsExactly(new UnregisterActions(List.of("place_mark", "undo")));
	}

	@Test
	void aChangedDefinitionIsUnregisteredThenRegisteredAgain() {
		this.told.sync(wanted(PLACE_MARK, RESIGN));
		this.link.take();
		ActionDefinition changed = new ActionDefinition("place_mark", "Place your mark on a free cell.",
				PLACE_MARK.schema());
		this.told.sync(wanted(changed, RESIGN, UNDO));
		assertThat(this.link.sent()).containsExactly(new UnregisterActions(List.of("place_mark")),
				new RegisterActions(List.of(changed, UNDO)));
	}

	@Test
	void resendAllRegistersWhatTheLinkWasToldAgain() {
		this.told.sync(wanted(PLACE_MARK, RESIGN));
		this.told.sync(wanted(RESIGN));
		this.link.take();
		this.told.resendAll();
		this.told.resendAll();
		assertThat(this.link.sent()).containsExactly(new RegisterActions(List.of(RESIGN)),
				new RegisterActions(List.of(RESIGN)));
	}

	@Test
	void unregisterAllUnregistersWhatTheLinkWasToldOnce() {
		this.told.sync(wanted(PLACE_MARK, RESIGN));
		this.link.take();
		this.told.unregisterAll();
		this.told.unregisterAll();
		this.told.resendAll();
		assertThat(this.link.sent()).containsExactly(new UnregisterActions(List.of("place_mark", "resign")));
	}

	private static Map<String, ActionDefinition> wanted(ActionDefinition... definitions) {
		Map<String, ActionDefinition> wanted = new LinkedHashMap<>();
		for (ActionDefinition definition : definitions) {
			wanted.put(definition.name(), definition);
		}
		return wanted;
	}

}
