package io.github.neurospringboot.connection;

import io.github.neurospringboot.protocol.IncomingMessage;

/**
 * Receives what happens on each {@link NeuroLink} of a {@link NeuroConnection}. Called on websocket I/O threads:
 * implementations hand slow work to an executor.
 */
public interface NeuroLinkHandler {

	/**
	 * A new link is open and {@code startup} has been sent on it. Nobody else can send on the link until this method
	 * returns, so whatever it sends follows {@code startup} directly (the action registration, typically).
	 * @param link the new link
	 */
	void onOpen(NeuroLink link);

	/**
	 * Neuro sent a message.
	 * @param message the decoded message
	 * @param link the link it arrived on, where any answer belongs
	 */
	void onMessage(IncomingMessage message, NeuroLink link);

	/**
	 * The application is stopping and the link is about to be closed on purpose: the last chance to send on it.
	 * @param link the link
	 */
	default void onClosing(NeuroLink link) {
	}

	/**
	 * The link is gone, whether closed by either side or found dead. Nothing can be sent on it any more.
	 * @param link the link
	 */
	default void onClose(NeuroLink link) {
	}

}
