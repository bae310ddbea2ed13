package io.github.neurospringboot.action;

import io.github.neurospringboot.connection.NeuroLink;

/**
 * One call of an action by Neuro, as {@link ActionObserver}s see it from acceptance to result. Two calls are equal
 * only if they have the same id on the same connection, which the dispatcher accepts once.
 *
 * @param id the id Neuro gave the call
 * @param name the action's name
 * @param link the connection it came on, where its result goes
 */
public record ActionCall(String id, String name, NeuroLink link) {

}
