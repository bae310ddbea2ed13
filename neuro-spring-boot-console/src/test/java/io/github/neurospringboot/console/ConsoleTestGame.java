package io.github.neurospringboot.console;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.event.NeuroSessionAcknowledgedEvent;
import io.github.neurospringboot.event.NeuroShutdownRequestedEvent;
import io.github.neurospringboot.event.NeuroSpeechFinishedEvent;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A game built on the starter, for the console's tests: what its actions were called with, and the events Neuro's
 * messages raised in it.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(ConsoleTestGame.Actions.class)
class ConsoleTestGame {

	/** The calls the game's methods ran, such as {@code roll_dice 6}. */
	static final BlockingQueue<String> calls = new LinkedBlockingQueue<>();

	/** The events Neuro's messages raised, such as {@code speech_finished cancelled=false}. */
	static final BlockingQueue<String> events = new LinkedBlockingQueue<>();

	@Component
	static class Actions {

		@NeuroAction(description = "Roll a die with that many sides.")
		String rollDice(int sides) {
			calls.add("roll_dice " + sides);
			return "You rolled a die of " + sides + " sides.";
		}

		@NeuroAction(description = "Pick a color for your piece.")
		String pick(Color color) {
			calls.add("pick " + color);
			return "You picked " + color + ".";
		}

		@EventListener
		void acknowledged(NeuroSessionAcknowledgedEvent event) {
			events.add("startup " + event.getSession().characterId());
		}

		@EventListener
		void speechFinished(NeuroSpeechFinishedEvent event) {
			events.add("speech_finished cancelled=" + event.isCancelled());
		}

		@EventListener
		void shutdown(NeuroShutdownRequestedEvent event) {
			events.add(event.isImmediate() ? "shutdown/immediate" : "shutdown/graceful wants=" + event.wantsShutdown());
		}

	}

	enum Color {

		RED, GREEN, BLUE

	}

}
