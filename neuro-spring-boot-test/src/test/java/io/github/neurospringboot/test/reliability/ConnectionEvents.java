package io.github.neurospringboot.test.reliability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.neurospringboot.event.NeuroEvent;
import io.github.neurospringboot.event.NeuroEventPublisher;

import org.springframework.context.ApplicationListener;

/**
 * Records the starter's events in the order it published them. A test can put a {@link Marker} among them: it goes
 * through the starter's own publisher, so it lands after every event published before it, which lets a test tell
 * "before" from "after" without looking at a clock.
 */
class ConnectionEvents implements ApplicationListener<NeuroEvent> {

	private final List<NeuroEvent> events = new CopyOnWriteArrayList<>();

	@Override
	public void onApplicationEvent(NeuroEvent event) {
		this.events.add(event);
	}

	/**
	 * Put a marker after every event published so far.
	 * @param publisher the starter's publisher
	 * @return the marker, to find it with {@link #after}
	 */
	Marker mark(NeuroEventPublisher publisher) {
		Marker marker = new Marker(this);
		publisher.publish(marker);
		return marker;
	}

	/** The events of a type, in order. */
	<T extends NeuroEvent> List<T> all(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/** The events published after a marker (empty until the marker itself is delivered), in order. */
	List<NeuroEvent> after(Marker marker) {
		List<NeuroEvent> snapshot = List.copyOf(this.events);
		int index = snapshot.indexOf(marker);
		return (index < 0) ? List.of() : snapshot.subList(index + 1, snapshot.size());
	}

	/** A point in the sequence of events, placed by the test. */
	static final class Marker extends NeuroEvent {

		Marker(Object source) {
			super(source);
		}

	}

}
