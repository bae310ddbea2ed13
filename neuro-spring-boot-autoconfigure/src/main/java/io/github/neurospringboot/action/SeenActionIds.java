package io.github.neurospringboot.action;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The action ids seen on one connection, to recognise a repeated one.
 *
 * <p>Exact: an id counts as seen only if it was, and none is forgotten while the connection has seen at most
 * {@value #CAPACITY} ids. Beyond that, the oldest id is forgotten for each new one, so that ids sent without end
 * cannot exhaust the memory: an id takes about 110 bytes (130 for a UUID), itself included, so one connection holds
 * at most about 1.3 MB of them. A repeat comes from a server that sends a call again, moments after the first; a
 * million ids (until 2026-12) cost a load test a cache miss per call and 130 MB per connection. Thread-safe.
 */
final class SeenActionIds {

	/** How many ids are remembered: hours of play at one action a second. */
	static final int CAPACITY = 10_000;

	private final Set<String> ids;

	/**
	 * Remember up to {@value #CAPACITY} ids.
	 */
	SeenActionIds() {
		this(CAPACITY);
	}

	/**
	 * Remember up to the given number of ids.
	 * @param capacity how many ids are remembered before the oldest are forgotten
	 */
	SeenActionIds(int capacity) {
		// In insertion order, so that the eldest entry is the oldest id
		// Sized for all of them at once: growing would copy the whole table, each time in the middle of a call
		this.ids = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<String, Boolean>(
				(int) Math.ceil(capacity / 0.75)) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > capacity;
			}

		}));
	}

	/**
	 * Record that an id was received.
	 * @param id the action id
	 * @return {@code true} the first time the id is seen, {@code false} when it is a repeat
	 */
	boolean add(String id) {
		return this.ids.add(id);
	}

}
