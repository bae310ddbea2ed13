package io.github.neurospringboot.schema;

/**
 * One way the parameters Neuro sent for an action break the action's schema.
 *
 * @param path a readable location of the offending value, such as {@code "cell"} or {@code "moves[2].to"}, or
 * {@code ""} for the parameters object itself
 * @param message a full sentence for Neuro that says what is expected, for example
 * {@code "'cell' must be at most 8, but was 9."}
 */
public record SchemaViolation(String path, String message) {

}
