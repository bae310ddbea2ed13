package io.github.neurospringboot.protocol;

import java.io.StringWriter;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * Encodes {@link OutgoingMessage outgoing messages} into the text frames the game sends to Neuro, and decodes the
 * text frames Neuro sends into {@link IncomingMessage incoming messages}.
 * <p>
 * Encoding goes through the application's {@link JsonMapper}, with the settings that would change the wire format
 * (indentation, root wrapping, dropped nulls inside schemas and the like) pinned. Decoding reads the JSON tree and
 * ignores unknown fields anywhere, whatever the mapper's databinding settings.
 * <p>
 * Instances are immutable and thread-safe.
 */
public final class NeuroMessageCodec {

	private static final int EXCERPT_LENGTH = 200;

	private static final int PARSER_DETAIL_LENGTH = 80;

	/** Room for a result frame with a short message, written without growing the buffer. */
	private static final int RESULT_FRAME_CAPACITY = 160;

	private final JsonMapper mapper;

	private final ObjectWriter writer;

	private final String game;

	/**
	 * Create a new codec.
	 * @param mapper the application's mapper
	 * @param game the game's display name, sent with every message; not blank
	 * @throws IllegalArgumentException if the game name is blank
	 */
	public NeuroMessageCodec(JsonMapper mapper, String game) {
		Assert.notNull(mapper, "JsonMapper must not be null");
		Assert.hasText(game, "Game name must not be blank: it is the display name Neuro knows the game by");
		// Mapper features cannot be changed per writer, and this one is the only way a naming strategy can rename the
		// explicit @JsonProperty wire names
		this.mapper = mapper.isEnabled(MapperFeature.ALLOW_EXPLICIT_PROPERTY_RENAMING)
				? mapper.rebuild().disable(MapperFeature.ALLOW_EXPLICIT_PROPERTY_RENAMING).build() : mapper;
		this.writer = this.mapper.writer()
			.without(SerializationFeature.INDENT_OUTPUT, SerializationFeature.WRAP_ROOT_VALUE,
					SerializationFeature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED)
			.with(SerializationFeature.WRITE_EMPTY_JSON_ARRAYS)
			// "const": null in a schema is meaningful and must not be dropped
			.with(JsonNodeFeature.WRITE_NULL_PROPERTIES)
			.with(JsonWriteFeature.QUOTE_PROPERTY_NAMES)
			.without(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS);
		this.game = game;
	}

	/**
	 * Return the game's display name, as sent with every message.
	 * @return the game name
	 */
	public String game() {
		return this.game;
	}

	/**
	 * Encode a message into a frame: {@code {"command": ..., "game": ..., "data": ...}}, without a {@code data} key
	 * for data-less commands.
	 * @param message the message to encode
	 * @return the JSON text of the frame, on one line
	 */
	public String encode(OutgoingMessage message) {
		Assert.notNull(message, "Message must not be null");
		if (message instanceof ActionResultMessage result) {
			return encodeResult(result);
		}
		return this.writer
			.writeValueAsString(new Envelope(message.command(), this.game, message.hasData() ? message : null));
	}

	/**
	 * The same frame as the mapper writes for the record, the same properties in the same order, without the
	 * mapper: {@link PerThreadJson}.
	 */
	private String encodeResult(ActionResultMessage result) {
		StringWriter text = new StringWriter(RESULT_FRAME_CAPACITY);
		try (JsonGenerator json = PerThreadJson.generator(text)) {
			json.writeStartObject();
			json.writeStringProperty("command", result.command());
			json.writeStringProperty("game", this.game);
			json.writeName("data");
			json.writeStartObject();
			json.writeStringProperty("id", result.id());
			json.writeBooleanProperty("success", result.success());
			if (result.message() != null) {
				json.writeStringProperty("message", result.message());
			}
			json.writeEndObject();
			json.writeEndObject();
		}
		return text.toString();
	}

	/**
	 * Decode a frame received from Neuro. Unknown fields are ignored; unknown commands are returned as
	 * {@link UnknownCommand}, with their data. An {@code action} without an {@code id} or {@code name} is returned with {@code null}
	 * for them so that the caller can log and drop it. Optional informational fields of the wrong type
	 * ({@code sessionId}, {@code displayName}, {@code cancelled}, {@code reason}) are treated as absent.
	 * @param frame the text of the frame
	 * @return the decoded message
	 * @throws MalformedMessageException if the frame is not a JSON object, has no string {@code command}, or lacks a
	 * field its known command requires; an {@code action} whose id can still be read is an {@link UnreadableAction}
	 * instead
	 */
	public IncomingMessage decode(String frame) {
		ActionRequest action = readPlainAction(frame);
		if (action != null) {
			return action;
		}
		JsonNode root;
		try {
			root = parse(frame);
		}
		catch (MalformedMessageException ex) {
			// Neuro waits for a result to every id she sent: answer one that can still be read.
			return ActionIdSalvage.idOf(frame).<IncomingMessage>map(UnreadableAction::new).orElseThrow(() -> ex);
		}
		JsonNode command = root.path("command");
		if (!command.isString()) {
			throw malformed(frame, "'command' must be a string but is " + describe(command));
		}
		Frame received = new Frame(frame, command.stringValue());
		JsonNode data = root.path("data");
		return switch (received.command()) {
			case "startup" -> decodeStartupAcknowledgement(received, data);
			case "action" -> decodeActionRequest(received, data);
			case "speech_finished" -> decodeSpeechFinished(received, data);
			// The data-less commands accept any data, including none and null
			case "actions/reregister_all" -> new ReregisterAllActions();
			case "shutdown/graceful" -> new GracefulShutdownRequest(
					received.requireBoolean(received.requireObject(data, "data"), "data", "wants_shutdown"));
			case "shutdown/immediate" -> new ImmediateShutdownRequest();
			default -> new UnknownCommand(received.command(), (data.isMissingNode() || data.isNull()) ? null : data);
		};
	}

	/**
	 * Read the frame Neuro sends most, an {@code action} whose fields are strings or null, as a stream, without
	 * building its tree. Anything else is left to the tree, which decides and words the answer: another command (as
	 * soon as its name is read), every frame with a mistake in it, one that gives a field read here twice (the mapper
	 * may reject that), one that only a lenient mapper reads.
	 * @return the request, or {@code null} if the frame is anything else
	 */
	private static @Nullable ActionRequest readPlainAction(String frame) {
		try (JsonParser parser = PerThreadJson.parser(frame)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			String command = null;
			String[] action = null;
			JsonToken token;
			while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
				String property = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("command".equals(property)) {
					if (value != JsonToken.VALUE_STRING || command != null) {
						return null;
					}
					command = parser.getString();
					if (!"action".equals(command)) {
						return null;
					}
				}
				else if ("data".equals(property)) {
					if (value != JsonToken.START_OBJECT || action != null) {
						return null;
					}
					action = readPlainActionData(parser);
					if (action == null) {
						return null;
					}
				}
				else {
					parser.skipChildren();
				}
			}
			boolean whole = token == JsonToken.END_OBJECT && parser.nextToken() == null;
			return (whole && "action".equals(command) && action != null)
					? new ActionRequest(action[0], action[1], action[2]) : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * The {@code id}, {@code name} and {@code data} of an action's data, or {@code null} if one is given twice or is
	 * neither a string nor null.
	 */
	private static String @Nullable [] readPlainActionData(JsonParser parser) {
		String[] fields = new String[3];
		boolean[] given = new boolean[3];
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			int field = switch (parser.currentName()) {
				case "id" -> 0;
				case "name" -> 1;
				case "data" -> 2;
				default -> -1;
			};
			JsonToken value = parser.nextToken();
			if (field < 0) {
				parser.skipChildren();
				continue;
			}
			if (given[field]) {
				return null;
			}
			given[field] = true;
			if (value == JsonToken.VALUE_STRING) {
				fields[field] = parser.getString();
			}
			else if (value == JsonToken.VALUE_NULL) {
				fields[field] = null;
			}
			else {
				return null;
			}
		}
		return fields;
	}

	private JsonNode parse(String frame) {
		JsonNode root;
		try {
			root = this.mapper.readTree(frame);
		}
		catch (JacksonException ex) {
			String detail = abbreviate(ex.getOriginalMessage(), PARSER_DETAIL_LENGTH);
			throw new MalformedMessageException(message(null, "not valid JSON (" + detail + ")", frame), ex);
		}
		if (!root.isObject()) {
			throw malformed(frame, "a frame must be a JSON object but is " + describe(root));
		}
		return root;
	}

	private static StartupAcknowledgement decodeStartupAcknowledgement(Frame frame, JsonNode data) {
		JsonNode session = frame.requireObject(frame.requireObject(data, "data").path("session"), "data.session");
		// Official SDKs ignore an acknowledgement without a character: there is nothing to expose
		String characterId = frame.requireString(session, "data.session", "characterId");
		if (characterId.isBlank()) {
			throw frame.malformed("'data.session.characterId' must not be blank");
		}
		String displayName = optionalString(session, "displayName");
		return new StartupAcknowledgement(new NeuroSession(optionalString(session, "sessionId"), characterId,
				(displayName != null && !displayName.isBlank()) ? displayName : characterId));
	}

	private static ActionRequest decodeActionRequest(Frame frame, JsonNode data) {
		frame.requireObject(data, "data");
		JsonNode parameters = data.path("data");
		// The spec sends a JSON-encoded string; a server that sends the value itself gets its JSON text, so that the
		// caller validates both the same way
		String text = (parameters.isMissingNode() || parameters.isNull()) ? null
				: parameters.isString() ? parameters.stringValue() : parameters.toString();
		return new ActionRequest(frame.nullableString(data, "data", "id"), frame.nullableString(data, "data", "name"),
				text);
	}

	private static SpeechFinished decodeSpeechFinished(Frame frame, JsonNode data) {
		frame.requireObject(data, "data");
		JsonNode cancelled = data.path("cancelled");
		return new SpeechFinished(frame.requireBoolean(data, "data", "isFinal"),
				cancelled.isBoolean() && cancelled.booleanValue(), optionalString(data, "reason"));
	}

	private static @Nullable String optionalString(JsonNode parent, String field) {
		JsonNode node = parent.path(field);
		return node.isString() ? node.stringValue() : null;
	}

	private static String describe(JsonNode node) {
		return node.isMissingNode() ? "absent" : node.getNodeType().name().toLowerCase(Locale.ROOT);
	}

	private static MalformedMessageException malformed(String frame, String problem) {
		return new MalformedMessageException(message(null, problem, frame));
	}

	private static String message(@Nullable String command, String problem, String frame) {
		String subject = (command != null) ? "Malformed '" + command + "' message" : "Malformed message";
		return subject + " from Neuro: " + problem + "; frame: " + abbreviate(frame, EXCERPT_LENGTH);
	}

	private static String abbreviate(String text, int maxLength) {
		return (text.length() <= maxLength) ? text
				: text.substring(0, maxLength) + "... (" + text.length() + " characters)";
	}

	/**
	 * The outgoing envelope. Explicit names and inclusion keep it independent of the mapper's naming strategy and
	 * default inclusion.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	private record Envelope(@JsonProperty("command") String command, @JsonProperty("game") String game,
			// Dynamic typing serialises the runtime record even if the mapper uses static typing
			@JsonProperty("data") @JsonSerialize(typing = JsonSerialize.Typing.DYNAMIC)
			@Nullable OutgoingMessage data) {

	}

	/**
	 * A frame being decoded, for checks that name the command and quote the frame when they fail.
	 */
	private record Frame(String text, String command) {

		JsonNode requireObject(JsonNode node, String path) {
			if (!node.isObject()) {
				throw malformed("'" + path + "' must be an object but is " + describe(node));
			}
			return node;
		}

		String requireString(JsonNode parent, String parentPath, String field) {
			JsonNode node = parent.path(field);
			if (!node.isString()) {
				throw malformed("'" + parentPath + "." + field + "' must be a string but is " + describe(node));
			}
			return node.stringValue();
		}

		boolean requireBoolean(JsonNode parent, String parentPath, String field) {
			JsonNode node = parent.path(field);
			if (!node.isBoolean()) {
				throw malformed("'" + parentPath + "." + field + "' must be a boolean but is " + describe(node));
			}
			return node.booleanValue();
		}

		// Absent or null is left to the caller, but a value of another type means the server is not speaking this
		// protocol
		@Nullable String nullableString(JsonNode parent, String parentPath, String field) {
			JsonNode node = parent.path(field);
			return (node.isMissingNode() || node.isNull()) ? null : requireString(parent, parentPath, field);
		}

		MalformedMessageException malformed(String problem) {
			return new MalformedMessageException(message(this.command, problem, this.text));
		}

	}

}
