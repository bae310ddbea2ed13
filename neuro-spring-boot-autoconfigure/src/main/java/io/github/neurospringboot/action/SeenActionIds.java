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
 * at most about 130 MB of them. Thread-safe.
 */
final class SeenActionIds {

	/** How many ids are remembered: weeks of play at one action a second. */
	static final int CAPACITY = 1_000_000;

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
		this.ids = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<String, Boolean>() {

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
