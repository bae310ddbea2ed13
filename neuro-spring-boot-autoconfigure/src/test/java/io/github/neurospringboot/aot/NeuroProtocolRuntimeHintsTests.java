package io.github.neurospringboot.aot;

import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.protocol.ActionResultMessage;
import io.github.neurospringboot.protocol.ForceActions;
import io.github.neurospringboot.protocol.ForcePriority;
import io.github.neurospringboot.protocol.NeuroMessageCodec;
import io.github.neurospringboot.protocol.RegisterActions;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the codec writes with Jackson is covered: the envelope, every outgoing message, and what they hold.
 */
class NeuroProtocolRuntimeHintsTests {

	private final ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();

	@Test
	void everyOutgoingMessageAndItsEnvelopeCanBeWritten() throws ClassNotFoundException {
		RuntimeHints hints = new RuntimeHints();
		new NeuroProtocolRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(this.reflection.onMethodInvocation(NeuroMessageCodec.class.getName() + "$Envelope", "data"))
			.accepts(hints);
		assertThat(this.reflection.onMethodInvocation(RegisterActions.class, "actions")).accepts(hints);
		assertThat(this.reflection.onMethodInvocation(ActionDefinition.class, "schema")).accepts(hints);
		assertThat(this.reflection.onMethodInvocation(ActionResultMessage.class, "success")).accepts(hints);
		assertThat(this.reflection.onMethodInvocation(ForceActions.class, "priority")).accepts(hints);
		assertThat(this.reflection.onType(ForcePriority.class)).accepts(hints);
	}

}
