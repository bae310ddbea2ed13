package io.github.neurospringboot.action;

import org.jspecify.annotations.Nullable;

/**
 * Explains to Neuro an exception that an action threw, for exceptions the game can put into words for her: a rule of
 * the game that was broken, say, thrown by code that knows nothing of Neuro.
 *
 * <pre>{@code
 * @Bean
 * ActionErrorHandler illegalMoves() {
 *     return (exception, context) -> (exception instanceof IllegalMoveException illegal)
 *             ? ActionResult.failure(illegal.getMessage()) : null;
 * }
 * }</pre>
 *
 * <p>Declare handlers as beans. They are asked in order ({@code @Order} or {@link org.springframework.core.Ordered}),
 * and the first result wins. An exception that no handler answers is logged and gets the generic failure (see
 * {@code neuro.actions.expose-exception-messages} and {@code neuro.actions.retry-on-error}). A
 * {@link NeuroActionException} is already meant for Neuro and never reaches the handlers.
 */
@FunctionalInterface
public interface ActionErrorHandler {

	/**
	 * Answer an exception, or leave it to the next handler.
	 * @param exception what the action threw (a {@code CompletionStage} failure is unwrapped)
	 * @param context the call of the action that threw it
	 * @return the result Neuro gets, or {@code null} if this handler does not know the exception
	 */
	@Nullable ActionResult handle(Throwable exception, ActionContext context);

}
