package io.github.neurospringboot.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.neurospringboot.connection.NeuroLink;
import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.protocol.RegisterActions;
import io.github.neurospringboot.protocol.UnregisterActions;
import org.jspecify.annotations.Nullable;

/**
 * The actions the game wants Neuro to have, kept in sync with the current link.
 *
 * <p>The wanted set survives disconnects: every new link gets the whole set right after {@code startup}. Changes
 * made while connected are sent at once; changes made while disconnected are sent on the next connect. Both happen
 * under one lock, so a registration racing a reconnect is never lost or sent before {@code startup}.
 *
 * <p>Sending stays minimal, because churn slows Neuro down: registering an unchanged definition sends nothing;
 * a changed definition is unregistered, then registered again (correct whether the server ignores or replaces a
 * repeated registration); unregistering an action that is not registered sends nothing.
 *
 * <p>An action can have several owners: the application (what it registers directly) and any number of action
 * windows ({@link #acquire}). It stays registered while any owner wants it, so a window that ends never unregisters
 * an action something else still wants, and a window that reuses a registered action does not register it again.
 */
public final class RegisteredActions {

	private static final int REMEMBERED_UNREGISTERED = 256;

	private final Object lock = new Object();

	/** The owner of what the application registers directly. */
	private static final Object APPLICATION = new Object();

	private final Map<String, ActionDefinition> wanted = new LinkedHashMap<>();

	private final Map<String, Set<Object>> owners = new HashMap<>();

	/** Names unregistered lately, newest last, so that a late call to one is answered as stale, not unknown. */
	private final Set<String> unregistered = new LinkedHashSet<>();

	private @Nullable NeuroLink link;

	/**
	 * Register actions for the application, replacing any earlier definitions of the same names.
	 * @param definitions the actions
	 */
	public void register(Collection<ActionDefinition> definitions) {
		acquire(APPLICATION, definitions);
	}

	/**
	 * Register actions on behalf of an owner, replacing any earlier definitions of the same names. An action already
	 * registered with the same definition is not sent again.
	 * @param owner who wants them, such as an action window
	 * @param definitions the actions
	 */
	public void acquire(Object owner, Collection<ActionDefinition> definitions) {
		synchronized (this.lock) {
			List<ActionDefinition> added = new ArrayList<>();
			List<String> changed = new ArrayList<>();
			for (ActionDefinition definition : definitions) {
				this.unregistered.remove(definition.name());
				this.owners.computeIfAbsent(definition.name(), (name) -> new HashSet<>()).add(owner);
				ActionDefinition previous = this.wanted.put(definition.name(), definition);
				if (!definition.equals(previous)) {
					added.add(definition);
					if (previous != null) {
						changed.add(definition.name());
					}
				}
			}
			if (this.link != null) {
				if (!changed.isEmpty()) {
					this.link.send(new UnregisterActions(changed));
				}
				if (!added.isEmpty()) {
					this.link.send(new RegisterActions(added));
				}
			}
		}
	}

	/**
	 * Unregister actions, whoever wanted them. Names that are not registered are skipped.
	 * @param names the action names
	 */
	public void unregister(Collection<String> names) {
		synchronized (this.lock) {
			names.forEach(this.owners::remove);
			removeUnowned(names);
		}
	}

	/**
	 * An owner no longer wants these actions: those nobody else wants are unregistered.
	 * @param owner who wanted them
	 * @param names the action names
	 */
	public void release(Object owner, Collection<String> names) {
		synchronized (this.lock) {
			for (String name : names) {
				Set<Object> remaining = this.owners.get(name);
				if (remaining != null && remaining.remove(owner) && remaining.isEmpty()) {
					this.owners.remove(name);
				}
			}
			removeUnowned(names);
		}
	}

	/** Must hold the lock. */
	private void removeUnowned(Collection<String> names) {
		List<String> removed = new ArrayList<>();
		for (String name : names) {
			if (!this.owners.containsKey(name) && this.wanted.remove(name) != null) {
				removed.add(name);
				rememberUnregistered(name);
			}
		}
		if (this.link != null && !removed.isEmpty()) {
			this.link.send(new UnregisterActions(removed));
		}
	}

	/**
	 * Whether an action of that name is registered.
	 * @param name the action name
	 * @return {@code true} if registered
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
	 * The registered actions, in registration order.
	 * @return a snapshot
	 */
	public List<ActionDefinition> definitions() {
		synchronized (this.lock) {
			return List.copyOf(this.wanted.values());
		}
	}

	/**
	 * A new link is open and {@code startup} was sent: register everything on it, and send later changes there.
	 * @param opened the new link
	 */
	void linkOpened(NeuroLink opened) {
		synchronized (this.lock) {
			this.link = opened;
			sendAll(opened);
		}
	}

	/**
	 * Neuro asked for every action again ({@code actions/reregister_all}).
	 * @param on the link that asked
	 */
	void reregisterAll(NeuroLink on) {
		synchronized (this.lock) {
			sendAll(on);
		}
	}

	/**
	 * The application is stopping: unregister everything on the link, and keep the wanted set.
	 * @param closing the link about to close
	 */
	void unregisterAll(NeuroLink closing) {
		synchronized (this.lock) {
			if (!this.wanted.isEmpty()) {
				closing.send(new UnregisterActions(List.copyOf(this.wanted.keySet())));
			}
			if (this.link == closing) {
				this.link = null;
			}
		}
	}

	/**
	 * The link is gone: keep changes for the next one.
	 * @param closed the closed link
	 */
	void linkClosed(NeuroLink closed) {
		synchronized (this.lock) {
			if (this.link == closed) {
				this.link = null;
			}
		}
	}

	private void rememberUnregistered(String name) {
		this.unregistered.remove(name);
		this.unregistered.add(name);
		if (this.unregistered.size() > REMEMBERED_UNREGISTERED) {
			this.unregistered.remove(this.unregistered.iterator().next());
		}
	}

	private void sendAll(NeuroLink on) {
		if (!this.wanted.isEmpty()) {
			on.send(new RegisterActions(List.copyOf(this.wanted.values())));
		}
	}

}
