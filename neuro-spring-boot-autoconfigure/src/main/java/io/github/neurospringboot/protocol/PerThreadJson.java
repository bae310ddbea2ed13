package io.github.neurospringboot.protocol;

import java.io.Writer;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Strict JSON, read and written with the buffers of the calling thread instead of those of a mapper's shared pool,
 * each use of which costs atomic operations: for the text of every action (its frame, its parameters, its result),
 * where that cost is a tenth of the work. What it cannot read, its callers leave to the application's mapper, which
 * may be more lenient and words the failure.
 */
public final class PerThreadJson {

	private static final JsonFactory factory = JsonFactory.builder()
		.recyclerPool(JsonRecyclerPools.threadLocalPool())
		.build();

	private PerThreadJson() {
	}

	/**
	 * Start reading a text.
	 * @param text the JSON text
	 * @return a parser, to be closed
	 */
	public static JsonParser parser(String text) {
		return factory.createParser(ObjectReadContext.empty(), text);
	}

	/**
	 * Start writing to a writer.
	 * @param writer where the text goes
	 * @return a generator, to be closed
	 */
	public static JsonGenerator generator(Writer writer) {
		return factory.createGenerator(ObjectWriteContext.empty(), writer);
	}

}
