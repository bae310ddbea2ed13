package io.github.neurospringboot.client;

import io.github.neurospringboot.action.ActionRequestHandler;
import io.github.neurospringboot.connection.NeuroLink;
import io.github.neurospringboot.connection.NeuroLinkHandler;
import io.github.neurospringboot.event.NeuroEventPublisher;
import io.github.neurospringboot.registration.Registrations;

/**
 * Makes the {@link ConnectionState} of each link the connection opens, and makes it the {@link CurrentConnection}
 * once it has registered the game's actions.
 */
public final class ConnectionStates implements NeuroLinkHandler {

	private final Registrations registrations;

	private final Forces forces;

	private final ActionRequestHandler actionHandler;

	private final CurrentConnection current;

	private final NeuroEventPublisher events;

	/**
	 * Create the states' maker.
	 * @param registrations the actions wanted, which every new connection registers
	 * @param forces the forces, which every new connection sends
	 * @param actionHandler answers the actions Neuro calls
	 * @param current where the current connection is known
	 * @param events where events go
	 */
	public ConnectionStates(Registrations registrations, Forces forces, ActionRequestHandler actionHandler,
			CurrentConnection current, NeuroEventPublisher events) {
		this.registrations = registrations;
		this.forces = forces;
		this.actionHandler = actionHandler;
		this.current = current;
		this.events = events;
	}

	@Override
	public LinkListener onOpen(NeuroLink link) {
		ConnectionState state = new ConnectionState(link, this.current, this.registrations, this.forces,
				this.actionHandler, this.events);
		state.open();
		this.current.opened(state);
		return state;
	}

}
