package io.github.neurospringboot.protocol;

/**
 * Thrown by {@link NeuroMessageCodec#decode(String)} for a frame that is not a JSON object, has no string
 * {@code command}, or lacks a field that its known command requires. The message says what was wrong and quotes at
 * most the start of the frame.
 */
public class MalformedMessageException extends RuntimeException {

	/**
	 * Create a new exception.
	 * @param message what was wrong with the frame
	 */
	public MalformedMessageException(String message) {
		super(message);
	}

	/**
	 * Create a new exception with the parser failure that caused it.
	 * @param message what was wrong with the frame
	 * @param cause the parser failure
	 */
	public MalformedMessageException(String message, Throwable cause) {
		super(message, cause);
	}

}
