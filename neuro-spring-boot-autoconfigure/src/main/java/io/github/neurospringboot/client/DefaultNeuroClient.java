package io.github.neurospringboot.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import io.github.neurospringboot.action.ActionRegistry;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.protocol.Context;
import io.github.neurospringboot.protocol.NeuroSession;
import io.github.neurospringboot.protocol.ShutdownReady;
import io.github.neurospringboot.registration.Registrations;

/**
 * The {@link NeuroClient} over a {@link NeuroConnection}. What it registers is owned by
 * {@link Registrations#APPLICATION}, so that it releases only the application's own registrations.
 */
public final class DefaultNeuroClient implements NeuroClient {

	private final NeuroConnection connection;

	private final CurrentConnection current;

	private final Registrations registrations;

	private final ActionRegistry executableActions;

	private final Forces forces;

	private final String game;

	/**
	 * Create a client.
	 * @param connection the connection, for its state
	 * @param current the current connection, to send on
	 * @param registrations the registered actions
	 * @param executableActions the actions the game can execute
	 * @param forces where forces go
	 * @param game the game name
	 */
	public DefaultNeuroClient(NeuroConnection connection, CurrentConnection current, Registrations registrations,
			ActionRegistry executableActions, Forces forces, String game) {
		this.connection = connection;
		this.current = current;
		this.registrations = registrations;
		this.executableActions = executableActions;
		this.forces = forces;
		this.game = game;
	}

	@Override
	public String game() {
		return this.game;
	}

	@Override
	public boolean isConnected() {
		return this.connection.isConnected();
	}

	@Override
	public CompletableFuture<Void> whenConnected() {
		return this.connection.whenConnected();
	}

	@Override
	public Optional<NeuroSession> session() {
		return this.current.session();
	}

	@Override
	public Optional<Duration> roundTripTime() {
		return this.connection.roundTripTime();
	}

	@Override
	public boolean sendContext(String message, boolean silent) {
		return this.current.send(new Context(message, silent));
	}

	@Override
	public void registerActions(String... names) {
		List<ActionDefinition> definitions = new ArrayList<>();
		for (String name : names) {
			definitions.add(this.executableActions.find(name)
				.map((entry) -> entry.action().definition())
				.orElseThrow(() -> new IllegalArgumentException("The game has no action named '" + name
						+ "' to register; its actions are " + new TreeSet<>(this.executableActions.names()) + ".")));
		}
		this.registrations.acquire(Registrations.APPLICATION, definitions);
	}

	@Override
	public void registerWithoutHandler(Collection<ActionDefinition> definitions) {
		this.registrations.acquire(Registrations.APPLICATION, definitions);
	}

	@Override
	public void unregisterActions(Collection<String> names) {
		this.registrations.release(Registrations.APPLICATION, names);
	}

	@Override
	public List<ActionDefinition> registeredActions() {
		return this.registrations.definitions();
	}

	@Override
	public boolean forceActions(Force force, Collection<String> actionNames) {
		if (actionNames.isEmpty()) {
			throw new IllegalArgumentException("A force needs at least one action for Neuro to choose");
		}
		List<String> unknown = actionNames.stream().filter((name) -> !this.registrations.contains(name)).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("Cannot force " + unknown + ": not registered. Register an action "
					+ "before forcing it; registered actions: " + this.registrations.definitions().stream()
						.map(ActionDefinition::name)
						.toList());
		}
		return this.forces.submit(force, List.copyOf(actionNames), null);
	}

	@Override
	public boolean sendShutdownReady() {
		return this.current.send(new ShutdownReady());
	}

}
