package io.github.neurospringboot.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.neurospringboot.event.NeuroEvent;
import io.github.neurospringboot.event.NeuroEventPublisher;

import org.springframework.context.ApplicationListener;

/**
 * Records every {@link NeuroEvent} of a test's application context, in the order they were published; register it as
 * a bean. A test can put a {@link Marker} among them: it goes through the starter's own publisher, so it lands after
 * every event published before it, which tells "before" from "after" without looking at a clock.
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

	/**
	 * Put a marker after every event published so far.
	 * @param publisher the starter's publisher
	 * @return the marker, to find it with {@link #after}
	 */
	public Marker mark(NeuroEventPublisher publisher) {
		Marker marker = new Marker(this);
		publisher.publish(marker);
		return marker;
	}

	/**
	 * The events published after a marker, in order.
	 * @param marker the marker
	 * @return the events, empty until the marker itself is delivered
	 */
	public List<NeuroEvent> after(Marker marker) {
		List<NeuroEvent> snapshot = List.copyOf(this.events);
		int index = snapshot.indexOf(marker);
		return (index < 0) ? List.of() : snapshot.subList(index + 1, snapshot.size());
	}

	/** A point in the sequence of events, placed by the test. */
	public static final class Marker extends NeuroEvent {

		Marker(Object source) {
			super(source);
		}

	}

}
