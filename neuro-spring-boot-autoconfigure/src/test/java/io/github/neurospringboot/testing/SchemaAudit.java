package io.github.neurospringboot.testing;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import tools.jackson.databind.JsonNode;

/**
 * Every action schema the schema tests generated. {@code EverySchemaTests}, which runs last, checks them all against
 * Neuro's dialect. (Schemas registered over the wire are linted by the embedded Neuro, in the test kit's tests.)
 */
public final class SchemaAudit {

	private static final ConcurrentLinkedQueue<Entry> schemas = new ConcurrentLinkedQueue<>();

	private SchemaAudit() {
	}

	/**
	 * Record an action's root schema.
	 * @param origin where it came from, for the failure message
	 * @param schema the schema
	 */
	public static void recordActionSchema(String origin, JsonNode schema) {
		schemas.add(new Entry(origin, schema.deepCopy(), true));
	}

	/**
	 * Record the schema of one parameter (not a root).
	 * @param origin where it came from, for the failure message
	 * @param schema the schema
	 */
	public static void recordPropertySchema(String origin, JsonNode schema) {
		schemas.add(new Entry(origin, schema.deepCopy(), false));
	}

	/**
	 * Everything recorded so far.
	 * @return the schemas
	 */
	public static List<Entry> recorded() {
		return List.copyOf(schemas);
	}

	/**
	 * A recorded schema.
	 *
	 * @param origin where it came from
	 * @param schema the schema
	 * @param root whether it is an action's root schema
	 */
	public record Entry(String origin, JsonNode schema, boolean root) {
	}

}
