package io.github.neurospringboot.connection;

import io.github.neurospringboot.protocol.IncomingMessage;

/**
 * Makes what lives and dies with each {@link NeuroLink} of a {@link NeuroConnection}: a new link gets a
 * {@link LinkListener} of its own, which receives the rest of that link's life and nothing of any other link's.
 * Called on websocket I/O threads: implementations hand slow work to an executor.
 */
public interface NeuroLinkHandler {

	/**
	 * A new link is open and {@code startup} has been sent on it. Nobody else can send on the link until this method
	 * returns, so whatever it sends follows {@code startup} directly (the action registration, typically).
	 * @param link the new link
	 * @return what receives the link's messages and its end
	 */
	LinkListener onOpen(NeuroLink link);

	/**
	 * Receives the life of one link, in order.
	 */
	interface LinkListener {

		/**
		 * Neuro sent a message on the link.
		 * @param message the decoded message
		 */
		void onMessage(IncomingMessage message);

		/**
		 * The application is stopping and the link is about to be closed on purpose: the last chance to send on it.
		 */
		void onClosing();

		/**
		 * The link is gone, whether closed by either side or found dead. Nothing can be sent on it any more.
		 */
		void onClose();

	}

}
