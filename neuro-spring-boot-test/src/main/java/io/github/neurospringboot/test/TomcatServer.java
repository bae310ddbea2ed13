package io.github.neurospringboot.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.modeler.Registry;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.websocket.server.WsSci;
import org.jspecify.annotations.Nullable;

/**
 * An embedded Tomcat that serves one websocket endpoint at {@code /} on a free loopback port, speaking TLS with a
 * throw-away certificate if asked to, and plain HTTP requests with a servlet if given one.
 */
final class TomcatServer implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(TomcatServer.class);

	/** Held so that the level sticks: Tomcat's start-up chatter would drown the game's own output. */
	private static final Logger TOMCAT_LOGGER = Logger.getLogger("org.apache");

	static {
		TOMCAT_LOGGER.setLevel(Level.WARNING);
		// As Spring Boot does by default (server.tomcat.mbeanregistry.enabled=false): were the registry enabled here
		// first, each web server a test starts later would warn that it cannot disable it.
		Registry.disableRegistry();
	}

	private final @Nullable SelfSignedCertificate certificate;

	private final Tomcat tomcat;

	/**
	 * Start serving.
	 * @param secure whether to speak TLS
	 * @param endpoints makes the endpoint of each new websocket connection
	 * @param http what answers plain HTTP requests, or {@code null} for none
	 */
	TomcatServer(boolean secure, Supplier<Endpoint> endpoints, @Nullable HttpServlet http) {
		Path baseDir = createBaseDir();
		this.certificate = secure ? SelfSignedCertificate.create(baseDir) : null;
		this.tomcat = start(baseDir, endpoints, http);
	}

	/**
	 * The port Tomcat listens on.
	 * @return the port
	 */
	int port() {
		return this.tomcat.getConnector().getLocalPort();
	}

	/**
	 * The throw-away certificate Tomcat speaks TLS with.
	 * @return the certificate, or {@code null} for plain websockets
	 */
	@Nullable SelfSignedCertificate certificate() {
		return this.certificate;
	}

	@Override
	public void close() {
		try {
			this.tomcat.stop();
			this.tomcat.destroy();
		}
		catch (LifecycleException ex) {
			logger.debug("Error stopping the embedded Neuro: " + ex.getMessage());
		}
	}

	private static Path createBaseDir() {
		try {
			return Files.createTempDirectory("embedded-neuro");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Tomcat start(Path baseDir, Supplier<Endpoint> endpoints, @Nullable HttpServlet http) {
		try {
			Tomcat server = new Tomcat();
			server.setBaseDir(baseDir.toString());
			server.setConnector(connector());
			StandardContext context = (StandardContext) server.addContext("", null);
			context.setLoader(new KitClassLoader());
			// Requests only reach the websocket upgrade filter when some servlet is mapped.
			Tomcat.addServlet(context, "default", (http != null) ? http : new HttpServlet() {
			});
			context.addServletMappingDecoded("/", "default");
			context.addServletContainerInitializer(new WsSci(), null);
			context.addServletContainerInitializer((classes, servletContext) -> {
				ServerContainer container = (ServerContainer) servletContext
					.getAttribute(ServerContainer.class.getName());
				try {
					container.addEndpoint(ServerEndpointConfig.Builder.create(Endpoint.class, "/")
						.configurator(new ServerEndpointConfig.Configurator() {
							@Override
							@SuppressWarnings("unchecked")
							public <T> T getEndpointInstance(Class<T> endpointClass) {
								return (T) endpoints.get();
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

}
