package io.github.neurospringboot.schema;

/**
 * Thrown when a type cannot be expressed in Neuro's schema dialect. The message names the type, the path of the
 * offending property inside it, and how to fix it.
 */
public class UnsupportedSchemaException extends RuntimeException {

	/**
	 * Create a new exception.
	 * @param message what cannot be expressed, where, and how to fix it
	 */
	public UnsupportedSchemaException(String message) {
		super(message);
	}

}
