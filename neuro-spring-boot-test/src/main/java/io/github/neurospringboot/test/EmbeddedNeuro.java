package io.github.neurospringboot.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.github.neurospringboot.test.schema.SchemaDataGenerator;
import io.github.neurospringboot.test.lint.SchemaLint;
import io.github.neurospringboot.test.lint.LintFinding;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.modeler.Registry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.websocket.server.WsSci;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * An embedded Neuro: a real websocket server on loopback that a game connects to as it would to Neuro. It
 * <ul>
 * <li>records every frame the game sends, and keeps track of the actions registered;</li>
 * <li>lints every registration as the real server would read it ({@link #lintFindings()});</li>
 * <li>executes actions on request and returns their result ({@link #execute});</li>
 * <li>plays on its own when forced, if asked to: it picks one of the forced actions, sends random valid parameters
 * generated from its schema, and retries a failed force a limited number of times, as Neuro does. A retry is never a
 * call the game refused earlier in the same force: Neuro reads why a call failed, where the official mock resends
 * blindly;</li>
 * <li>sends what Neuro can send (the startup acknowledgement, {@code actions/reregister_all},
 * {@code speech_finished}, shutdown requests) and what she should not (garbage, binary frames), and cuts, freezes or
 * refuses connections, so that a game's handling of all of it can be tested;</li>
 * <li>speaks TLS ({@code wss://}) if asked to, with a throw-away certificate the game can be told to trust.</li>
 * </ul>
 *
 * <pre>{@code
 * try (EmbeddedNeuro neuro = EmbeddedNeuro.builder().autoPlay(true).start()) {
 *     // point neuro.url at neuro.url()
 * }
 * }</pre>
 */
public final class EmbeddedNeuro implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(EmbeddedNeuro.class);

	private static final JsonMapper JSON = JsonMapper.shared();

	/** How many random calls auto-play draws, at most, to find one the game has not refused in the force. */
	private static final int NEW_CALL_DRAWS = 1000;

	/** How long {@link #connection()} waits for a connection to prove it is still open before taking it as busy. */
	private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(5);

	/** Held so that the level sticks: Tomcat's start-up chatter would drown the game's own output. */
	private static final Logger TOMCAT_LOGGER = Logger.getLogger("org.apache");

	static {
		TOMCAT_LOGGER.setLevel(Level.WARNING);
		// As Spring Boot does by default (server.tomcat.mbeanregistry.enabled=false): were the registry enabled here
		// first, each web server a test starts later would warn that it cannot disable it.
		Registry.disableRegistry();
	}

	private final Builder settings;

	private final Tomcat tomcat;

	private final TcpRelay relay;

	private final @Nullable SelfSignedCertificate certificate;

	private final List<ReceivedFrame> frames = new ArrayList<>();

	private int cursor;

	private final List<LintFinding> lintFindings = new CopyOnWriteArrayList<>();

	private final List<GameConnection> connections = new CopyOnWriteArrayList<>();

	private final List<Integer> closeCodes = new CopyOnWriteArrayList<>();

	private volatile @Nullable GameConnection provenCurrent;

	private final AtomicLong ids = new AtomicLong();

	private final AtomicLong forcesPlayed = new AtomicLong();

	private final ExecutorService player = Executors
		.newSingleThreadExecutor(new CustomizableThreadFactory("embedded-neuro-player-"));

	private final SchemaDataGenerator dataGenerator;

	private volatile boolean closed;

	private final Random random;

	private EmbeddedNeuro(Builder settings) {
		this.settings = settings;
		this.random = new Random(settings.seed);
		this.dataGenerator = new SchemaDataGenerator(this.random);
		Path baseDir = createBaseDir();
		this.certificate = settings.secure ? SelfSignedCertificate.create(baseDir) : null;
		this.tomcat = startTomcat(baseDir);
		this.relay = new TcpRelay(settings.port, this.tomcat.getConnector().getLocalPort());
	}

	/**
	 * Describe an embedded Neuro.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start an embedded Neuro with the defaults: a random port, no auto-play, no acknowledgement.
	 * @return the started server
	 */
	public static EmbeddedNeuro start() {
		return builder().start();
	}

	/**
	 * The URL a game connects to.
	 * @return a {@code ws://127.0.0.1:<port>/} URL, or {@code wss://} if secure
	 */
	public URI url() {
		return URI.create(((this.certificate != null) ? "wss" : "ws") + "://127.0.0.1:" + port() + "/");
	}

	/**
	 * The trust store a game needs to connect to this secure embedded Neuro.
	 * @return the trust store, which holds its certificate
	 * @throws IllegalStateException if it is not secure ({@link Builder#secure})
	 */
	public TrustStore trustStore() {
		if (this.certificate == null) {
			throw new IllegalStateException("This embedded Neuro does not use TLS: see Builder.secure");
		}
		return this.certificate.trustStore();
	}

	/**
	 * The port the embedded Neuro listens on.
	 * @return the port
	 */
	public int port() {
		return this.relay.port();
	}

	// --- what the game sent -------------------------------------------------------------------------------------

	/**
	 * Every frame the game sent, on every connection, in order.
	 * @return a snapshot
	 * @throws IllegalStateException if frames are not recorded ({@link Builder#recordFrames})
	 */
	public List<ReceivedFrame> frames() {
		assertRecordingFrames();
		synchronized (this.frames) {
			return List.copyOf(this.frames);
		}
	}

	/**
	 * Wait for the next frame, whatever its command, after the one {@code awaitFrame} returned last.
	 * @param timeout how long to wait
	 * @return the frame
	 * @throws AssertionError if none arrives in time
	 * @throws IllegalStateException if frames are not recorded ({@link Builder#recordFrames})
	 */
	public ReceivedFrame awaitFrame(Duration timeout) {
		return awaitFrame((frame) -> true, "frame", timeout);
	}

	/**
	 * The frames that arrived after the one {@code awaitFrame} returned last, which count as awaited from now on.
	 * @return the frames, oldest first
	 * @throws IllegalStateException if frames are not recorded ({@link Builder#recordFrames})
	 */
	public List<ReceivedFrame> drainFrames() {
		assertRecordingFrames();
		synchronized (this.frames) {
			List<ReceivedFrame> unread = List.copyOf(this.frames.subList(this.cursor, this.frames.size()));
			this.cursor = this.frames.size();
			return unread;
		}
	}

	/**
	 * Wait for the next frame of a command, after the one {@code awaitFrame} returned last; frames of other commands
	 * on the way count as awaited.
	 * @param command the command, such as {@code actions/force}
	 * @param timeout how long to wait
	 * @return the frame
	 * @throws AssertionError if none arrives in time
	 * @throws IllegalStateException if frames are not recorded ({@link Builder#recordFrames})
	 */
	public ReceivedFrame awaitFrame(String command, Duration timeout) {
		return awaitFrame((frame) -> frame.command().equals(command), "'" + command + "'", timeout);
	}

	private ReceivedFrame awaitFrame(Predicate<ReceivedFrame> wanted, String what, Duration timeout) {
		assertRecordingFrames();
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.frames) {
			while (true) {
				for (int i = this.cursor; i < this.frames.size(); i++) {
					if (wanted.test(this.frames.get(i))) {
						this.cursor = i + 1;
						return this.frames.get(i);
					}
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("The game sent no " + what + " within " + timeout);
				}
				waitOn(this.frames, left);
			}
		}
	}

	/**
	 * The actions registered on the connection of the game under test ({@link #connection()}).
	 * @return their names, none while no game is connected
	 */
	public Set<String> registeredActions() {
		return currentConnection().map(GameConnection::registeredActions).orElse(Set.of());
	}

	/**
	 * The registration of an action on the connection of the game under test ({@link #connection()}), as the game
	 * sent it.
	 * @param name the action's name
	 * @return its {@code name}, {@code description} and {@code schema}, or empty if it is not registered
	 */
	public Optional<JsonNode> registeredAction(String name) {
		return currentConnection().flatMap((connection) -> connection.registeredAction(name));
	}

	/**
	 * Wait until the game under test has registered an action on its connection ({@link #connection()}). An action
	 * registered on a connection that has closed, or is closing, does not count.
	 * @param name the action's name
	 * @param timeout how long to wait
	 * @throws AssertionError if it is not registered in time
	 */
	public void awaitActionRegistered(String name, Duration timeout) {
		awaitCondition(() -> syncedConnection().flatMap((connection) -> connection.registeredAction(name)).isPresent(),
				timeout, "action '" + name + "' to be registered");
	}

	/**
	 * The connection of the game under test: the newest connection that is open and not frozen. Before it first
	 * answers with a connection, the embedded Neuro reads everything the game sent so far on it (a ping round trip),
	 * so that a connection whose game has already closed its end is never taken for the current one; it checks
	 * again whenever a newer connection opens, and before each test ({@link EmbeddedNeuroExtension}). Every wait of
	 * the embedded Neuro checks each time.
	 * @return the connection
	 * @throws IllegalStateException if no game is connected
	 */
	public GameConnection connection() {
		return currentConnection()
			.orElseThrow(() -> new IllegalStateException("No game is connected to the embedded Neuro"));
	}

	/**
	 * Wait until a game is connected, and return its connection ({@link #connection()}).
	 * @param timeout how long to wait
	 * @return the connection
	 * @throws AssertionError if no game is connected in time
	 */
	public GameConnection awaitConnection(Duration timeout) {
		awaitCondition(() -> syncedConnection().isPresent(), timeout, "a game to connect");
		return connection();
	}

	/**
	 * Every connection the embedded Neuro accepted, open or closed.
	 * @return the connections, oldest first
	 */
	public List<GameConnection> connections() {
		return List.copyOf(this.connections);
	}

	/** The connection last proven current, while it is open and the newest; else one proven now. */
	private Optional<GameConnection> currentConnection() {
		GameConnection proven = this.provenCurrent;
		if (proven != null && proven.isOpen() && !proven.isFrozen()
				&& proven.number() == this.connections.size()) {
			return Optional.of(proven);
		}
		return syncedConnection();
	}

	private Optional<GameConnection> syncedConnection() {
		for (int i = this.connections.size() - 1; i >= 0; i--) {
			GameConnection candidate = this.connections.get(i);
			if (candidate.sync(SYNC_TIMEOUT)) {
				this.provenCurrent = candidate;
				return Optional.of(candidate);
			}
		}
		this.provenCurrent = null;
		return Optional.empty();
	}

	/** A new test begins: the game under test must prove its connection again. */
	void forgetCurrentConnection() {
		this.provenCurrent = null;
	}

	/**
	 * What linting every registration found, as the real server would read it: bad names, non-object roots,
	 * unsupported schema keywords, and the like.
	 * @return the findings so far
	 */
	public List<LintFinding> lintFindings() {
		return List.copyOf(this.lintFindings);
	}

	/**
	 * Check that no registration had an error-level lint finding.
	 * @throws AssertionError listing the errors
	 */
	public void assertNoLintErrors() {
		List<LintFinding> errors = this.lintFindings.stream()
			.filter((finding) -> finding.severity() == LintFinding.Severity.ERROR)
			.toList();
		if (!errors.isEmpty()) {
			throw new AssertionError("The game's registrations have lint errors: " + errors);
		}
	}

	/**
	 * How many websocket connections the game opened so far.
	 * @return the count
	 */
	public int connectionCount() {
		return this.connections.size();
	}

	/**
	 * Wait until the game has opened a number of connections.
	 * @param count how many
	 * @param timeout how long to wait
	 */
	public void awaitConnections(int count, Duration timeout) {
		awaitCondition(() -> connectionCount() >= count, timeout, count + " connection(s)");
	}

	/**
	 * When the game tried to connect, refused attempts included: one {@link System#nanoTime()} per TCP connection.
	 * @return the times, oldest first
	 */
	public List<Long> connectionAttemptNanos() {
		return this.relay.acceptedNanos();
	}

	/**
	 * How many of the game's connections are open now.
	 * @return the count
	 */
	public int openConnectionCount() {
		return (int) this.connections.stream().filter(GameConnection::isOpen).count();
	}

	/**
	 * The close codes connections ended with, in the order they closed; 1006 for a connection cut without a close
	 * frame. Filled in as the embedded Neuro learns of each close: to wait for one, use {@link #awaitCloseCode} or
	 * {@link GameConnection#awaitClose}.
	 * @return the codes
	 */
	public List<Integer> closeCodes() {
		return List.copyOf(this.closeCodes);
	}

	/**
	 * Wait until the connection of the game under test closes, and check how: the current connection
	 * ({@link #connection()}) or, when none is open, the newest one.
	 * @param code the close code expected, such as 1001 (going away)
	 * @param timeout how long to wait
	 * @throws AssertionError if it does not close in time, or closes with another code
	 */
	public void awaitCloseCode(int code, Duration timeout) {
		GameConnection connection = syncedConnection().orElseGet(() -> {
			if (this.connections.isEmpty()) {
				throw new AssertionError("No game has connected to the embedded Neuro");
			}
			return this.connections.get(this.connections.size() - 1);
		});
		int closedWith = connection.awaitClose(timeout);
		if (closedWith != code) {
			throw new AssertionError("Connection " + connection.number() + " closed with code " + closedWith
					+ ", not " + code);
		}
	}

	/**
	 * How many forces were answered by a success while playing on its own.
	 * @return the count
	 */
	public long forcesPlayed() {
		return this.forcesPlayed.get();
	}

	// --- what Neuro does ----------------------------------------------------------------------------------------

	/**
	 * Execute an action and wait for its result.
	 * @param action the action's name
	 * @param data its parameters as JSON (sent as the JSON string the protocol wants), or {@code null} for none
	 * @return the result
	 * @throws AssertionError if no result comes within 10 seconds
	 */
	public ActionOutcome execute(String action, @Nullable String data) {
		return execute(action, data, Duration.ofSeconds(10));
	}

	/**
	 * Execute an action and wait for its result.
	 * @param action the action's name
	 * @param data its parameters as JSON, or {@code null} for none
	 * @param timeout how long to wait for the result
	 * @return the result
	 * @throws AssertionError if no result comes in time
	 */
	public ActionOutcome execute(String action, @Nullable String data, Duration timeout) {
		return connection().execute(action, data, timeout);
	}

	/**
	 * Execute an action without waiting.
	 * @param action the action's name
	 * @param data its parameters as JSON, or {@code null} for none
	 * @return a future completed with the result
	 */
	public CompletableFuture<ActionOutcome> executeAsync(String action, @Nullable String data) {
		return connection().executeAsync(action, data);
	}

	/**
	 * Acknowledge {@code startup}, naming who plays.
	 * @param character who plays
	 */
	public void sendStartupAcknowledgement(NeuroCharacter character) {
		connection().sendStartupAcknowledgement(character);
	}

	/**
	 * Ask the game to register all its actions again.
	 */
	public void sendReregisterAll() {
		connection().sendReregisterAll();
	}

	/**
	 * Tell the game Neuro finished speaking.
	 * @param cancelled whether she was cut short
	 */
	public void sendSpeechFinished(boolean cancelled) {
		connection().sendSpeechFinished(cancelled);
	}

	/**
	 * Ask the game to get ready to be closed at its next safe point, or cancel that.
	 * @param wantsShutdown {@code false} cancels an earlier request
	 */
	public void sendGracefulShutdown(boolean wantsShutdown) {
		connection().sendGracefulShutdown(wantsShutdown);
	}

	/**
	 * Tell the game it is about to be closed.
	 */
	public void sendImmediateShutdown() {
		connection().sendImmediateShutdown();
	}

	/**
	 * Send any text, valid or not, on the connection of the game under test ({@link #connection()}).
	 * @param text the frame
	 */
	public void sendText(String text) {
		connection().sendText(text);
	}

	/**
	 * Send a binary frame, which the Neuro API does not allow on this socket, on the connection of the game under
	 * test ({@link #connection()}).
	 * @param bytes the payload
	 */
	public void sendBinary(byte[] bytes) {
		connection().sendBinary(bytes);
	}

	/**
	 * Cut every connection at once, without a close frame, as a crash or a lost network does.
	 */
	public void dropConnections() {
		this.relay.cutAll();
	}

	/**
	 * Freeze every open connection: it stays open, and whatever either side sends on it is lost, as on a half-open
	 * connection. New connections work normally.
	 */
	public void freezeConnections() {
		this.connections.forEach((connection) -> connection.freeze(true));
		this.relay.freezeAll(true);
	}

	/**
	 * Let frozen connections carry again: what either side sends from now on arrives, as when a network recovers.
	 * What was sent while frozen stays lost. A game that has given such a connection up meanwhile sees frames arrive
	 * on a connection it no longer uses.
	 */
	public void thawConnections() {
		this.relay.freezeAll(false);
		this.connections.forEach((connection) -> connection.freeze(false));
	}

	/**
	 * Stop reading what the games send on every open connection, as a Neuro that hangs: their frames pile up in the
	 * network's buffers until their sends block. The embedded Neuro can still send. New connections are read
	 * normally.
	 * @param stopped {@code false} to read again
	 */
	public void stopReading(boolean stopped) {
		this.relay.stallUpstream(stopped);
	}

	/**
	 * Refuse new connections until told otherwise, as a server that is down does.
	 * @param refuse {@code true} to refuse, {@code false} to accept again
	 */
	public void refuseConnections(boolean refuse) {
		this.relay.refuse(refuse);
		if (refuse) {
			this.relay.cutAll();
		}
	}

	/**
	 * Stop: new connections are refused and open ones end. Closing again does nothing.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.player.shutdownNow();
		this.relay.close();
		try {
			this.tomcat.stop();
			this.tomcat.destroy();
		}
		catch (LifecycleException ex) {
			logger.debug("Error stopping the embedded Neuro: " + ex.getMessage());
		}
	}

	// --- the server -----------------------------------------------------------------------------------------------

	private static Path createBaseDir() {
		try {
			return Files.createTempDirectory("embedded-neuro");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Tomcat startTomcat(Path baseDir) {
		try {
			Tomcat server = new Tomcat();
			server.setBaseDir(baseDir.toString());
			server.setConnector(connector());
			StandardContext context = (StandardContext) server.addContext("", null);
			context.setLoader(new KitClassLoader());
			// Requests only reach the websocket upgrade filter when some servlet is mapped.
			Tomcat.addServlet(context, "default", new HttpServlet() {
			});
			context.addServletMappingDecoded("/", "default");
			context.addServletContainerInitializer(new WsSci(), null);
			context.addServletContainerInitializer((classes, servletContext) -> {
				ServerContainer container = (ServerContainer) servletContext
					.getAttribute(ServerContainer.class.getName());
				try {
					container.addEndpoint(ServerEndpointConfig.Builder.create(NeuroEndpoint.class, "/")
						.configurator(new ServerEndpointConfig.Configurator() {
							@Override
							@SuppressWarnings("unchecked")
							public <T> T getEndpointInstance(Class<T> endpointClass) {
								return (T) new NeuroEndpoint();
							}
						})
						.build());
				}
				catch (DeploymentException ex) {
					throw new ServletException(ex);
				}
			}, null);
			server.start();
			return server;
		}
		catch (LifecycleException ex) {
			throw new IllegalStateException("Cannot start the embedded Neuro", ex);
		}
	}

	/** On a free loopback port, with TLS if secure. */
	private Connector connector() {
		Connector connector = new Connector();
		connector.setPort(0);
		connector.setProperty("address", "127.0.0.1");
		if (this.certificate != null) {
			SSLHostConfig sslHostConfig = new SSLHostConfig();
			SSLHostConfigCertificate serverCertificate = new SSLHostConfigCertificate(sslHostConfig,
					SSLHostConfigCertificate.Type.RSA);
			serverCertificate.setCertificateKeystoreFile(this.certificate.keyStore().toString());
			serverCertificate.setCertificateKeystoreType("PKCS12");
			serverCertificate.setCertificateKeystorePassword(this.certificate.keyStorePassword());
			serverCertificate.setCertificateKeyAlias(SelfSignedCertificate.ALIAS);
			sslHostConfig.addCertificate(serverCertificate);
			connector.setScheme("https");
			connector.setSecure(true);
			connector.setProperty("SSLEnabled", "true");
			connector.addSslHostConfig(sslHostConfig);
		}
		return connector;
	}

	private void received(GameConnection connection, String text) {
		long receivedNanos = System.nanoTime();
		JsonNode json;
		try {
			json = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			this.lintFindings.add(new LintFinding("", "", LintFinding.Severity.ERROR, "A frame is not JSON: " + abbreviate(text)));
			return;
		}
		ReceivedFrame frame = new ReceivedFrame(connection.number(), json.path("command").asString(""), json, text,
				receivedNanos);
		logger.debug("Received " + text);
		switch (frame.command()) {
			case "startup" -> {
				connection.startupReceived();
				if (this.settings.acknowledgeAs != null) {
					connection.sendStartupAcknowledgement(this.settings.acknowledgeAs);
				}
			}
			case "actions/register" -> {
				this.lintFindings.addAll(SchemaLint.lintRegistration(frame.data()));
				connection.registered(frame.data().path("actions"));
			}
			case "actions/unregister" -> connection.unregistered(frame.data().path("action_names"));
			case "action/result" -> connection.resultReceived(frame.data());
			case "actions/force" -> {
				if (this.settings.autoPlay) {
					this.player.execute(() -> play(connection, frame.data()));
				}
			}
			default -> {
				// context, shutdown/ready and the rest are only recorded.
			}
		}
		if (this.settings.recordFrames) {
			synchronized (this.frames) {
				this.frames.add(frame);
				this.frames.notifyAll();
			}
		}
	}

	private void assertRecordingFrames() {
		if (!this.settings.recordFrames) {
			throw new IllegalStateException("This embedded Neuro does not record frames: see Builder.recordFrames");
		}
	}

	/**
	 * Answer a force: one of the forced actions with random valid data, retried on failure with a call not refused
	 * before in this force.
	 */
	private void play(GameConnection connection, JsonNode force) {
		Set<ForcedCall> refused = new HashSet<>();
		for (int attempt = 0; attempt <= this.settings.forceRetries; attempt++) {
			sleep(this.settings.autoPlayDelay);
			List<String> names = new ArrayList<>();
			force.path("action_names").forEach((name) -> {
				if (connection.registeredAction(name.asString("")).isPresent()) {
					names.add(name.asString(""));
				}
			});
			if (names.isEmpty() || !connection.isOpen()) {
				return;
			}
			ForcedCall call = newCall(connection, names, refused);
			try {
				if (connection.execute(call.name(), call.data(), Duration.ofSeconds(30)).success()) {
					this.forcesPlayed.incrementAndGet();
					return;
				}
				refused.add(call);
			}
			catch (IllegalStateException ex) {
				// The connection closed under the force: the game gets a new force on its next connection.
				return;
			}
			catch (AssertionError ex) {
				logger.warn("The game did not answer a forced action: " + ex.getMessage());
				return;
			}
		}
	}

	/**
	 * A random call unlike those refused, as Neuro, told why a call failed, does not send it again; when random
	 * draws find none, the last draw, refused or not.
	 */
	private ForcedCall newCall(GameConnection connection, List<String> names, Set<ForcedCall> refused) {
		ForcedCall call;
		int draws = 0;
		do {
			String name = names.get(this.random.nextInt(names.size()));
			JsonNode schema = connection.registeredAction(name).map((action) -> action.path("schema")).orElseThrow();
			call = new ForcedCall(name, schema.isObject() ? this.dataGenerator.generate((ObjectNode) schema) : null);
		}
		while (refused.contains(call) && ++draws < NEW_CALL_DRAWS);
		return call;
	}

	private static void awaitCondition(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Waited " + timeout + " for " + what);
			}
			sleep(Duration.ofMillis(10));
		}
	}

	static void waitOn(Object monitor, long nanos) {
		try {
			TimeUnit.NANOSECONDS.timedWait(monitor, nanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String abbreviate(String text) {
		return (text.length() <= 200) ? text : text.substring(0, 200) + "…";
	}

	/** An action Neuro calls, with its parameters, compared by value. */
	private record ForcedCall(String name, @Nullable JsonNode parameters) {

		@Nullable String data() {
			return (this.parameters != null) ? this.parameters.toString() : null;
		}

	}

	/** One game connection. */
	private final class NeuroEndpoint extends Endpoint {

		@Override
		public void onOpen(Session session, EndpointConfig config) {
			GameConnection connection;
			synchronized (EmbeddedNeuro.this.connections) {
				connection = new GameConnection(EmbeddedNeuro.this.connections.size() + 1, session,
						EmbeddedNeuro.this.ids);
				EmbeddedNeuro.this.connections.add(connection);
			}
			session.getUserProperties().put(GameConnection.class.getName(), connection);
			session.setMaxTextMessageBufferSize(1024 * 1024);
			session.addMessageHandler(String.class,
					(MessageHandler.Whole<String>) (text) -> received(connection, text));
			session.addMessageHandler(PongMessage.class,
					(MessageHandler.Whole<PongMessage>) (pong) -> connection.ponged(pong.getApplicationData()));
			session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) (bytes) -> EmbeddedNeuro.this.lintFindings
				.add(new LintFinding("", "", LintFinding.Severity.ERROR, "The game sent a binary frame; Neuro accepts text frames only")));
		}

		@Override
		public void onClose(Session session, CloseReason closeReason) {
			int code = closeReason.getCloseCode().getCode();
			EmbeddedNeuro.this.closeCodes.add(code);
			if (session.getUserProperties().get(GameConnection.class.getName()) instanceof GameConnection connection) {
				connection.closed(code);
			}
		}

	}

	/**
	 * Describes an embedded Neuro; {@link #start()} starts it.
	 */
	public static final class Builder {

		private int port;

		private boolean autoPlay;

		private Duration autoPlayDelay = Duration.ofMillis(100);

		private int forceRetries = 5;

		private @Nullable NeuroCharacter acknowledgeAs;

		private long seed = System.nanoTime();

		private boolean recordFrames = true;

		private boolean secure;

		private Builder() {
		}

		/**
		 * Speak TLS ({@code wss://}) with a throw-away self-signed certificate for {@code 127.0.0.1} (default: plain
		 * {@code ws://}). The game must be told to trust it: see {@link EmbeddedNeuro#trustStore()}.
		 * @param secure whether to use TLS
		 * @return this builder
		 */
		public Builder secure(boolean secure) {
			this.secure = secure;
			return this;
		}

		/**
		 * Listen on a fixed port (default: a free one).
		 * @param port the port, 0 for a free one
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Play on its own when forced: pick one of the forced actions and send random valid parameters; after a
		 * failure, retry with a call the game has not refused in this force (see {@link #forceRetries}).
		 * @param autoPlay whether to play
		 * @return this builder
		 */
		public Builder autoPlay(boolean autoPlay) {
			this.autoPlay = autoPlay;
			return this;
		}

		/**
		 * How long to "think" before each move when playing on its own (default 100 ms).
		 * @param delay the delay
		 * @return this builder
		 */
		public Builder autoPlayDelay(Duration delay) {
			this.autoPlayDelay = delay;
			return this;
		}

		/**
		 * How many times to retry a force whose action failed (default 5), as Neuro does. Each retry is a call the
		 * game has not refused in this force, drawn at random (up to 1000 draws, after which a refused call is sent
		 * again): for a cell on a board of nine, eight retries find the free one.
		 * @param retries the number of retries
		 * @return this builder
		 */
		public Builder forceRetries(int retries) {
			this.forceRetries = retries;
			return this;
		}

		/**
		 * Acknowledge every {@code startup}, naming who plays (default: no acknowledgement, which is allowed).
		 * @param character who plays
		 * @return this builder
		 */
		public Builder acknowledgeAs(NeuroCharacter character) {
			this.acknowledgeAs = character;
			return this;
		}

		/**
		 * Seed the random choices of auto-play, to make a run repeatable.
		 * @param seed the seed
		 * @return this builder
		 */
		public Builder seed(long seed) {
			this.seed = seed;
			return this;
		}

		/**
		 * Whether to keep every frame the game sends (default {@code true}), for {@link EmbeddedNeuro#frames()} and
		 * {@link EmbeddedNeuro#awaitFrame}. Turn it off for load tests: kept frames grow the heap by about 1 KB per
		 * action, without end. Everything else (registrations, lint findings, results) works the same.
		 * @param recordFrames {@code false} to keep no frames
		 * @return this builder
		 */
		public Builder recordFrames(boolean recordFrames) {
			this.recordFrames = recordFrames;
			return this;
		}

		/**
		 * Start the embedded Neuro.
		 * @return the started server
		 */
		public EmbeddedNeuro start() {
			return new EmbeddedNeuro(this);
		}

	}

}
