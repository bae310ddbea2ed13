package io.github.neurospringboot.event;

import io.github.neurospringboot.protocol.NeuroSession;

/**
 * Neuro acknowledged {@code startup} and said who is playing. The acknowledgement is optional: a server may never
 * send it, so nothing should wait for this event.
 */
public final class NeuroSessionAcknowledgedEvent extends NeuroEvent {

	private final NeuroSession session;

	/**
	 * Create an event.
	 * @param source the publisher
	 * @param session the session Neuro described
	 */
	public NeuroSessionAcknowledgedEvent(Object source, NeuroSession session) {
		super(source);
		this.session = session;
	}

	/**
	 * The session, with the character playing ({@code neuro} or {@code evil}) and its display name.
	 * @return the session
	 */
	public NeuroSession getSession() {
		return this.session;
	}

}
