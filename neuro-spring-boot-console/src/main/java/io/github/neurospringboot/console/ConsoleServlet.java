package io.github.neurospringboot.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.neurospringboot.test.NeuroCharacter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console's HTTP side, on the embedded Neuro's own port: the page (three static files), its event stream
 * ({@code GET /api/events}, server-sent events), the log export ({@code GET /api/log}) and a small JSON API
 * ({@code POST /api/...}) for what a person does. README lists the requests.
 *
 * <p>Only this machine's browser may drive it: a request must name a loopback host (unless the console listens on
 * another address), and a {@code POST} must carry JSON and come from the console's own page, so that another web
 * site open in the browser cannot send anything to the games.
 */
final class ConsoleServlet extends HttpServlet {

	private static final JsonMapper JSON = JsonMapper.shared();

	/** The page's files, and their types. */
	private static final Map<String, String> FILES = Map.of("/", "index.html", "/console.js", "console.js",
			"/console.css", "console.css");

	private static final Map<String, String> TYPES = Map.of("html", "text/html;charset=UTF-8", "js",
			"text/javascript;charset=UTF-8", "css", "text/css;charset=UTF-8");

	/** The page loads nothing but its own files, and nothing a game sends can run in it. */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
			+ " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	private final transient ConsoleState state;

	private final transient ConsoleNetwork network;

	private final boolean loopbackOnly;

	ConsoleServlet(ConsoleState state, ConsoleNetwork network, boolean loopbackOnly) {
		this.state = state;
		this.network = network;
		this.loopbackOnly = loopbackOnly;
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!fromThisMachine(request, response)) {
			return;
		}
		String path = request.getRequestURI();
		String file = FILES.get(path);
		if (file != null) {
			serveFile(file, response);
		}
		else if (path.equals("/api/events")) {
			streamEvents(response);
		}
		else if (path.equals("/api/log")) {
			response.setContentType("application/json;charset=UTF-8");
			response.setHeader("Content-Disposition", "attachment; filename=\"neuro-console-log.json\"");
			response.getOutputStream().write(this.state.export().getBytes(StandardCharsets.UTF_8));
		}
		else if (path.equals("/api/session")) {
			int number = intParameter(request, "connection");
			String script;
			try {
				script = this.state.exportSession(number);
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				problems(response, List.of(String.valueOf(ex.getMessage())));
				return;
			}
			response.setContentType("application/json;charset=UTF-8");
			response.setHeader("Content-Disposition", "attachment; filename=\"neuro-session-" + number + ".json\"");
			response.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
		}
		else if (path.equals("/api/sample")) {
			answer(response, () -> {
				String data = this.state.sample(intParameter(request, "connection"), parameter(request, "action"));
				return JSON.createObjectNode().put("data", data);
			});
		}
		else {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
		}
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!fromThisMachine(request, response) || !fromThePage(request, response)) {
			return;
		}
		JsonNode body;
		try (InputStream in = request.getInputStream()) {
			body = JSON.readTree(in);
		}
		catch (JacksonException ex) {
			problems(response, List.of("The request is not JSON."));
			return;
		}
		switch (request.getRequestURI()) {
			case "/api/execute" -> {
				List<String> problems = this.state.execute(body.path("connection").asInt(),
						body.path("action").asString(""), body.path("data").asString(""),
						body.path("check").asBoolean(true));
				if (problems.isEmpty()) {
					ok(response);
				}
				else {
					problems(response, problems);
				}
			}
			case "/api/send" -> answer(response, () -> {
				this.state.send(body.path("connection").asInt(),
						NeuroMessage.valueOf(body.path("message").asString("")));
				return null;
			});
			case "/api/ignore-forces" -> answer(response, () -> {
				this.state.ignoreForces(body.path("connection").asInt());
				return null;
			});
			case "/api/settings" -> answer(response, () -> {
				changeSettings(body);
				return null;
			});
			case "/api/network" -> answer(response, () -> {
				network(body);
				return null;
			});
			case "/api/clear-log" -> answer(response, () -> {
				this.state.clearLog();
				return null;
			});
			case "/api/dismiss" -> answer(response, () -> {
				this.state.dismissDiagnostic(body.path("id").asLong());
				return null;
			});
			case "/api/silence" -> answer(response, () -> {
				this.state.silence(body.path("game").asString(""), body.path("rule").asString(""),
						body.path("silenced").asBoolean());
				return null;
			});
			default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
		}
	}

	private void changeSettings(JsonNode body) {
		JsonNode mode = body.path("forceMode");
		if (mode.isString()) {
			ForceMode forceMode = ForceMode.valueOf(mode.asString());
			this.state.changeSettings((settings) -> settings.withForceMode(forceMode));
		}
		JsonNode acknowledge = body.path("acknowledgeAs");
		if (acknowledge.isString()) {
			NeuroCharacter character = acknowledge.asString().equals("NONE") ? null
					: NeuroCharacter.valueOf(acknowledge.asString());
			this.state.changeSettings((settings) -> settings.withAcknowledgeAs(character));
		}
		if (body.has("seed") || body.has("thinkDelayMillis") || body.has("forceRetries")) {
			ConsoleSettings now = this.state.settings();
			long seed = body.has("seed") ? Long.parseLong(body.path("seed").asString().trim()) : now.seed();
			long delay = body.path("thinkDelayMillis").asLong(now.thinkDelay().toMillis());
			int retries = body.path("forceRetries").asInt(now.forceRetries());
			if (delay < 0 || retries < 0) {
				throw new IllegalArgumentException("The think delay and the retries cannot be negative.");
			}
			this.state.changeSettings((settings) -> settings.withAutoPlay(seed, Duration.ofMillis(delay), retries));
		}
	}

	private void network(JsonNode body) {
		if (body.has("latencyMillis")) {
			this.network.latency(Duration.ofMillis(body.path("latencyMillis").asLong()));
		}
		switch (body.path("fault").asString("")) {
			case "DROP" -> this.network.drop();
			case "FREEZE" -> this.network.freeze(true);
			case "THAW" -> this.network.freeze(false);
			case "REFUSE" -> this.network.refuse(true);
			case "ACCEPT" -> this.network.refuse(false);
			case "" -> {
				// latency only
			}
			default -> throw new IllegalArgumentException("Unknown fault: " + body.path("fault").asString());
		}
	}

	private void serveFile(String name, HttpServletResponse response) throws IOException {
		try (InputStream in = ConsoleServlet.class.getResourceAsStream("page/" + name)) {
			if (in == null) {
				response.sendError(HttpServletResponse.SC_NOT_FOUND);
				return;
			}
			response.setContentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
			response.setHeader("Cache-Control", "no-cache");
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			in.transferTo(response.getOutputStream());
		}
	}

	/** Holds the request's thread until the page goes away or the console closes: a page has few of them. */
	private void streamEvents(HttpServletResponse response) throws IOException {
		response.setContentType("text/event-stream;charset=UTF-8");
		response.setHeader("Cache-Control", "no-cache");
		response.flushBuffer();
		try {
			this.state.subscribe().stream(response.getOutputStream());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A request from elsewhere than this machine's browser is turned away, against DNS rebinding. */
	private boolean fromThisMachine(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String host = request.getServerName().toLowerCase(Locale.ROOT);
		if (this.loopbackOnly && !host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]")
				&& !host.equals("::1")) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN, "The console answers to 127.0.0.1 and localhost");
			return false;
		}
		return true;
	}

	/** Only the page sends JSON from its own origin: a form or a script of another site cannot. */
	private static boolean fromThePage(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String type = request.getContentType();
		String origin = request.getHeader("Origin");
		String expected = request.getScheme() + "://" + request.getHeader("Host");
		if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")
				|| (origin != null && !origin.equalsIgnoreCase(expected))) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN, "Only the console's own page may send this");
			return false;
		}
		return true;
	}

	private static void answer(HttpServletResponse response, Operation operation) throws IOException {
		ObjectNode result;
		try {
			result = operation.run();
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			problems(response, List.of(String.valueOf(ex.getMessage())));
			return;
		}
		if (result == null) {
			ok(response);
		}
		else {
			json(response, HttpServletResponse.SC_OK, result);
		}
	}

	private static void ok(HttpServletResponse response) throws IOException {
		json(response, HttpServletResponse.SC_OK, JSON.createObjectNode().put("ok", true));
	}

	private static void problems(HttpServletResponse response, List<String> problems) throws IOException {
		ObjectNode body = JSON.createObjectNode();
		problems.forEach(body.putArray("problems")::add);
		json(response, HttpServletResponse.SC_BAD_REQUEST, body);
	}

	private static void json(HttpServletResponse response, int status, JsonNode body) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json;charset=UTF-8");
		response.getOutputStream().write(body.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static String parameter(HttpServletRequest request, String name) {
		String value = request.getParameter(name);
		if (value == null) {
			throw new IllegalArgumentException("The request has no '" + name + "'.");
		}
		return value;
	}

	private static int intParameter(HttpServletRequest request, String name) {
		try {
			return Integer.parseInt(parameter(request, name));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + name + "' must be a number.", ex);
		}
	}

	/** What a request does; {@code null} for a plain "ok". */
	@FunctionalInterface
	private interface Operation {

		@Nullable ObjectNode run();

	}

}
