package io.github.neurospringboot.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.neurospringboot.connection.NeuroLink;
import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.protocol.RegisterActions;
import io.github.neurospringboot.protocol.UnregisterActions;

/**
 * What one connection has told Neuro about the game's actions, brought in step with the wanted set by
 * {@link #sync}. Because it knows what its own link was sent, syncing twice sends nothing the second time, and a
 * change racing the connection's first sync is neither lost nor sent twice. Made when a link opens and dropped with
 * it: it never sends anywhere else.
 *
 * <p>Sending stays minimal, because churn slows Neuro down: an unchanged definition is not sent again; a changed one
 * is unregistered, then registered again (correct whether the server ignores or replaces a repeated registration).
 * Not thread-safe: {@link Registrations} calls it under its lock.
 */
public final class LinkRegistrations {

	private final NeuroLink link;

	/** What this link was told, by name, in the order it was told. */
	private final Map<String, ActionDefinition> advertised = new LinkedHashMap<>();

	/**
	 * Create the registrations of a new link, which was told nothing yet.
	 * @param link the link
	 */
	public LinkRegistrations(NeuroLink link) {
		this.link = link;
	}

	/**
	 * Send what makes Neuro's view on this link the wanted set.
	 * @param wanted the actions wanted now, in registration order
	 */
	void sync(Map<String, ActionDefinition> wanted) {
		List<String> removed = new ArrayList<>();
		List<ActionDefinition> added = new ArrayList<>();
		for (Map.Entry<String, ActionDefinition> told : this.advertised.entrySet()) {
			ActionDefinition now = wanted.get(told.getKey());
			if (!told.getValue().equals(now)) {
				removed.add(told.getKey());
			}
		}
		for (ActionDefinition definition : wanted.values()) {
			if (!definition.equals(this.advertised.get(definition.name()))) {
				added.add(definition);
			}
		}
		if (!removed.isEmpty() && this.link.send(new UnregisterActions(removed))) {
			removed.forEach(this.advertised::remove);
		}
		if (!added.isEmpty() && this.link.send(new RegisterActions(added))) {
			added.forEach((definition) -> this.advertised.put(definition.name(), definition));
		}
	}

	/**
	 * Neuro asked for every action again ({@code actions/reregister_all}): send what this link was told, again.
	 */
	void resendAll() {
		if (!this.advertised.isEmpty()) {
			this.link.send(new RegisterActions(List.copyOf(this.advertised.values())));
		}
	}

	/**
	 * The application is stopping: unregister everything this link was told, so that Neuro calls nothing more.
	 */
	void unregisterAll() {
		if (!this.advertised.isEmpty() && this.link.send(new UnregisterActions(List.copyOf(this.advertised.keySet())))) {
			this.advertised.clear();
		}
	}

}
