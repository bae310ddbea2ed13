package io.github.neurospringboot.registration;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	private final Object lock = new Object();

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
		synchronized (this.lock) {
			for (ActionDefinition definition : definitions) {
				this.unregistered.remove(definition.name());
				this.owners.computeIfAbsent(definition.name(), (name) -> new HashSet<>()).add(owner);
				this.wanted.put(definition.name(), definition);
			}
			syncCurrent();
		}
	}

	/**
	 * An owner no longer wants these actions: those nobody else wants are unregistered. Names the owner did not
	 * acquire are skipped.
	 * @param owner who wanted them
	 * @param names the action names
	 */
	public void release(Object owner, Collection<String> names) {
		synchronized (this.lock) {
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
	}

	/**
	 * Whether an action of that name is wanted (registered, or to be registered on the next connection).
	 * @param name the action name
	 * @return {@code true} if wanted
	 */
	public boolean contains(String name) {
		synchronized (this.lock) {
			return this.wanted.containsKey(name);
		}
	}

	/**
	 * Whether an action of that name was unregistered lately (and not registered again since).
	 * @param name the action name
	 * @return {@code true} if it was
	 */
	public boolean wasUnregistered(String name) {
		synchronized (this.lock) {
			return this.unregistered.contains(name);
		}
	}

	/**
	 * The wanted actions, in registration order.
	 * @return a snapshot
	 */
	public List<ActionDefinition> definitions() {
		synchronized (this.lock) {
			return List.copyOf(this.wanted.values());
		}
	}

	/**
	 * A new connection, whose {@code startup} was sent, is now the one Neuro is told on: bring it in step.
	 * @param opened the new connection's registrations
	 */
	public void attach(LinkRegistrations opened) {
		synchronized (this.lock) {
			this.current = opened;
			opened.sync(this.wanted);
		}
	}

	/**
	 * A connection is no longer the one Neuro is told on: changes wait for the next.
	 * @param closed the registrations of the connection that ended
	 */
	public void detach(LinkRegistrations closed) {
		synchronized (this.lock) {
			if (this.current == closed) {
				this.current = null;
			}
		}
	}

	/**
	 * Neuro asked for every action again ({@code actions/reregister_all}) on a connection.
	 * @param registrations that connection's registrations
	 */
	public void resendAll(LinkRegistrations registrations) {
		synchronized (this.lock) {
			registrations.resendAll();
		}
	}

	/**
	 * The application is stopping: unregister everything on the connection, so that Neuro calls nothing more, and
	 * tell it nothing from now on. The wanted set is kept.
	 * @param closing the registrations of the connection about to close
	 */
	public void withdraw(LinkRegistrations closing) {
		synchronized (this.lock) {
			closing.unregisterAll();
			if (this.current == closing) {
				this.current = null;
			}
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
