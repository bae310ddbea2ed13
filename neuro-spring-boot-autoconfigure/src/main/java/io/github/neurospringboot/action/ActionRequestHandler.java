package io.github.neurospringboot.action;

import io.github.neurospringboot.protocol.ActionRequest;

/**
 * Answers the actions Neuro executes. Whatever the outcome, exactly one {@code action/result} is sent for the
 * request's id, on the connection it arrived on.
 */
public interface ActionRequestHandler {

	/**
	 * Handle an action. Called on the websocket I/O thread: slow work goes to an executor.
	 * @param request the action, with a non-null id
	 * @param calls the calls of the connection it came on, where its result goes
	 */
	void handle(ActionRequest request, ConnectionCalls calls);

	/**
	 * The application is stopping and the connection is about to be closed: wait, for a bounded time, until every
	 * call accepted on it has its result sent, so that none is lost to the shutdown.
	 * @param calls the calls of the connection about to be closed
	 */
	void awaitResults(ConnectionCalls calls);

}
