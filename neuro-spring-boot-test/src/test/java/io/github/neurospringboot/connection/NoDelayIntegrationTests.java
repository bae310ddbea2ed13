package io.github.neurospringboot.connection;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.time.Duration;

import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.TrustStore;
import io.github.neurospringboot.testing.TestGames;
import jakarta.websocket.Session;
import org.assertj.core.util.introspection.PropertyOrFieldSupport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The game's socket has Nagle's algorithm off ({@code TCP_NODELAY}), over {@code ws://} and {@code wss://}, so that
 * the second of two small frames sent back-to-back does not wait for the first to be acknowledged. The option is
 * read from the game's own socket, which Tomcat's client keeps in private fields, once the game has connected to an
 * embedded Neuro (a real websocket server on loopback).
 */
class NoDelayIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void plainConnectionHasNoDelay() {
		try (EmbeddedNeuro neuro = EmbeddedNeuro.start()) {
			TestGames.connectedTo(neuro).run((context) -> assertThat(noDelay(connected(context))).isTrue());
		}
	}

	@Test
	void secureConnectionHasNoDelay() {
		try (EmbeddedNeuro neuro = EmbeddedNeuro.builder().secure(true).start()) {
			TrustStore trustStore = neuro.trustStore();
			TestGames.connectedTo(neuro)
				.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
				.withPropertyValues("spring.ssl.bundle.jks.neuro.truststore.location=" + trustStore.path().toUri(),
						"spring.ssl.bundle.jks.neuro.truststore.password=" + trustStore.password(),
						"spring.ssl.bundle.jks.neuro.truststore.type=PKCS12", "neuro.websocket.ssl-bundle=neuro")
				.run((context) -> {
					assertThat(neuro.url()).hasScheme("wss");
					assertThat(noDelay(connected(context))).isTrue();
				});
		}
	}

	private static WebSocketLink connected(AssertableApplicationContext context) {
		await().atMost(WAIT).until(() -> context.getBean(NeuroClient.class).isConnected());
		WebSocketLink link = context.getBean(NeuroConnection.class).currentLink();
		assertThat(link).isNotNull();
		return link;
	}

	/** Tomcat's {@code WsSession.wsRemoteEndpoint.channel.socketChannel}, plain or under TLS alike. */
	private static boolean noDelay(WebSocketLink link) throws IOException {
		WebSocketSession spring = WebSocketSessionDecorator.unwrap(link.session());
		Session session = ((NativeWebSocketSession) spring).getNativeSession(Session.class);
		Object socket = PropertyOrFieldSupport.EXTRACTION.getValueOf("wsRemoteEndpoint.channel.socketChannel", session);
		assertThat(socket).isInstanceOf(NetworkChannel.class);
		return ((NetworkChannel) socket).getOption(StandardSocketOptions.TCP_NODELAY);
	}

}
