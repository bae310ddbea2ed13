package io.github.neurospringboot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.websocket.server.WsSci;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A websocket server on loopback that plays Neuro in tests: it records every frame the game sends, per connection,
 * and sends whatever a test tells it to. Runs a real Tomcat websocket endpoint, over plain TCP ({@link #start()}) or
 * over TLS with a self-signed certificate made for the occasion ({@link #startSecure()}).
 */
public final class FakeNeuroServer implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.shared();

	/** The password of the key store and trust store of {@link #startSecure()} (keytool wants six characters). */
	private static final String STORE_PASSWORD = "fake-neuro";

	private static final String KEY_ALIAS = "fake-neuro";

	/** Held so that the level sticks: Tomcat's start-up chatter would drown the test output. */
	private static final Logger TOMCAT_LOGGER = Logger.getLogger("org.apache");

	static {
		TOMCAT_LOGGER.setLevel(Level.WARNING);
	}

	private final Tomcat tomcat;

	private final @Nullable TrustStore trustStore;

	private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();

	private final List<Frame> allFrames = new CopyOnWriteArrayList<>();

	private final List<Session> sessions = new CopyOnWriteArrayList<>();

	private final List<CloseReason> closeReasons = new CopyOnWriteArrayList<>();

	private final AtomicInteger binaryFrames = new AtomicInteger();

	private FakeNeuroServer(Tomcat tomcat, @Nullable TrustStore trustStore) {
		this.tomcat = tomcat;
		this.trustStore = trustStore;
	}

	/**
	 * Start a server on a free loopback port.
	 * @return the started server
	 */
	public static FakeNeuroServer start() {
		Tomcat tomcat = new Tomcat();
		tomcat.setBaseDir(createBaseDir().toString());
		tomcat.setPort(0);
		tomcat.getConnector().setProperty("address", "127.0.0.1");
		return launch(tomcat, null);
	}

	/**
	 * Start a server that speaks TLS ({@code wss://}) on a free loopback port. Its certificate is self-signed, made
	 * with the JDK's {@code keytool} for {@code IP:127.0.0.1}, so no client trusts it until told to with
	 * {@link #trustStore()}.
	 * @return the started server
	 */
	public static FakeNeuroServer startSecure() {
		Path baseDir = createBaseDir();
		Path keyStore = baseDir.resolve("server.p12");
		Path certificate = baseDir.resolve("server.pem");
		TrustStore trustStore = new TrustStore(baseDir.resolve("trust.p12"), STORE_PASSWORD);
		keytool("-genkeypair", "-alias", KEY_ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
				"-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-storetype", "PKCS12", "-keystore",
				keyStore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
		keytool("-exportcert", "-rfc", "-alias", KEY_ALIAS, "-keystore", keyStore.toString(), "-storepass",
				STORE_PASSWORD, "-file", certificate.toString());
		keytool("-importcert", "-noprompt", "-alias", KEY_ALIAS, "-file", certificate.toString(), "-storetype",
				"PKCS12", "-keystore", trustStore.path().toString(), "-storepass", STORE_PASSWORD);

		SSLHostConfig sslHostConfig = new SSLHostConfig();
		SSLHostConfigCertificate serverCertificate = new SSLHostConfigCertificate(sslHostConfig,
				SSLHostConfigCertificate.Type.RSA);
		serverCertificate.setCertificateKeystoreFile(keyStore.toString());
		serverCertificate.setCertificateKeystoreType("PKCS12");
		serverCertificate.setCertificateKeystorePassword(STORE_PASSWORD);
		serverCertificate.setCertificateKeyAlias(KEY_ALIAS);
		sslHostConfig.addCertificate(serverCertificate);
		Connector connector = new Connector();
		connector.setPort(0);
		connector.setProperty("address", "127.0.0.1");
		connector.setScheme("https");
		connector.setSecure(true);
		connector.setProperty("SSLEnabled", "true");
		connector.addSslHostConfig(sslHostConfig);

		Tomcat tomcat = new Tomcat();
		tomcat.setBaseDir(baseDir.toString());
		tomcat.setConnector(connector);
		return launch(tomcat, trustStore);
	}

	private static Path createBaseDir() {
		try {
			return Files.createTempDirectory("fake-neuro");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Run the JDK's keytool, the one next to the running JVM. */
	private static void keytool(String... arguments) {
		boolean windows = System.getProperty("os.name").startsWith("Windows");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", windows ? "keytool.exe" : "keytool").toString());
		command.addAll(List.of(arguments));
		try {
			Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
			// keytool gets no input: a prompt fails at once instead of waiting forever.
			keytool.getOutputStream().close();
			String output = new String(keytool.getInputStream().readAllBytes());
			if (keytool.waitFor() != 0) {
				throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static FakeNeuroServer launch(Tomcat tomcat, @Nullable TrustStore trustStore) {
		try {
			FakeNeuroServer server = new FakeNeuroServer(tomcat, trustStore);
			Context context = tomcat.addContext("", null);
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
							return (T) server.new NeuroEndpoint();
						}
					})
					.build());
				}
				catch (DeploymentException ex) {
					throw new ServletException(ex);
				}
			}, null);
			tomcat.start();
			return server;
		}
		catch (LifecycleException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The server's port.
	 * @return the local port
	 */
	public int port() {
		return this.tomcat.getConnector().getLocalPort();
	}

	/**
	 * The URL to connect to.
	 * @return a ws:// URL on loopback, or a wss:// one if the server was started with {@link #startSecure()}
	 */
	public URI url() {
		return URI.create(((this.trustStore != null) ? "wss" : "ws") + "://127.0.0.1:" + port() + "/");
	}

	/**
	 * A trust store that holds this server's self-signed certificate, for a client to trust the server with.
	 * @return the trust store
	 * @throws IllegalStateException if the server was not started with {@link #startSecure()}
	 */
	public TrustStore trustStore() {
		if (this.trustStore == null) {
			throw new IllegalStateException("The server was not started with TLS");
		}
		return this.trustStore;
	}

	/**
	 * How many websocket connections were opened so far.
	 * @return the count
	 */
	public int connectionCount() {
		return this.sessions.size();
	}

	/**
	 * Wait for the next frame the game sends.
	 * @param timeout how long to wait
	 * @return the frame
	 * @throws AssertionError if none arrives in time
	 */
	public Frame nextFrame(Duration timeout) {
		try {
			Frame frame = this.frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (frame == null) {
				throw new AssertionError("No frame from the game within " + timeout);
			}
			return frame;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/**
	 * Wait for the next frame, skipping frames of other commands.
	 * @param command the command wanted
	 * @param timeout how long to wait in all
	 * @return the frame
	 */
	public Frame nextFrame(String command, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			Frame frame = nextFrame(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
			if (command.equals(frame.command())) {
				return frame;
			}
		}
	}

	/**
	 * Frames received so far and not yet taken with {@link #nextFrame}.
	 * @return the pending frames, oldest first
	 */
	public List<Frame> drainFrames() {
		List<Frame> drained = new ArrayList<>();
		this.frames.drainTo(drained);
		return drained;
	}

	/**
	 * Every frame received on every connection, in arrival order.
	 * @return the frames
	 */
	public List<Frame> allFrames() {
		return List.copyOf(this.allFrames);
	}

	/**
	 * The close reasons the game sent, one per connection it closed.
	 * @return the reasons
	 */
	public List<CloseReason> closeReasons() {
		return List.copyOf(this.closeReasons);
	}

	/**
	 * How many binary frames the game sent (the protocol allows none).
	 * @return the count
	 */
	public int binaryFrameCount() {
		return this.binaryFrames.get();
	}

	/**
	 * Send a text frame on the newest connection.
	 * @param json the frame
	 */
	public void send(String json) {
		try {
			Session session = newestSession();
			synchronized (session) {
				session.getBasicRemote().sendText(json);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Send a binary frame on the newest connection.
	 * @param bytes the payload
	 */
	public void sendBinary(byte[] bytes) {
		try {
			Session session = newestSession();
			synchronized (session) {
				session.getBasicRemote().sendBinary(ByteBuffer.wrap(bytes));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Session newestSession() {
		if (this.sessions.isEmpty()) {
			throw new IllegalStateException("No game has connected");
		}
		return this.sessions.get(this.sessions.size() - 1);
	}

	@Override
	public void close() {
		try {
			this.tomcat.stop();
			this.tomcat.destroy();
		}
		catch (LifecycleException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A PKCS12 trust store file.
	 *
	 * @param path where it is
	 * @param password its password
	 */
	public record TrustStore(Path path, String password) {

	}

	/** Every schema a game registers goes to the suite-wide audit of Neuro's dialect. */
	private static void auditSchemas(Frame frame) {
		if ("actions/register".equals(frame.command())) {
			for (JsonNode action : frame.json().at("/data/actions")) {
				if (action.has("schema")) {
					SchemaAudit.recordActionSchema("registered " + action.path("name").asString(), action.get("schema"));
				}
			}
		}
	}

	/**
	 * One text frame the game sent.
	 *
	 * @param connection which connection it came on, from 1
	 * @param text the frame as sent
	 * @param receivedNanos when it arrived ({@link System#nanoTime()})
	 */
	public record Frame(int connection, String text, long receivedNanos) {

		/**
		 * The frame parsed.
		 * @return the JSON
		 */
		public JsonNode json() {
			return JSON.readTree(this.text);
		}

		/**
		 * The frame's command.
		 * @return the command
		 */
		public String command() {
			return json().path("command").asString();
		}

	}

	private final class NeuroEndpoint extends Endpoint {

		@Override
		public void onOpen(Session session, EndpointConfig config) {
			FakeNeuroServer.this.sessions.add(session);
			int connection = FakeNeuroServer.this.sessions.size();
			session.setMaxTextMessageBufferSize(1024 * 1024);
			session.addMessageHandler(String.class, (MessageHandler.Whole<String>) (text) -> {
				Frame frame = new Frame(connection, text, System.nanoTime());
				auditSchemas(frame);
				FakeNeuroServer.this.allFrames.add(frame);
				FakeNeuroServer.this.frames.add(frame);
			});
			session.addMessageHandler(ByteBuffer.class,
					(MessageHandler.Whole<ByteBuffer>) (bytes) -> FakeNeuroServer.this.binaryFrames.incrementAndGet());
		}

		@Override
		public void onClose(Session session, CloseReason closeReason) {
			FakeNeuroServer.this.closeReasons.add(closeReason);
		}

	}

}
