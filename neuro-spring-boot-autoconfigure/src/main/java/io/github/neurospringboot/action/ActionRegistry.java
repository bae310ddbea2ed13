package io.github.neurospringboot.action;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.neurospringboot.schema.SchemaValidator;
import org.jspecify.annotations.Nullable;

/**
 * Every action the game can execute, by name, with the validator compiled from its schema. Whether an action is
 * registered with Neuro right now is a separate matter ({@link io.github.neurospringboot.registration.Registrations}): an action can be known here and
 * registered only on demand.
 */
public final class ActionRegistry {

	private final Map<String, Entry> actions = new ConcurrentHashMap<>();

	/**
	 * Add an action.
	 * @param action the action
	 * @throws IllegalStateException if another action already has its name
	 */
	public void add(ExecutableAction action) {
		String name = action.definition().name();
		Entry entry = new Entry(action, (action.definition().schema() != null)
				? SchemaValidator.of(action.definition().schema()) : null);
		Entry existing = this.actions.putIfAbsent(name, entry);
		if (existing != null && existing.action() != action) {
			throw new IllegalStateException("Two actions are named '" + name + "': " + existing.action() + " and "
					+ action + ". Action names must be unique in a game: rename one of them.");
		}
	}

	/**
	 * Remove an action, so that Neuro's calls to it are answered as unknown.
	 * @param name the action's name
	 */
	public void remove(String name) {
		this.actions.remove(name);
	}

	/**
	 * Find an action.
	 * @param name the action's name
	 * @return the action, with its validator
	 */
	public Optional<Entry> find(String name) {
		return Optional.ofNullable(this.actions.get(name));
	}

	/**
	 * The names of every action.
	 * @return a snapshot
	 */
	public Set<String> names() {
		return Set.copyOf(this.actions.keySet());
	}

	/**
	 * An action and what checks its parameters.
	 *
	 * @param action the action
	 * @param validator validates parameters against the action's schema, or {@code null} when it takes none
	 */
	public record Entry(ExecutableAction action, @Nullable SchemaValidator validator) {
	}

}
