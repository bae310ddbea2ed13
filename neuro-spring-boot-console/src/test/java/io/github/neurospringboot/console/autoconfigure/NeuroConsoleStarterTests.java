package io.github.neurospringboot.console.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.github.neurospringboot.autoconfigure.NeuroConnectionDetails;
import io.github.neurospringboot.console.NeuroConsole;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import io.github.neurospringboot.testlogging.LogLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The console inside a game, started as Spring Boot starts a game: on only when asked, and only when nothing else
 * says where Neuro is.
 */
class NeuroConsoleStarterTests {

	@RegisterExtension
	final ExpectedLogs logs = ExpectedLogs.from(NeuroConsoleStarter.class.getName(),
			LoggingFailureAnalysisReporter.class.getName(), AnnotationConfigApplicationContext.class.getName());

	@Test
	void isOffUnlessEnabled() {
		try (ConfigurableApplicationContext game = game()) {
			assertThat(game.getBeansOfType(NeuroConsole.class)).isEmpty();
			assertThat(game.getBean(NeuroConnectionDetails.class).getUrl()).hasToString("ws://localhost:8000");
		}
	}

	@Test
	void whenEnabledTheGameConnectsToTheConsoleInItsOwnProcess() {
		try (ConfigurableApplicationContext game = game("--neuro.console.enabled=true")) {
			NeuroConsole console = game.getBean(NeuroConsole.class);
			assertThat(game.getBean(NeuroConnectionDetails.class).getUrl()).isEqualTo(console.neuroUrl());
			assertThat(console.url()).hasToString("http://127.0.0.1:" + console.port() + "/");
			assertThat(this.logs.lines()).singleElement()
				.extracting(LogLine::message)
				.isEqualTo("Neuro console: " + console.url() + " (open it in a browser to watch the game and play as"
						+ " Neuro; games connect at " + console.neuroUrl() + ")");
		}
	}

	@Test
	void aConfiguredNeuroUrlKeepsItOffAndSaysWhyWithoutTheUrl() {
		try (ConfigurableApplicationContext game = game("--neuro.console.enabled=true",
				"--neuro.url=ws://user:secret@127.0.0.1:9/")) {
			assertThat(game.getBeansOfType(NeuroConsole.class)).isEmpty();
			assertThat(game.getBean(NeuroConnectionDetails.class).getUrl().getPort()).isEqualTo(9);
			assertThat(this.logs.lines()).singleElement()
				.extracting(LogLine::message)
				.isEqualTo("The Neuro console is off although neuro.console.enabled is true: neuro.url says where"
						+ " Neuro is, and the game connects there (unset it to play in the console)");
		}
	}

	@Test
	void itTakesThePlaceOfConnectionDetailsTheGameDeclares() {
		try (ConfigurableApplicationContext game = new SpringApplicationBuilder(Game.class, OwnDetails.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run(arguments("--neuro.console.enabled=true"))) {
			assertThat(game.getBean(NeuroConnectionDetails.class).getUrl())
				.isEqualTo(game.getBean(NeuroConsole.class).neuroUrl());
		}
	}

	@Test
	void aTakenPortFailsStartupInSpringBootsBox() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThatException().isThrownBy(() -> game("--neuro.console.enabled=true",
					"--neuro.console.port=" + taken.getLocalPort()));
			assertThat(this.logs.lines()).anySatisfy((line) -> assertThat(line.message()).contains(
					"Description:", "The Neuro console cannot listen on 127.0.0.1:" + taken.getLocalPort()
							+ " (neuro.console.host and neuro.console.port): Address already in use.",
					"Action:", "Stop what listens there (another console, or a Neuro mock server), or set"
							+ " neuro.console.port to another port (0 for a free one)."));
		}
	}

	private static ConfigurableApplicationContext game(String... arguments) {
		return new SpringApplicationBuilder(Game.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run(arguments(arguments));
	}

	private static String[] arguments(String... more) {
		List<String> all = new ArrayList<>(List.of("--neuro.game=Console Game", "--neuro.auto-startup=false"));
		all.addAll(List.of(more));
		if (all.stream().noneMatch((argument) -> argument.startsWith("--neuro.console.port="))) {
			all.add("--neuro.console.port=0");
		}
		return all.toArray(String[]::new);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Game {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnDetails {

		@Bean
		NeuroConnectionDetails ownConnectionDetails() {
			return () -> URI.create("ws://127.0.0.1:9/");
		}

	}

}
