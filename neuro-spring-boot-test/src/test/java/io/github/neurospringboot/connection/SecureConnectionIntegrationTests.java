package io.github.neurospringboot.connection;

import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;

import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.event.NeuroConnectedEvent;
import io.github.neurospringboot.event.NeuroConnectionFailedEvent;
import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.EmbeddedNeuroExtension;
import io.github.neurospringboot.test.TrustStore;
import io.github.neurospringboot.testing.RecordedEvents;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code wss://} against a secure {@link EmbeddedNeuro}, a real TLS websocket server on loopback whose certificate is
 * self-signed: with the certificate in the SSL bundle named by {@code neuro.websocket.ssl-bundle} the game connects
 * and speaks the protocol over TLS; without it the JVM's default trust store rejects the server, and the application
 * starts anyway and reports each failed attempt, its cause naming the certificate problem.
 */
class SecureConnectionIntegrationTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(NeuroConnection.class);

	private static final Duration WAIT = Duration.ofSeconds(10);

	/** A fresh secure embedded Neuro per test, with a certificate of its own. */
	@RegisterExtension
	final EmbeddedNeuroExtension neuro = new EmbeddedNeuroExtension(EmbeddedNeuro.builder().secure(true));

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, SslAutoConfiguration.class,
					NeuroAutoConfiguration.class))
			.withUserConfiguration(RecordedEvents.class)
			.withPropertyValues("neuro.game=Test Game", "neuro.url=" + this.neuro.get().url(),
					"neuro.reconnect.initial-interval=100ms", "neuro.reconnect.multiplier=1.5",
					"neuro.reconnect.max-interval=400ms", "neuro.reconnect.jitter=0ms");
	}

	@Test
	void wssWithTheServerCertificateInTheSslBundleConnectsAndSpeaksTheProtocol() {
		TrustStore trustStore = this.neuro.get().trustStore();
		runner()
			.withPropertyValues("spring.ssl.bundle.jks.neuro.truststore.location=" + trustStore.path().toUri(),
					"spring.ssl.bundle.jks.neuro.truststore.password=" + trustStore.password(),
					"spring.ssl.bundle.jks.neuro.truststore.type=PKCS12", "neuro.websocket.ssl-bundle=neuro")
			.run((context) -> {
				assertThat(this.neuro.get().url()).hasScheme("wss");
				NeuroClient client = context.getBean(NeuroClient.class);
				JSONAssert.assertEquals("{\"command\":\"startup\",\"game\":\"Test Game\"}",
						this.neuro.get().awaitFrame(WAIT).text(), JSONCompareMode.STRICT);
				await().atMost(WAIT).until(client::isConnected);

				client.registerWithoutHandler(new ActionDefinition("end_turn", "End your turn.", null));
				JSONAssert.assertEquals("""
						{"command":"actions/register","game":"Test Game","data":{"actions":[
						  {"name":"end_turn","description":"End your turn."}]}}""",
						this.neuro.get().awaitFrame(WAIT).text(), JSONCompareMode.STRICT);
				RecordedEvents events = context.getBean(RecordedEvents.class);
				await().atMost(WAIT).until(() -> !events.ofType(NeuroConnectedEvent.class).isEmpty());
				assertThat(events.ofType(NeuroConnectedEvent.class)).singleElement()
					.satisfies((event) -> assertThat(event.getUrl()).isEqualTo(this.neuro.get().url()));
				assertThat(events.ofType(NeuroConnectionFailedEvent.class)).isEmpty();
				assertThat(this.neuro.get().connectionCount()).isEqualTo(1);
				this.neuro.get().assertNoLintErrors();
			});
	}

	@Test
	void withoutTheSslBundleTheJvmTrustStoreRejectsTheSelfSignedServer() {
		runner().run((context) -> {
			assertThat(context).hasNotFailed();
			RecordedEvents events = context.getBean(RecordedEvents.class);
			await().atMost(WAIT).until(() -> events.ofType(NeuroConnectionFailedEvent.class).size() >= 3);

			assertThat(context.getBean(NeuroClient.class).isConnected()).isFalse();
			assertThat(this.neuro.get().connectionCount()).isZero();
			assertThat(events.ofType(NeuroConnectedEvent.class)).isEmpty();
			assertThat(events.ofType(NeuroConnectionFailedEvent.class)).allSatisfy((failure) -> {
				assertThat(causeChain(failure.getCause())).hasAtLeastOneElementOfType(SSLHandshakeException.class);
				assertThat(failure.getCause()).hasRootCauseInstanceOf(CertPathBuilderException.class)
					.rootCause()
					.hasMessageContaining("unable to find valid certification path");
				assertThat(failure.getNextAttemptIn()).isPresent();
			});
		});
	}

	private static List<Throwable> causeChain(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			chain.add(cause);
		}
		return chain;
	}

}
