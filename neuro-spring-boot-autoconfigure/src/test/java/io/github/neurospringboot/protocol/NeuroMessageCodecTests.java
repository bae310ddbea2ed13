package io.github.neurospringboot.protocol;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.json.JSONException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.introspect.DefaultAccessorNamingStrategy;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link NeuroMessageCodec}, named after the conformance test vectors of NEURO-API.md.
 */
class NeuroMessageCodecTests {

	private static final String PLACE_MARK_SCHEMA = """
			{"type":"object","properties":{"cell":{"type":"integer","minimum":0,"maximum":8}},"required":["cell"]}""";

	private static final String TV02_FRAME = """
			{"command":"actions/register","game":"Test Game","data":{"actions":[
			{"name":"place_mark","description":"Place your mark on an empty cell.","schema":%s},
			{"name":"end_turn","description":"End your turn."}]}}""".formatted(PLACE_MARK_SCHEMA);

	private static final String TV20_FRAME = """
			{"command":"action","trace":"abc",
			"data":{"id":"8","name":"place_mark","data":"{\\"cell\\":2}","hint":1}}""";

	private static final String TV27_FRAME = """
			{"command":"actions/force","game":"Test Game","data":{"state":"## Board\\n- X at 0",
			"query":"It is your turn.","ephemeral_context":true,"priority":"high",
			"action_names":["place_mark","end_turn"]}}""";

	private static final String TV38_FRAME = """
			{"command":"actions/register","game":"Test Game","data":{"actions":[{"name":"pass",
			"description":"Pass.","schema":{"type":"object","properties":{"nothing":{"const":null}},
			"required":["nothing"]}}]}}""";

	private final NeuroMessageCodec codec = new NeuroMessageCodec(JsonMapper.builder().build(), "Test Game");

	@Test
	void gameIsExposed() {
		assertThat(this.codec.game()).isEqualTo("Test Game");
	}

	@Test
	void tv01StartupHasNoDataKey() throws JSONException {
		assertFrame(this.codec.encode(new Startup()), """
				{"command":"startup","game":"Test Game"}""");
	}

	@Test
	void tv02RegisterOmitsSchemaOfParameterlessAction() throws JSONException {
		assertFrame(this.codec.encode(register()), TV02_FRAME);
	}

	@Test
	void tv03StartupAcknowledgementExposesSession() {
		IncomingMessage message = this.codec.decode("""
				{"command":"startup","data":{"session":
				{"sessionId":"s-1","characterId":"evil","displayName":"Evil Neuro"}}}""");
		NeuroSession session = new NeuroSession("s-1", "evil", "Evil Neuro");
		assertThat(message).isEqualTo(new StartupAcknowledgement(session));
		assertThat(session.isEvil()).isTrue();
	}

	@Test
	void tv05StartupAcknowledgementWithExtraFieldsIsAccepted() {
		IncomingMessage message = this.codec.decode("""
				{"command":"startup","data":{"session":
				{"sessionId":"x","characterId":"neuro","displayName":"Neuro-sama","extra":1}}}""");
		assertThat(message).isEqualTo(new StartupAcknowledgement(new NeuroSession("x", "neuro", "Neuro-sama")));
		assertThat(((StartupAcknowledgement) message).session().isEvil()).isFalse();
	}

	@Test
	void tv05StartupAcknowledgementWithoutCharacterIdIsMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.decode("""
				{"command":"startup","data":{"session":{"sessionId":"x","displayName":"Neuro-sama"}}}"""))
			.withMessageContaining("Malformed 'startup' message from Neuro: "
					+ "'data.session.characterId' must be a string but is absent");
	}

	@Test
	void tv05StartupAcknowledgementWithoutSessionIsMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec.decode("""
					{"command":"startup","data":{}}"""))
			.withMessageContaining("'data.session' must be an object but is absent");
	}

	@Test
	void startupAcknowledgementWithoutDisplayNameFallsBackToCharacterId() {
		IncomingMessage message = this.codec.decode("""
				{"command":"startup","data":{"session":{"characterId":"neuro"}}}""");
		assertThat(message).isEqualTo(new StartupAcknowledgement(new NeuroSession(null, "neuro", "neuro")));
	}

	@Test
	void tv06ActionKeepsDataAsReceived() {
		assertThat(this.codec.decode("""
				{"command":"action","data":{"id":"0","name":"place_mark","data":"{\\"cell\\":4}"}}"""))
			.isEqualTo(new ActionRequest("0", "place_mark", "{\"cell\":4}"));
	}

	@Test
	void tv06SuccessfulResultOmitsMessage() throws JSONException {
		assertFrame(this.codec.encode(new ActionResultMessage("0", true, null)), """
				{"command":"action/result","game":"Test Game","data":{"id":"0","success":true}}""");
	}

	@Test
	void resultWithAMessageIsTheFrameTheMapperWouldWrite() throws JSONException {
		assertFrame(this.codec.encode(new ActionResultMessage("7", false, "Say \"hi\"\n\u00fc \ud83d\ude00 </b>")), """
				{"command":"action/result","game":"Test Game",
				"data":{"id":"7","success":false,"message":"Say \\"hi\\"\\n\u00fc \ud83d\ude00 </b>"}}""");
	}

	@Test
	void actionWithAFieldGivenTwiceIsReadAsTheTreeReadsIt() {
		assertThat(this.codec.decode("""
				{"command":"action","data":{"id":"1","name":"end_turn","id":"2"}}"""))
			.isEqualTo(new ActionRequest("2", "end_turn", null));
		assertThat(this.codec.decode("""
				{"command":"nothing","command":"action","data":{"id":"3","name":"end_turn"}}"""))
			.isEqualTo(new ActionRequest("3", "end_turn", null));
	}

	@Test
	void actionOnlyTheApplicationsLenientMapperReadsIsReadByIt() {
		NeuroMessageCodec lenient = new NeuroMessageCodec(
				JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build(), "Test Game");
		assertThat(lenient.decode("{'command':'action','data':{'id':'1','name':'end_turn'}}"))
			.isEqualTo(new ActionRequest("1", "end_turn", null));
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec.decode("{'command':'action','data':{'id':'1','name':'end_turn'}}"));
	}

	@Test
	void actionFollowedByMoreJsonIsUnreadableButItsIdIsStillAnswered() {
		assertThat(this.codec.decode("""
				{"command":"action","data":{"id":"1","name":"end_turn"}} {}""")).isEqualTo(new UnreadableAction("1"));
	}

	@Test
	void tv07ActionWithoutDataHasNullData() {
		assertThat(this.codec.decode("""
				{"command":"action","data":{"id":"1","name":"end_turn"}}"""))
			.isEqualTo(new ActionRequest("1", "end_turn", null));
	}

	@Test
	void tv07ActionWithNullDataHasNullData() {
		assertThat(this.codec.decode("""
				{"command":"action","data":{"id":"1","name":"end_turn","data":null}}"""))
			.isEqualTo(new ActionRequest("1", "end_turn", null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "", "   " })
	void tv08ActionWithTrivialDataKeepsItAsReceived(String data) {
		String frame = "{\"command\":\"action\",\"data\":{\"id\":\"1\",\"name\":\"end_turn\",\"data\":\"" + data
				+ "\"}}";
		assertThat(this.codec.decode(frame)).isEqualTo(new ActionRequest("1", "end_turn", data));
	}

	@Test
	void tv17ActionWithoutIdHasNullId() {
		assertThat(this.codec.decode("""
				{"command":"action","data":{"name":"place_mark","data":"{\\"cell\\":4}"}}"""))
			.isEqualTo(new ActionRequest(null, "place_mark", "{\"cell\":4}"));
	}

	@Test
	void tv17ActionWithoutNameHasNullName() {
		assertThat(this.codec.decode("""
				{"command":"action","data":{"id":"3"}}""")).isEqualTo(new ActionRequest("3", null, null));
	}

	@Test
	void actionWithNonStringIdIsMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.decode("""
				{"command":"action","data":{"id":5,"name":"end_turn"}}"""))
			.withMessageContaining("Malformed 'action' message from Neuro: 'data.id' must be a string but is number");
	}

	@Test
	void tv19UnknownCommandIsReportedWithItsData() {
		IncomingMessage message = this.codec.decode("""
				{"command":"vendor-x/ping","data":{"nonce":7,"tags":["a"]}}""");
		assertThat(message).isInstanceOfSatisfying(UnknownCommand.class, (unknown) -> {
			assertThat(unknown.command()).isEqualTo("vendor-x/ping");
			assertThat(unknown.data()).hasToString("{\"nonce\":7,\"tags\":[\"a\"]}");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"command\":\"vendor-x/ping\"}", "{\"command\":\"vendor-x/ping\",\"data\":null}" })
	void unknownCommandWithoutDataHasNone(String frame) {
		assertThat(this.codec.decode(frame)).isEqualTo(new UnknownCommand("vendor-x/ping", null));
	}

	@Test
	void unknownCommandKeepsDataOfAnyType() {
		assertThat(this.codec.decode("""
				{"command":"vendor-x/say","data":"hello"}""")).isInstanceOfSatisfying(UnknownCommand.class,
						(unknown) -> assertThat(unknown.data().stringValue()).isEqualTo("hello"));
	}

	@Test
	void tv20UnknownFieldsAreIgnored() {
		assertThat(this.codec.decode(TV20_FRAME)).isEqualTo(new ActionRequest("8", "place_mark", "{\"cell\":2}"));
	}

	@Test
	void tv20UnknownFieldsAreIgnoredWhenMapperFailsOnUnknownProperties() {
		JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		assertThat(new NeuroMessageCodec(strict, "Test Game").decode(TV20_FRAME))
			.isEqualTo(new ActionRequest("8", "place_mark", "{\"cell\":2}"));
	}

	@Test
	void tv21ReregisterAllWithNullData() {
		assertThat(this.codec.decode("""
				{"command":"actions/reregister_all","data":null}""")).isEqualTo(new ReregisterAllActions());
	}

	@Test
	void tv22SpeechFinishedNotFinal() {
		assertThat(this.codec.decode("""
				{"command":"speech_finished","data":{"isFinal":false}}"""))
			.isEqualTo(new SpeechFinished(false, false, null));
	}

	@Test
	void tv22SpeechFinishedCancelled() {
		assertThat(this.codec.decode("""
				{"command":"speech_finished","data":{"isFinal":true,"cancelled":true,"reason":"interrupted"}}"""))
			.isEqualTo(new SpeechFinished(true, true, "interrupted"));
	}

	@Test
	void tv22SpeechFinishedWithoutIsFinalIsMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.decode("""
				{"command":"speech_finished","data":{"cancelled":true}}"""))
			.withMessageContaining("Malformed 'speech_finished' message from Neuro: "
					+ "'data.isFinal' must be a boolean but is absent");
	}

	@Test
	void tv23ReregisterAllWithoutData() {
		assertThat(this.codec.decode("""
				{"command":"actions/reregister_all"}""")).isEqualTo(new ReregisterAllActions());
	}

	@Test
	void tv23ReregisterAllWithEmptyData() {
		assertThat(this.codec.decode("""
				{"command":"actions/reregister_all","data":{}}""")).isEqualTo(new ReregisterAllActions());
	}

	@Test
	void tv25ContextAlwaysHasMessageAndSilent() throws JSONException {
		assertFrame(this.codec.encode(new Context("Your opponent played X in cell 0.", false)), """
				{"command":"context","game":"Test Game",
				"data":{"message":"Your opponent played X in cell 0.","silent":false}}""");
	}

	@Test
	void tv26MinimalForceOmitsOptionalKeys() throws JSONException {
		assertFrame(this.codec.encode(ForceActions.of("It is your turn.", List.of("place_mark"))), """
				{"command":"actions/force","game":"Test Game",
				"data":{"query":"It is your turn.","action_names":["place_mark"]}}""");
	}

	@Test
	void tv27FullForceHasEveryKey() throws JSONException {
		assertFrame(this.codec.encode(fullForce()), TV27_FRAME);
	}

	@Test
	void tv30ResultFailureHasMessage() throws JSONException {
		assertFrame(this.codec.encode(new ActionResultMessage("7", false, "Unknown action fly.")), """
				{"command":"action/result","game":"Test Game",
				"data":{"id":"7","success":false,"message":"Unknown action fly."}}""");
	}

	@Test
	void tv31Unregister() throws JSONException {
		assertFrame(this.codec.encode(new UnregisterActions(List.of("place_mark"))), """
				{"command":"actions/unregister","game":"Test Game","data":{"action_names":["place_mark"]}}""");
	}

	@Test
	void tv32GracefulShutdownRequested() {
		assertThat(this.codec.decode("""
				{"command":"shutdown/graceful","data":{"wants_shutdown":true}}"""))
			.isEqualTo(new GracefulShutdownRequest(true));
	}

	@Test
	void tv32GracefulShutdownCancelled() {
		assertThat(this.codec.decode("""
				{"command":"shutdown/graceful","data":{"wants_shutdown":false}}"""))
			.isEqualTo(new GracefulShutdownRequest(false));
	}

	@Test
	void tv32GracefulShutdownWithoutFlagIsMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.decode("""
				{"command":"shutdown/graceful","data":{}}"""))
			.withMessageContaining("Malformed 'shutdown/graceful' message from Neuro: "
					+ "'data.wants_shutdown' must be a boolean but is absent");
	}

	@Test
	void tv32ShutdownReadyHasNoDataKey() throws JSONException {
		assertFrame(this.codec.encode(new ShutdownReady()), """
				{"command":"shutdown/ready","game":"Test Game"}""");
	}

	@Test
	void tv33ImmediateShutdown() {
		assertThat(this.codec.decode("""
				{"command":"shutdown/immediate"}""")).isEqualTo(new ImmediateShutdownRequest());
	}

	@ParameterizedTest
	@MethodSource("everyOutgoingMessage")
	void tv35EveryFrameHasCommandAndGame(OutgoingMessage message) {
		JsonNode frame = JsonMapper.shared().readTree(this.codec.encode(message));
		assertThat(frame.path("command").stringValue()).isEqualTo(message.command());
		assertThat(frame.path("game").stringValue()).isEqualTo("Test Game");
		assertThat(frame.has("data")).isEqualTo(message.hasData());
	}

	@Test
	void tv35ResultCommandIsSingular() {
		assertThat(new ActionResultMessage("0", true, null).command()).isEqualTo("action/result");
		assertThat(this.codec.encode(new ActionResultMessage("0", true, null))).contains("\"action/result\"")
			.doesNotContain("actions/result");
	}

	@Test
	void tv38ConstNullSurvives() throws JSONException {
		assertFrame(this.codec.encode(constNullRegistration()), TV38_FRAME);
	}

	@Test
	void tv40ActionWithObjectDataKeepsItsJsonText() {
		assertThat(this.codec.decode("""
				{"command":"action","data":{"id":"9","name":"place_mark","data":{"cell":4}}}"""))
			.isEqualTo(new ActionRequest("9", "place_mark", "{\"cell\":4}"));
	}

	@Test
	void tv40ActionWithNonStringDataKeepsItsJsonText() {
		assertThat(this.codec.decode("""
				{"command":"action","data":{"id":"9","name":"place_mark","data":[4, true]}}"""))
			.isEqualTo(new ActionRequest("9", "place_mark", "[4,true]"));
		assertThat(this.codec.decode("""
				{"command":"action","data":{"id":"9","name":"place_mark","data":4}}"""))
			.isEqualTo(new ActionRequest("9", "place_mark", "4"));
	}

	@Test
	void commandAndHasDataAreNotJsonProperties() {
		assertThat(this.codec.encode(new Startup())).doesNotContain("data").doesNotContain("hasData");
		for (OutgoingMessage message : everyOutgoingMessage().toList()) {
			JsonNode data = JsonMapper.shared().readTree(this.codec.encode(message)).path("data");
			assertThat(data.propertyNames()).doesNotContain("command", "hasData", "data");
		}
		JsonNode context = JsonMapper.shared().readTree(this.codec.encode(new Context("Hi", true))).path("data");
		assertThat(context.propertyNames()).containsExactlyInAnyOrder("message", "silent");
	}

	@ParameterizedTest
	@MethodSource("differentlyConfiguredMappers")
	void encodingIgnoresTheMapperConfiguration(JsonMapper mapper) throws JSONException {
		NeuroMessageCodec codec = new NeuroMessageCodec(mapper, "Test Game");
		assertFrame(codec.encode(new Startup()), """
				{"command":"startup","game":"Test Game"}""");
		assertFrame(codec.encode(register()), TV02_FRAME);
		assertFrame(codec.encode(fullForce()), TV27_FRAME);
		assertFrame(codec.encode(constNullRegistration()), TV38_FRAME);
		assertFrame(codec.encode(new Context("Hi", false)), """
				{"command":"context","game":"Test Game","data":{"message":"Hi","silent":false}}""");
		assertFrame(codec.encode(new ActionResultMessage("1", false, null)), """
				{"command":"action/result","game":"Test Game","data":{"id":"1","success":false}}""");
		assertFrame(codec.encode(new UnregisterActions(List.of("place_mark"))), """
				{"command":"actions/unregister","game":"Test Game","data":{"action_names":["place_mark"]}}""");
		assertThat(codec.encode(register())).doesNotContain("\n");
	}

	@Test
	void emptySchemaArraysSurvive() throws JSONException {
		JsonMapper mapper = JsonMapper.builder().disable(SerializationFeature.WRITE_EMPTY_JSON_ARRAYS).build();
		ActionDefinition action = new ActionDefinition("wait", "Wait.",
				(ObjectNode) JsonMapper.shared().readTree("{\"type\":\"object\",\"properties\":{},\"required\":[]}"));
		assertFrame(new NeuroMessageCodec(mapper, "Test Game").encode(new RegisterActions(List.of(action))), """
				{"command":"actions/register","game":"Test Game",
				"data":{"actions":[{"name":"wait","description":"Wait.",
				"schema":{"type":"object","properties":{},"required":[]}}]}}""");
	}

	@Test
	void notJsonIsMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.decode("{\"command\":"))
			.withMessageStartingWith("Malformed message from Neuro: not valid JSON (")
			.withMessageEndingWith("; frame: {\"command\":");
	}

	@Test
	void emptyFrameIsMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.decode(""))
			.withMessage("Malformed message from Neuro: a frame must be a JSON object but is absent; frame: ");
	}

	@Test
	void jsonArrayIsMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec.decode("[{\"command\":\"startup\"}]"))
			.withMessageContaining("must be a JSON object but is array");
	}

	@Test
	void missingCommandIsMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.decode("{\"data\":{}}"))
			.withMessage("Malformed message from Neuro: "
					+ "'command' must be a string but is absent; frame: {\"data\":{}}");
	}

	@Test
	void nonStringCommandIsMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec.decode("{\"command\":42}"))
			.withMessageContaining("'command' must be a string but is number");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"{\\\"cell\\\":4}\"", "[]", "null" })
	void actionWhoseDataIsNotAnObjectIsMalformed(String data) {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec.decode("{\"command\":\"action\",\"data\":" + data + "}"))
			.withMessageContaining("Malformed 'action' message from Neuro: 'data' must be an object");
	}

	@Test
	void actionWithoutDataIsMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec.decode("{\"command\":\"action\"}"))
			.withMessageContaining("Malformed 'action' message from Neuro: 'data' must be an object but is absent");
	}

	@Test
	void malformedMessageQuotesOnlyTheStartOfTheFrame() {
		String frame = "{\"data\":\"" + "x".repeat(10_000) + "END\"}";
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.decode(frame))
			.withMessageNotContaining("END")
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(320));
		String invalid = "{\"command\":" + "y".repeat(10_000);
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.decode(invalid))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(420));
	}

	private static void assertFrame(String actual, String expected) throws JSONException {
		JSONAssert.assertEquals(expected, actual, JSONCompareMode.STRICT);
		// JSONAssert accepts unquoted names and numbers written as strings; a default Jackson parser does not
		assertThat(JsonMapper.shared().readTree(actual)).isEqualTo(JsonMapper.shared().readTree(expected));
	}

	private static RegisterActions register() {
		ObjectNode schema = (ObjectNode) JsonMapper.shared().readTree(PLACE_MARK_SCHEMA);
		return new RegisterActions(
				List.of(new ActionDefinition("place_mark", "Place your mark on an empty cell.", schema),
						new ActionDefinition("end_turn", "End your turn.", null)));
	}

	private static ForceActions fullForce() {
		return new ForceActions("## Board\n- X at 0", "It is your turn.", true, ForcePriority.HIGH,
				List.of("place_mark", "end_turn"));
	}

	private static RegisterActions constNullRegistration() {
		ObjectNode schema = JsonMapper.shared().createObjectNode().put("type", "object");
		schema.putObject("properties").putObject("nothing").putNull("const");
		schema.putArray("required").add("nothing");
		return new RegisterActions(List.of(new ActionDefinition("pass", "Pass.", schema)));
	}

	static Stream<OutgoingMessage> everyOutgoingMessage() {
		return Stream.of(new Startup(), new Context("Hi", true), register(),
				new UnregisterActions(List.of("place_mark")), fullForce(), new ActionResultMessage("0", true, "Done."),
				new ShutdownReady());
	}

	static Stream<Named<JsonMapper>> differentlyConfiguredMappers() {
		return Stream.of(Named.of("default", JsonMapper.builder().build()),
				Named.of("NON_NULL inclusion",
						JsonMapper.builder()
							.changeDefaultPropertyInclusion((v) -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
							.build()),
				Named.of("NON_DEFAULT values, NON_NULL contents",
						JsonMapper.builder()
							.changeDefaultPropertyInclusion((v) -> v.withValueInclusion(JsonInclude.Include.NON_DEFAULT)
								.withContentInclusion(JsonInclude.Include.NON_NULL))
							.enable(SerializationFeature.APPLY_JSON_INCLUDE_FOR_CONTAINERS)
							.build()),
				Named.of("UPPER_CAMEL_CASE",
						JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE).build()),
				Named.of("UPPER_CAMEL_CASE with explicit renaming",
						JsonMapper.builder()
							.propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
							.enable(MapperFeature.ALLOW_EXPLICIT_PROPERTY_RENAMING)
							.build()),
				Named.of("INDENT_OUTPUT", JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()),
				Named.of("null ObjectNode properties not written",
						JsonMapper.builder().disable(JsonNodeFeature.WRITE_NULL_PROPERTIES).build()),
				Named.of("USE_STATIC_TYPING", JsonMapper.builder().enable(MapperFeature.USE_STATIC_TYPING).build()),
				Named.of("WRAP_ROOT_VALUE and single-element arrays unwrapped",
						JsonMapper.builder()
							.enable(SerializationFeature.WRAP_ROOT_VALUE,
									SerializationFeature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED)
							.build()),
				Named.of("enums as indexes", JsonMapper.builder().enable(EnumFeature.WRITE_ENUMS_USING_INDEX).build()),
				Named.of("numbers as strings, unquoted names",
						JsonMapper.builder()
							.enable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS)
							.disable(JsonWriteFeature.QUOTE_PROPERTY_NAMES)
							.build()),
				Named.of("fluent accessors",
						JsonMapper.builder()
							.accessorNaming(new DefaultAccessorNamingStrategy.Provider().withGetterPrefix("")
								.withIsGetterPrefix(""))
							.build()),
				Named.of("SORT_PROPERTIES_ALPHABETICALLY",
						JsonMapper.builder().enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build()));
	}

}
