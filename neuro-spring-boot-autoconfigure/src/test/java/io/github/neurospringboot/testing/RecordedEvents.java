package io.github.neurospringboot.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.neurospringboot.event.NeuroEvent;

import org.springframework.context.ApplicationListener;

/**
 * Records every {@link NeuroEvent} of a test's application context; register it as a bean.
 */
public class RecordedEvents implements ApplicationListener<NeuroEvent> {

	private final List<NeuroEvent> events = new CopyOnWriteArrayList<>();

	@Override
	public void onApplicationEvent(NeuroEvent event) {
		this.events.add(event);
	}

	/**
	 * The events of one type, in the order they were published.
	 * @param <E> the type
	 * @param type the type
	 * @return the events
	 */
	public <E extends NeuroEvent> List<E> ofType(Class<E> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

}
