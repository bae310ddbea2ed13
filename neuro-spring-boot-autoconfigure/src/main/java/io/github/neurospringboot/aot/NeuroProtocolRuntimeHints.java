package io.github.neurospringboot.aot;

import java.util.Arrays;

import io.github.neurospringboot.protocol.NeuroMessageCodec;
import io.github.neurospringboot.protocol.OutgoingMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The records the {@link NeuroMessageCodec} writes with Jackson: every {@link OutgoingMessage} and the envelope
 * around it.
 */
final class NeuroProtocolRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();
		binding.registerReflectionHints(hints.reflection(), OutgoingMessage.class.getPermittedSubclasses());
		binding.registerReflectionHints(hints.reflection(), Arrays.stream(NeuroMessageCodec.class.getDeclaredClasses())
			.filter(Class::isRecord)
			.toArray(Class<?>[]::new));
	}

}
