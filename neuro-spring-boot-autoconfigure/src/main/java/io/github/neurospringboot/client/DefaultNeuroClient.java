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
import io.github.neurospringboot.protocol.ForceActions;
import io.github.neurospringboot.protocol.NeuroSession;
import io.github.neurospringboot.protocol.ShutdownReady;

/**
 * The {@link NeuroClient} over a {@link NeuroConnection}.
 */
public final class DefaultNeuroClient implements NeuroClient {

	private final NeuroConnection connection;

	private final RegisteredActions actions;

	private final ActionRegistry executableActions;

	private final NeuroMessageRouter router;

	private final ForceQueue forces;

	private final String game;

	/**
	 * Create a client.
	 * @param connection the connection to send on
	 * @param actions the registered actions
	 * @param executableActions the actions the game can execute
	 * @param router where the session is known
	 * @param forces sends forces one at a time
	 * @param game the game name
	 */
	public DefaultNeuroClient(NeuroConnection connection, RegisteredActions actions, ActionRegistry executableActions,
			NeuroMessageRouter router, ForceQueue forces, String game) {
		this.connection = connection;
		this.actions = actions;
		this.executableActions = executableActions;
		this.router = router;
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
		return this.router.session();
	}

	@Override
	public Optional<Duration> roundTripTime() {
		return this.connection.roundTripTime();
	}

	@Override
	public boolean sendContext(String message, boolean silent) {
		return this.connection.send(new Context(message, silent));
	}

	@Override
	public void registerActions(Collection<ActionDefinition> definitions) {
		this.actions.register(definitions);
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
		this.actions.register(definitions);
	}

	@Override
	public void unregisterActions(Collection<String> names) {
		this.actions.unregister(names);
	}

	@Override
	public List<ActionDefinition> registeredActions() {
		return this.actions.definitions();
	}

	@Override
	public boolean forceActions(ForceActions force) {
		List<String> unknown = force.actionNames().stream().filter((name) -> !this.actions.contains(name)).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("Cannot force " + unknown + ": not registered. Register an action "
					+ "before forcing it; registered actions: " + this.actions.definitions().stream()
						.map(ActionDefinition::name)
						.toList());
		}
		return this.forces.submit(force, null);
	}

	@Override
	public boolean sendShutdownReady() {
		return this.connection.send(new ShutdownReady());
	}

}
