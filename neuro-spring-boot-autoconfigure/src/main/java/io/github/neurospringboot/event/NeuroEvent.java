package io.github.neurospringboot.event;

import org.springframework.context.ApplicationEvent;

/**
 * Base class of every event about the connection to Neuro.
 */
public abstract class NeuroEvent extends ApplicationEvent {

	/**
	 * Create an event.
	 * @param source the component that published it
	 */
	protected NeuroEvent(Object source) {
		super(source);
	}

}
