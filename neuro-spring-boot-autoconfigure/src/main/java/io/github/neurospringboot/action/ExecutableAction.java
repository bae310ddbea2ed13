package io.github.neurospringboot.action;

import io.github.neurospringboot.protocol.ActionDefinition;
import org.jspecify.annotations.Nullable;

/**
 * An action the game can execute: how Neuro sees it, and what runs when she calls it. An annotated method is one;
 * so is an action written as a lambda.
 */
public interface ExecutableAction {

	/**
	 * The action as registered with Neuro. Its schema is what her parameters are validated against before
	 * {@link #execute} runs.
	 * @return the definition
	 */
	ActionDefinition definition();

	/**
	 * Run the action with parameters that already passed validation.
	 * @param context the call, with its parsed parameters
	 * @return {@code null}, a {@link String}, an {@link ActionResult}, or a
	 * {@link java.util.concurrent.CompletionStage} of one of those (see {@link ActionResultConverter})
	 * @throws Exception whatever the action throws: a {@link NeuroActionException} carries a message for Neuro
	 */
	@Nullable Object execute(ActionContext context) throws Exception;

	/**
	 * Whether {@link #execute} may block: wait for I/O, a lock held long, another thread. An action that may runs on
	 * the action executor; one that never does runs on the thread that received the call, which spares a thread
	 * hand-off but reads nothing from Neuro (not even a ping's answer) until it returns.
	 * @return {@code true} unless the action is known never to block
	 */
	default boolean mayBlock() {
		return true;
	}

}
