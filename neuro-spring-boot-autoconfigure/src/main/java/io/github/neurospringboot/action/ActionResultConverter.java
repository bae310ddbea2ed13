package io.github.neurospringboot.action;

import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what an action returned or threw into the result Neuro gets.
 *
 * <p>Returned: {@code null} (or {@code void}) is a success; an {@link ActionResult} is itself; a
 * {@link CharSequence} is a success with that message; an {@link Optional} is unwrapped; anything else is a success
 * whose message is the value as JSON.
 *
 * <p>Thrown: a {@link NeuroActionException} becomes its failure. Any other exception goes to the
 * {@link ActionErrorHandler}s, in order, and the first result one of them gives is Neuro's. An exception none answers
 * was written for developers, not for Neuro: it is logged with the action's id, and Neuro gets a generic failure (with
 * the exception's message only when {@code exposeExceptionMessages} is on). Whether that failure makes Neuro retry is
 * {@code retryOnError}.
 */
public final class ActionResultConverter {

	private static final Log logger = LogFactory.getLog(ActionResultConverter.class);

	private final JsonMapper mapper;

	private final boolean exposeExceptionMessages;

	private final boolean retryOnError;

	private final List<ActionErrorHandler> errorHandlers;

	/**
	 * Create a converter.
	 * @param mapper writes returned objects as JSON
	 * @param exposeExceptionMessages whether Neuro may read the messages of unexpected exceptions
	 * @param retryOnError whether an unexpected exception is a failure Neuro retries ({@code success: false}) rather
	 * than a success carrying the error text
	 * @param errorHandlers explain exceptions to Neuro, asked in this order
	 */
	public ActionResultConverter(JsonMapper mapper, boolean exposeExceptionMessages, boolean retryOnError,
			List<ActionErrorHandler> errorHandlers) {
		this.mapper = mapper;
		this.exposeExceptionMessages = exposeExceptionMessages;
		this.retryOnError = retryOnError;
		this.errorHandlers = List.copyOf(errorHandlers);
	}

	/**
	 * Convert a returned value.
	 * @param value what the action returned (never a {@code CompletionStage}: the caller awaits those)
	 * @return the result
	 */
	public ActionResult fromValue(@Nullable Object value) {
		if (value instanceof Optional<?> optional) {
			return fromValue(optional.orElse(null));
		}
		if (value == null) {
			return ActionResult.success();
		}
		if (value instanceof ActionResult result) {
			return result;
		}
		if (value instanceof CharSequence text) {
			return ActionResult.success(text.toString());
		}
		return ActionResult.success(this.mapper.writeValueAsString(value));
	}

	/**
	 * Convert a thrown exception.
	 * @param failure what the action threw
	 * @param context the action that threw it, for the log
	 * @return the result
	 */
	public ActionResult fromFailure(Throwable failure, ActionContext context) {
		if (failure instanceof NeuroActionException neuroFailure) {
			return neuroFailure.toResult();
		}
		ActionResult handled = handle(failure, context);
		if (handled != null) {
			return handled.causedBy(failure);
		}
		logger.warn("Action '" + context.name() + "' (id " + context.id() + ") failed", failure);
		String message = "Action failed: the game ran into an error while executing '" + context.name() + "'"
				+ ((this.exposeExceptionMessages && failure.getMessage() != null) ? ": " + failure.getMessage() : ".");
		return (this.retryOnError ? ActionResult.failure(message) : ActionResult.failureWithoutRetry(message))
			.causedBy(failure);
	}

	/** The first answer of the error handlers; a handler that fails is passed over, so that Neuro still gets one. */
	private @Nullable ActionResult handle(Throwable failure, ActionContext context) {
		for (ActionErrorHandler handler : this.errorHandlers) {
			try {
				ActionResult result = handler.handle(failure, context);
				if (result != null) {
					return result;
				}
			}
			catch (RuntimeException ex) {
				logger.error("Action error handler " + handler + " failed on the exception of action '"
						+ context.name() + "' (id " + context.id() + ")", ex);
			}
		}
		return null;
	}

}
