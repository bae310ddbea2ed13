package io.github.neurospringboot.connection;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import io.github.neurospringboot.event.NeuroConnectedEvent;
import io.github.neurospringboot.event.NeuroConnectionFailedEvent;
import io.github.neurospringboot.event.NeuroDisconnectedEvent;
import io.github.neurospringboot.test.EmbeddedNeuroExtension;
import io.github.neurospringboot.testing.RecordedEvents;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import io.github.neurospringboot.testlogging.LogLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The connection logs one line per change of state, not one per attempt: a Neuro that stays unreachable through many
 * failed attempts is reported once (WARN), reaching it again once (INFO, with the number of failed attempts), a
 * connection cut without a close frame once (WARN), and the reconnect that follows once (INFO).
 *
 * <p>Every log line is captured ({@link ExpectedLogs#everything()}); what is printed beside the log (a library
 * writing to the console directly) is captured too, for the secrets. The test that logs at TRACE runs its game as an
 * application, since {@code logging.level.*} takes Spring Boot's logging system (which also bridges Tomcat's
 * java.util.logging), and puts the levels back afterwards.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConnectionLoggingTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	/** The loggers that see the URL: Spring's websocket client, Tomcat's, and the starter. */
	private static final List<String> TRACED = List.of("org.springframework.web.socket", "org.apache.tomcat.websocket",
			"io.github.neurospringboot");

	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.everything();

	/** A fresh embedded Neuro per test, whose TCP relay refuses and cuts connections. */
	@RegisterExtension
	final EmbeddedNeuroExtension neuro = new EmbeddedNeuroExtension();

	@Test
	void credentialsInTheUrlNeverReachTheLog(CapturedOutput output) {
		this.neuro.get().refuseConnections(true);
		URI url = this.neuro.get().url();
		String withSecrets = "ws://player:hunter2@" + url.getHost() + ":" + url.getPort() + "/game?token=s3cr3t";
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NeuroAutoConfiguration.class))
			.withUserConfiguration(RecordedEvents.class)
			.withPropertyValues("neuro.game=Test Game", "neuro.url=" + withSecrets,
					"neuro.reconnect.initial-interval=100ms", "neuro.reconnect.jitter=0ms")
			.run((context) -> {
				RecordedEvents events = context.getBean(RecordedEvents.class);
				await().atMost(WAIT).until(() -> events.ofType(NeuroConnectionFailedEvent.class).size() >= 2);
				assertThat(linesOf("WARN", "Cannot reach Neuro")).singleElement()
					.asString()
					.contains("Cannot reach Neuro at ws://" + url.getHost() + ":" + url.getPort() + "/game (");
				assertThat(this.logs.text()).doesNotContain("hunter2").doesNotContain("s3cr3t");
				assertThat(output.getAll()).doesNotContain("hunter2").doesNotContain("s3cr3t");
				// Nor the events: a listener may well log the cause, stack trace and all.
				assertThat(events.ofType(NeuroConnectionFailedEvent.class)).allSatisfy((failed) -> {
					StringWriter logged = new StringWriter();
					failed.getCause().printStackTrace(new PrintWriter(logged));
					assertThat(logged.toString()).contains("DeploymentException", "ws://******@" + url.getHost())
						.doesNotContain("hunter2")
						.doesNotContain("s3cr3t");
				});
			});
	}

	@Test
	void credentialsInTheUrlNeverReachTheLogEvenAtTrace(CapturedOutput output) {
		this.neuro.get().refuseConnections(true);
		URI url = this.neuro.get().url();
		String withSecrets = "ws://u53r:hunter2@" + url.getHost() + ":" + url.getPort() + "/?token=s3cr3t";
		SpringApplicationBuilder game = new SpringApplicationBuilder(TracedGame.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "neuro.game=Test Game", "neuro.url=" + withSecrets,
					"neuro.reconnect.initial-interval=100ms", "neuro.reconnect.jitter=0ms");
		TRACED.forEach((name) -> game.properties("logging.level." + name + "=trace"));
		try (ConfigurableApplicationContext context = game.run()) {
			RecordedEvents events = context.getBean(RecordedEvents.class);
			// Two failed attempts: the second is the one logged at DEBUG, with its cause.
			await().atMost(WAIT).until(() -> events.ofType(NeuroConnectionFailedEvent.class).size() >= 2);
			this.neuro.get().refuseConnections(false);
			await().atMost(WAIT).until(() -> !events.ofType(NeuroConnectedEvent.class).isEmpty());
			assertThat(this.neuro.get().awaitFrame(WAIT).command()).isEqualTo("startup");
		}
		finally {
			LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());
			TRACED.forEach((name) -> loggingSystem.setLogLevel(name, null));
		}
		// The levels took: Spring's and Tomcat's websocket code traced, the starter logged each attempt's failure.
		assertThat(this.logs.text()).contains("Sending TextMessage", "Created WebSocket session",
				"Attempt 2 to reach Neuro failed");
		assertThat(this.logs.text()).doesNotContain("u53r").doesNotContain("hunter2").doesNotContain("s3cr3t");
		assertThat(output.getAll()).doesNotContain("u53r").doesNotContain("hunter2").doesNotContain("s3cr3t");
	}

	@Test
	void logsOneLinePerChangeOfStateNotPerFailedAttempt() {
		this.neuro.get().refuseConnections(true);
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NeuroAutoConfiguration.class))
			.withUserConfiguration(RecordedEvents.class)
			.withPropertyValues("neuro.game=Test Game", "neuro.url=" + this.neuro.get().url(),
					"neuro.reconnect.initial-interval=100ms", "neuro.reconnect.multiplier=1.5",
					"neuro.reconnect.max-interval=400ms", "neuro.reconnect.jitter=0ms")
			.run((context) -> {
				RecordedEvents events = context.getBean(RecordedEvents.class);
				String url = this.neuro.get().url().toString();
				// Each event is published after its log line is written, so waiting for events is waiting for lines.
				await().atMost(WAIT).until(() -> events.ofType(NeuroConnectionFailedEvent.class).size() >= 5);
				assertThat(linesOf("WARN", "Cannot reach Neuro")).singleElement()
					.asString()
					.contains("Cannot reach Neuro at " + url, "retrying with back-off, next attempt in 100 ms");
				assertThat(linesOf("INFO", "Connected to Neuro")).isEmpty();

				this.neuro.get().refuseConnections(false);
				await().atMost(WAIT).until(() -> events.ofType(NeuroConnectedEvent.class).size() == 1);
				int failedAttempts = events.ofType(NeuroConnectionFailedEvent.class).size();
				assertThat(linesOf("INFO", "Connected to Neuro")).singleElement()
					.asString()
					.endsWith("Connected to Neuro at " + url + " after " + failedAttempts + " failed attempt(s)");
				assertThat(linesOf("WARN", "Cannot reach Neuro")).hasSize(1);

				this.neuro.get().dropConnections();
				await().atMost(WAIT).until(() -> events.ofType(NeuroDisconnectedEvent.class).size() == 1);
				assertThat(linesOf("WARN", "Disconnected from Neuro")).singleElement()
					.asString()
					.contains("Disconnected from Neuro (", "); reconnecting now");

				await().atMost(WAIT).until(() -> events.ofType(NeuroConnectedEvent.class).size() == 2);
				assertThat(linesOf("INFO", "Connected to Neuro")).hasSize(2)
					.last()
					.asString()
					.endsWith("Connected to Neuro at " + url);
				assertThat(linesOf("WARN", "Disconnected from Neuro")).hasSize(1);
				assertThat(linesOf("WARN", "Cannot reach Neuro")).hasSize(1);
				assertThat(events.ofType(NeuroConnectionFailedEvent.class)).hasSize(failedAttempts);
			});
	}

	private List<String> linesOf(String level, String message) {
		return this.logs.lines()
			.stream()
			.filter((line) -> line.level().toString().equals(level) && line.message().contains(message))
			.map(LogLine::message)
			.toList();
	}

	/** A game run as an application, so that Spring Boot's logging system applies {@code logging.level.*}. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, NeuroAutoConfiguration.class })
	@Import(RecordedEvents.class)
	static class TracedGame {

	}

}
