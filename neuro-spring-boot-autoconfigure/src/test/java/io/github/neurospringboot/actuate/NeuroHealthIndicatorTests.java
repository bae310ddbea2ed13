package io.github.neurospringboot.actuate;

import java.net.URI;

import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.event.NeuroDisconnectedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for the reasons {@link NeuroHealthIndicator} gives while the connection to Neuro is down.
 */
class NeuroHealthIndicatorTests {

	private final NeuroConnection connection = mock(NeuroConnection.class);

	private final NeuroClient client = mock(NeuroClient.class);

	private final NeuroHealthIndicator indicator = new NeuroHealthIndicator(this.connection, this.client);

	@BeforeEach
	void reconnecting() {
		given(this.connection.getUrl()).willReturn(URI.create("ws://127.0.0.1:8000/"));
		given(this.connection.isRunning()).willReturn(true);
		given(this.client.game()).willReturn("Test Game");
	}

	@Test
	void lostConnectionNamesItsCloseCodeOnce() {
		// The reason as the connection words it, code first
		disconnected(1011, "code 1011, Server error", true);
		assertReason("Disconnected from Neuro (close code 1011, Server error); reconnecting.");
	}

	@Test
	void lostConnectionWithoutAReasonNamesItsCloseCode() {
		disconnected(1006, "code 1006", true);
		assertReason("Disconnected from Neuro (close code 1006); reconnecting.");
	}

	@Test
	void reasonThatDoesNotNameTheCodeFollowsIt() {
		disconnected(1001, "The application is stopping", false);
		assertReason("Disconnected from Neuro (close code 1001, The application is stopping); not reconnecting.");
	}

	private void disconnected(int closeCode, String reason, boolean willReconnect) {
		this.indicator.onApplicationEvent(new NeuroDisconnectedEvent(this, closeCode, reason, willReconnect));
	}

	private void assertReason(String reason) {
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("reason", reason);
	}

}
