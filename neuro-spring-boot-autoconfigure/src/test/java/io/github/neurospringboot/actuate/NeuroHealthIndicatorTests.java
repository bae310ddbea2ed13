package io.github.neurospringboot.actuate;

import java.io.IOException;

import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.event.NeuroDisconnectedEvent;
import io.github.neurospringboot.testing.SilentNeuro;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the reasons {@link NeuroHealthIndicator} gives while the connection to Neuro is down. The connection is
 * real and running: it waits on a loopback socket that accepts but never answers the handshake, so nothing but the
 * events a test publishes changes the reason.
 */
class NeuroHealthIndicatorTests {

	private SilentNeuro silentNeuro;

	private ApplicationContextRunner runner;

	@BeforeEach
	void silentNeuro() throws IOException {
		this.silentNeuro = new SilentNeuro();
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NeuroAutoConfiguration.class,
					NeuroActuatorAutoConfiguration.class))
			.withPropertyValues("neuro.game=Test Game", "neuro.websocket.connect-timeout=5m",
					"neuro.url=" + this.silentNeuro.url());
	}

	@AfterEach
	void closeSilentNeuro() throws IOException {
		this.silentNeuro.close();
	}

	@Test
	void lostConnectionNamesItsCloseCodeOnce() {
		// The reason as the connection words it, code first
		this.runner.run(disconnected(1011, "code 1011, Server error", true)
			.andThen(reason("Disconnected from Neuro (close code 1011, Server error); reconnecting.")));
	}

	@Test
	void lostConnectionWithoutAReasonNamesItsCloseCode() {
		this.runner.run(disconnected(1006, "code 1006", true)
			.andThen(reason("Disconnected from Neuro (close code 1006); reconnecting.")));
	}

	@Test
	void reasonThatDoesNotNameTheCodeFollowsIt() {
		this.runner.run(disconnected(1001, "The application is stopping", false)
			.andThen(reason("Disconnected from Neuro (close code 1001, The application is stopping); not reconnecting.")));
	}

	private ContextConsumer<AssertableApplicationContext> disconnected(int closeCode, String reason,
			boolean willReconnect) {
		return (context) -> {
			assertThat(context.getBean(NeuroConnection.class).isRunning()).isTrue();
			context.publishEvent(new NeuroDisconnectedEvent(this, closeCode, reason, willReconnect));
		};
	}

	private ContextConsumer<AssertableApplicationContext> reason(String reason) {
		return (context) -> {
			Health health = context.getBean(NeuroHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", reason);
		};
	}

}
