package io.github.neurospringboot.registration;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import io.github.neurospringboot.protocol.ActionDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The actions the game wants Neuro to have, and who wants each. Long-lived: the wanted set survives disconnects, and
 * the {@link LinkRegistrations} of whichever connection is current is kept in step with it. Changes made while
 * connected are sent at once; changes made while disconnected go with the next connection's first sync. Both happen
 * under one lock, so a registration racing a reconnect is never lost, doubled or sent before {@code startup}.
 *
 * <p>An action can have several owners: the application (what it registers directly) and any number of action
 * windows. It stays registered while any owner wants it, so a window that ends never unregisters an action something
 * else still wants, and a window that reuses a registered action does not register it again. Each owner releases only
 * its own claim.
 */
public final class Registrations {

	/** The owner of what the application registers: its {@code @NeuroAction} methods at startup, and since. */
	public static final Object APPLICATION = new Object() {

		@Override
		public String toString() {
			return "the application";
		}

	};

	/** How many names unregistered lately are remembered, to answer a late call to one as stale, not unknown. */
	private static final int REMEMBERED_UNREGISTERED = 256;

	/** A lock, not a monitor: a frame may be sent under it, and a virtual thread blocked in a send under a monitor
	 * would pin its carrier (Java 21 to 23). */
	private final ReentrantLock lock = new ReentrantLock();

	// Everything below is guarded by lock.

	private final Map<String, ActionDefinition> wanted = new LinkedHashMap<>();

	private final Map<String, Set<Object>> owners = new HashMap<>();

	/** Names unregistered lately, newest last. */
	private final Set<String> unregistered = new LinkedHashSet<>();

	private @Nullable LinkRegistrations current;

	/**
	 * Register actions on behalf of an owner, replacing any earlier definitions of the same names.
	 * @param owner who wants them: the application, or an action window
	 * @param definitions the actions
	 */
	public void acquire(Object owner, Collection<ActionDefinition> definitions) {
		this.lock.lock();
		try {
			for (ActionDefinition definition : definitions) {
				this.unregistered.remove(definition.name());
				this.owners.computeIfAbsent(definition.name(), (name) -> new HashSet<>()).add(owner);
				this.wanted.put(definition.name(), definition);
			}
			syncCurrent();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * An owner no longer wants these actions: those nobody else wants are unregistered. Names the owner did not
	 * acquire are skipped.
	 * @param owner who wanted them
	 * @param names the action names
	 */
	public void release(Object owner, Collection<String> names) {
		this.lock.lock();
		try {
			for (String name : names) {
				Set<Object> remaining = this.owners.get(name);
				if (remaining != null && remaining.remove(owner) && remaining.isEmpty()) {
					this.owners.remove(name);
					this.wanted.remove(name);
					rememberUnregistered(name);
				}
			}
			syncCurrent();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Whether an action of that name is wanted (registered, or to be registered on the next connection).
	 * @param name the action name
	 * @return {@code true} if wanted
	 */
	public boolean contains(String name) {
		this.lock.lock();
		try {
			return this.wanted.containsKey(name);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Whether an action of that name was unregistered lately (and not registered again since).
	 * @param name the action name
	 * @return {@code true} if it was
	 */
	public boolean wasUnregistered(String name) {
		this.lock.lock();
		try {
			return this.unregistered.contains(name);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The wanted actions, in registration order.
	 * @return a snapshot
	 */
	public List<ActionDefinition> definitions() {
		this.lock.lock();
		try {
			return List.copyOf(this.wanted.values());
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * A new connection, whose {@code startup} was sent, is now the one Neuro is told on: bring it in step.
	 * @param opened the new connection's registrations
	 */
	public void attach(LinkRegistrations opened) {
		this.lock.lock();
		try {
			this.current = opened;
			opened.sync(this.wanted);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * A connection is no longer the one Neuro is told on: changes wait for the next.
	 * @param closed the registrations of the connection that ended
	 */
	public void detach(LinkRegistrations closed) {
		this.lock.lock();
		try {
			if (this.current == closed) {
				this.current = null;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Neuro asked for every action again ({@code actions/reregister_all}) on a connection.
	 * @param registrations that connection's registrations
	 */
	public void resendAll(LinkRegistrations registrations) {
		this.lock.lock();
		try {
			registrations.resendAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The application is stopping: unregister everything on the connection, so that Neuro calls nothing more, and
	 * tell it nothing from now on. The wanted set is kept.
	 * @param closing the registrations of the connection about to close
	 */
	public void withdraw(LinkRegistrations closing) {
		this.lock.lock();
		try {
			closing.unregisterAll();
			if (this.current == closing) {
				this.current = null;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Must hold the lock. */
	private void syncCurrent() {
		if (this.current != null) {
			this.current.sync(this.wanted);
		}
	}

	/** Must hold the lock. */
	private void rememberUnregistered(String name) {
		this.unregistered.remove(name);
		this.unregistered.add(name);
		if (this.unregistered.size() > REMEMBERED_UNREGISTERED) {
			this.unregistered.remove(this.unregistered.iterator().next());
		}
	}

}
