package io.github.neurospringboot.protocol;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the id of an {@code action} out of a frame that could not be decoded, so that it can still be answered. It
 * streams the frame's top level only, skipping everything else: skipping is iterative, so no nesting limit is needed
 * (the limit guards the recursive building of trees, which this never does).
 */
final class ActionIdSalvage {

	private static final JsonFactory UNLIMITED = JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
		.build();

	private ActionIdSalvage() {
	}

	/**
	 * The id of the action the frame carries, if the frame's top level says so before it breaks off.
	 * @param frame the text of the frame
	 * @return the id, or empty if it is not an {@code action} or its id cannot be read
	 */
	static Optional<String> idOf(String frame) {
		String command = null;
		String id = null;
		try (JsonParser parser = UNLIMITED.createParser(ObjectReadContext.empty(), frame)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return Optional.empty();
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String property = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("command".equals(property) && value == JsonToken.VALUE_STRING) {
					command = parser.getString();
				}
				else if ("data".equals(property) && value == JsonToken.START_OBJECT) {
					while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
						String field = parser.currentName();
						if (parser.nextToken() == JsonToken.VALUE_STRING && "id".equals(field)) {
							id = parser.getString();
						}
						else {
							parser.skipChildren();
						}
					}
				}
				else {
					parser.skipChildren();
				}
			}
		}
		catch (JacksonException ex) {
			// Broken further on: what was read so far is all there is.
		}
		return Optional.ofNullable("action".equals(command) ? id : null);
	}

}
