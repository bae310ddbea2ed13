package io.github.neurospringboot.event;

import java.net.URI;

/**
 * The game connected to Neuro, sent {@code startup} and registered its actions.
 */
public final class NeuroConnectedEvent extends NeuroEvent {

	private final URI url;

	private final boolean reconnect;

	/**
	 * Create an event.
	 * @param source the publisher
	 * @param url the URL connected to
	 * @param reconnect whether an earlier connection of this application had been lost
	 */
	public NeuroConnectedEvent(Object source, URI url, boolean reconnect) {
		super(source);
		this.url = url;
		this.reconnect = reconnect;
	}

	/**
	 * The URL connected to.
	 * @return the URL
	 */
	public URI getUrl() {
		return this.url;
	}

	/**
	 * Whether this connection replaces one that was lost.
	 * @return {@code true} for a reconnect
	 */
	public boolean isReconnect() {
		return this.reconnect;
	}

}
