package io.github.neurospringboot.client;

import io.github.neurospringboot.connection.NeuroLink;
import io.github.neurospringboot.protocol.ActionRequest;

/**
 * Answers the actions Neuro executes. Whatever the outcome, exactly one {@code action/result} must be sent for the
 * request's id, on the link it arrived on.
 */
@FunctionalInterface
public interface ActionRequestHandler {

	/**
	 * Handle an action. Called on the websocket I/O thread: hand slow work to an executor.
	 * @param request the action, with a non-null id
	 * @param link where the result belongs
	 */
	void handle(ActionRequest request, NeuroLink link);

	/**
	 * The application is stopping and the link is about to be closed: wait, for a bounded time, until every action
	 * handled on it has its result sent, so that none is lost to the shutdown. Does not wait by default.
	 * @param link the link about to be closed
	 */
	default void awaitResults(NeuroLink link) {
	}

}
