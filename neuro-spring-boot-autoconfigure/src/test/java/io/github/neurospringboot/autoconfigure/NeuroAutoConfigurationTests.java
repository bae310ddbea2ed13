package io.github.neurospringboot.autoconfigure;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.protocol.ForceActions;
import io.github.neurospringboot.protocol.NeuroMessageCodec;
import io.github.neurospringboot.protocol.NeuroSession;
import io.github.neurospringboot.testing.StartupFailureAnalysis;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration's beans, conditions, properties and startup failures.
 */
class NeuroAutoConfigurationTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(AnnotationConfigApplicationContext.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NeuroAutoConfiguration.class))
		.withPropertyValues("neuro.auto-startup=false");

	@Test
	void definesTheConnectionAndTheClient() {
		this.runner.withPropertyValues("neuro.game=Test Game").run((context) -> {
			assertThat(context).hasSingleBean(NeuroClient.class)
				.hasSingleBean(NeuroConnection.class)
				.hasSingleBean(NeuroMessageCodec.class)
				.hasSingleBean(NeuroConnectionDetails.class);
			assertThat(context.getBean(NeuroClient.class).game()).isEqualTo("Test Game");
			assertThat(context.getBean(NeuroConnection.class).isRunning()).isFalse();
		});
	}

	@Test
	void usesTheApplicationsJsonMapper() {
		this.runner.withPropertyValues("neuro.game=Test Game").run((context) -> {
			NeuroMessageCodec codec = context.getBean(NeuroMessageCodec.class);
			assertThat(codec).extracting("mapper").isSameAs(context.getBean(JsonMapper.class));
		});
	}

	@Test
	void connectsOnStartupUnlessToldNotTo() {
		this.runner.withPropertyValues("neuro.game=Test Game", "neuro.auto-startup=true")
			.run((context) -> assertThat(context.getBean(NeuroConnection.class).isRunning()).isTrue());
	}

	@Test
	void isOffWhenDisabled() {
		this.runner.withPropertyValues("neuro.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(NeuroClient.class)
				.doesNotHaveBean(NeuroConnection.class));
	}

	@Test
	void isOffWithoutAWebSocketClient() {
		this.runner.withPropertyValues("neuro.game=Test Game")
			.withClassLoader(new FilteredClassLoader(StandardWebSocketClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(NeuroClient.class));
	}

	@Test
	void backsOffForTheApplicationsOwnConnectionDetails() {
		this.runner.withPropertyValues("neuro.game=Test Game", "neuro.url=ws://127.0.0.1:1/ignored")
			.withBean(NeuroConnectionDetails.class, () -> () -> URI.create("ws://127.0.0.1:9/mine"))
			.run((context) -> assertThat(context.getBean(NeuroConnection.class).getUrl())
				.isEqualTo(URI.create("ws://127.0.0.1:9/mine")));
	}

	@Test
	void gameNameFallsBackToTheApplicationName() {
		this.runner.withPropertyValues("spring.application.name=Tic Tac Toe")
			.run((context) -> assertThat(context.getBean(NeuroClient.class).game()).isEqualTo("Tic Tac Toe"));
	}

	@Test
	void missingGameNameFailsStartupNamingTheProperty() {
		this.runner.run((context) -> assertFailureAnalysis(context,
				"Configuration property 'neuro.game' is not set: Neuro needs the game's name, and "
						+ "spring.application.name is not set either.",
				"Set neuro.game (or spring.application.name) to the name Neuro should see, such as 'Tic Tac Toe', or "
						+ "set neuro.enabled=false to run without Neuro."));
	}

	@Test
	void blankGameNameFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("neuro.game=")
			.run((context) -> assertFailureAnalysis(context,
					"Invalid value '' for configuration property 'neuro.game': the game's name must not be blank.",
					"Set neuro.game to the name Neuro should see, such as 'Tic Tac Toe'."));
	}

	@Test
	void urlDefaultsToTheLocalMockServers() {
		this.runner.withPropertyValues("neuro.game=Test Game")
			.run((context) -> assertThat(context.getBean(NeuroConnection.class).getUrl())
				.isEqualTo(URI.create("ws://localhost:8000")));
	}

	@Test
	void urlComesFromTheEnvironmentVariableWhenThePropertyIsUnset() {
		this.runner.withPropertyValues("neuro.game=Test Game")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource("systemEnvironment",
						Map.of("NEURO_SDK_WS_URL", "wss://neuro.example:8443/game/x?session=1"))))
			.run((context) -> assertThat(context.getBean(NeuroConnection.class).getUrl())
				.isEqualTo(URI.create("wss://neuro.example:8443/game/x?session=1")));
	}

	@Test
	void urlPropertyWinsOverTheEnvironmentVariable() {
		this.runner.withPropertyValues("neuro.game=Test Game", "neuro.url=ws://127.0.0.1:9000")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource("systemEnvironment",
						Map.of("NEURO_SDK_WS_URL", "ws://elsewhere:1"))))
			.run((context) -> assertThat(context.getBean(NeuroConnection.class).getUrl())
				.isEqualTo(URI.create("ws://127.0.0.1:9000")));
	}

	@Test
	void nonWebSocketUrlFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("neuro.game=Test Game", "neuro.url=http://localhost:8000")
			.run((context) -> assertFailureAnalysis(context,
					"Invalid value 'http://localhost:8000' for configuration property 'neuro.url': Neuro is reached "
							+ "over a websocket.",
					"Set neuro.url to a ws:// or wss:// URL with a host, such as ws://localhost:8000."));
	}

	@Test
	void malformedUrlFailsStartupWithItsCredentialsMasked() {
		this.runner
			.withPropertyValues("neuro.game=Test Game", "neuro.url=ws://player:hunter2@bad host/?token=s3cr3t")
			.run((context) -> {
				assertFailureAnalysis(context,
						"Invalid value 'ws://******@bad host/?******' for configuration property 'neuro.url': it is "
								+ "not a valid URL (Illegal character in authority).",
						"Set neuro.url to a ws:// or wss:// URL with a host, such as ws://localhost:8000.");
				assertNoSecretIn(context.getStartupFailure());
			});
	}

	@Test
	void urlWithoutAHostFailsStartupWithItsCredentialsMasked() {
		this.runner.withPropertyValues("neuro.game=Test Game", "neuro.url=ws://player:hunter2@/game?token=s3cr3t")
			.run((context) -> {
				assertFailureAnalysis(context,
						"Invalid value 'ws://******@/game?******' for configuration property 'neuro.url': it names "
								+ "no host.",
						"Set neuro.url to a ws:// or wss:// URL with a host, such as ws://localhost:8000.");
				assertNoSecretIn(context.getStartupFailure());
			});
	}

	@Test
	void urlKeepsItsEscapes() {
		this.runner.withPropertyValues("neuro.game=Test Game", "neuro.url=ws://127.0.0.1:9000/game?token=a%2Bb")
			.run((context) -> assertThat(context.getBean(NeuroConnection.class).getUrl())
				.isEqualTo(URI.create("ws://127.0.0.1:9000/game?token=a%2Bb")));
	}

	@Test
	void blankUrlPropertyFallsBackToTheEnvironmentVariable() {
		this.runner.withPropertyValues("neuro.game=Test Game", "neuro.url=")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource("systemEnvironment",
						Map.of("NEURO_SDK_WS_URL", "ws://127.0.0.1:9001"))))
			.run((context) -> assertThat(context.getBean(NeuroConnection.class).getUrl())
				.isEqualTo(URI.create("ws://127.0.0.1:9001")));
	}

	@Test
	void malformedEnvironmentVariableFailsStartupNamingItWithItsCredentialsMasked() {
		this.runner.withPropertyValues("neuro.game=Test Game")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource("systemEnvironment",
						Map.of("NEURO_SDK_WS_URL", "ws://player:hunter2@bad host/?token=s3cr3t"))))
			.run((context) -> {
				assertFailureAnalysis(context,
						"Invalid value 'ws://******@bad host/?******' for environment variable 'NEURO_SDK_WS_URL': it "
								+ "is not a valid URL (Illegal character in authority).",
						"Set NEURO_SDK_WS_URL to a ws:// or wss:// URL with a host, such as ws://localhost:8000, or set "
								+ "neuro.url instead.");
				assertNoSecretIn(context.getStartupFailure());
			});
	}

	@Test
	void sslBundleWithoutAnySslBundleFailsStartupNamingTheProperty() {
		this.runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("neuro.game=Test Game", "neuro.websocket.ssl-bundle=missing")
			.run((context) -> assertFailureAnalysis(context,
					"Invalid value 'missing' for configuration property 'neuro.websocket.ssl-bundle': no SSL bundles "
							+ "are configured.",
					"Define the bundle under spring.ssl.bundle, such as spring.ssl.bundle.jks.missing.truststore."
							+ "location, or remove neuro.websocket.ssl-bundle to trust the JVM's trust store."));
	}

	@Test
	void unknownSslBundleFailsStartupNamingTheBundlesThereAre() {
		this.runner.withBean(SslBundles.class, () -> new DefaultSslBundleRegistry("neuro", SslBundle.systemDefault()))
			.withPropertyValues("neuro.game=Test Game", "neuro.websocket.ssl-bundle=nuero")
			.run((context) -> assertFailureAnalysis(context,
					"Invalid value 'nuero' for configuration property 'neuro.websocket.ssl-bundle': no SSL bundle has "
							+ "that name (the bundles are neuro).",
					"Define the bundle under spring.ssl.bundle, such as spring.ssl.bundle.jks.nuero.truststore."
							+ "location, or remove neuro.websocket.ssl-bundle to trust the JVM's trust store."));
	}

	@Test
	void resultTimeoutNeuroWouldNotWaitForFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("neuro.game=Test Game", "neuro.actions.result-timeout=25s")
			.run((context) -> assertFailureAnalysis(context,
					"Invalid value '25s' for configuration property 'neuro.actions.result-timeout': Neuro waits only "
							+ "a little over 20 seconds for a result, frozen, then takes the action as failed and does "
							+ "not retry its force.",
					"Set neuro.actions.result-timeout to a positive duration of at most 20s; for longer work, answer "
							+ "at once and report the outcome with a context message."));
	}

	@Test
	void resultTimeoutThatLeavesNoTimeFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("neuro.game=Test Game", "neuro.actions.result-timeout=0s")
			.run((context) -> assertThat(StartupFailureAnalysis.of(context).getDescription()).isEqualTo(
					"Invalid value '0s' for configuration property 'neuro.actions.result-timeout': it must be "
							+ "positive."));
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			neuro.websocket.connect-timeout       | 0s    | it must be positive                         | a positive duration
			neuro.websocket.ping-interval         | -15s  | it must be positive                         | a positive duration
			neuro.websocket.send-time-limit       | 0ms   | it must be positive                         | a positive duration
			neuro.websocket.send-buffer-size-limit| 0KB   | it must be positive                         | a positive size
			neuro.websocket.max-text-message-size | 0     | it must be positive                         | a positive size
			neuro.websocket.max-text-message-size | 3GB   | it is more than the 2GB a websocket buffer can hold | a positive size of at most 2047MB
			neuro.reconnect.initial-interval      | 0s    | it must be positive                         | a positive duration
			neuro.reconnect.max-interval          | -1s   | it must be positive                         | a positive duration
			neuro.reconnect.multiplier            | 0.5   | the delay between attempts must not shrink  | 1 or more
			neuro.reconnect.jitter                | -1s   | it must not be negative                     | zero or a positive duration
			""")
	void outOfRangeTransportPropertyFailsStartupNamingIt(String property, String value, String reason,
			String wanted) {
		this.runner.withPropertyValues("neuro.game=Test Game", property + "=" + value)
			.run((context) -> assertFailureAnalysis(context,
					"Invalid value '" + value + "' for configuration property '" + property + "': " + reason + ".",
					"Set " + property + " to " + wanted + ", or remove it to use the default."));
	}

	@Test
	void bindsEveryProperty() {
		this.runner
			.withPropertyValues("neuro.game=Test Game", "neuro.reconnect.enabled=false",
					"neuro.reconnect.initial-interval=2s", "neuro.reconnect.multiplier=3",
					"neuro.reconnect.max-interval=1m", "neuro.reconnect.jitter=0", "neuro.websocket.connect-timeout=3s",
					"neuro.websocket.ping-interval=5s", "neuro.websocket.send-time-limit=4s",
					"neuro.websocket.send-buffer-size-limit=1MB", "neuro.websocket.max-text-message-size=2MB")
			.run((context) -> {
				NeuroProperties properties = context.getBean(NeuroProperties.class);
				assertThat(properties.reconnect().enabled()).isFalse();
				assertThat(properties.reconnect().initialInterval()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.reconnect().multiplier()).isEqualTo(3.0);
				assertThat(properties.reconnect().maxInterval()).isEqualTo(Duration.ofMinutes(1));
				assertThat(properties.reconnect().jitter()).isZero();
				assertThat(properties.websocket().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.websocket().pingInterval()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.websocket().sendTimeLimit()).isEqualTo(Duration.ofSeconds(4));
				assertThat(properties.websocket().sendBufferSizeLimit().toMegabytes()).isEqualTo(1);
				assertThat(properties.websocket().maxTextMessageSize().toMegabytes()).isEqualTo(2);
			});
	}

	@Test
	void generatesMetadataWithDescriptionsAndDefaults() throws Exception {
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).as("generated configuration metadata").isNotNull();
			JsonNode properties = JsonMapper.shared().readTree(metadata).get("properties");
			assertThat(properties.findValuesAsString("name")).contains("neuro.enabled", "neuro.game", "neuro.url",
					"neuro.auto-startup", "neuro.reconnect.initial-interval", "neuro.websocket.ping-interval",
					"neuro.websocket.ssl-bundle", "neuro.actions.result-timeout", "management.health.neuro.enabled");
			for (JsonNode property : properties) {
				assertThat(property.path("description").asString()).as(property.get("name").asString()).isNotBlank();
			}
			JsonNode initialInterval = properties.valueStream()
				.filter((property) -> property.get("name").asString().equals("neuro.reconnect.initial-interval"))
				.findFirst()
				.orElseThrow();
			assertThat(initialInterval.get("defaultValue").asString()).isEqualTo("1s");
		}
	}

	private static void assertFailureAnalysis(AssertableApplicationContext context, String description,
			String action) {
		FailureAnalysis analysis = StartupFailureAnalysis.of(context);
		assertThat(analysis.getDescription()).isEqualTo(description);
		assertThat(analysis.getAction()).isEqualTo(action);
	}

	/** Neither the user-info nor the query value, in any message of the failure or of its causes. */
	private static void assertNoSecretIn(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			assertThat(cause.getMessage()).as(cause.getClass().getName())
				.doesNotContain("player")
				.doesNotContain("hunter2")
				.doesNotContain("s3cr3t");
		}
	}

}
