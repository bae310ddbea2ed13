package io.github.neurospringboot.console.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import io.github.neurospringboot.autoconfigure.NeuroConnectionDetails;
import io.github.neurospringboot.console.NeuroConsole;
import io.github.neurospringboot.diagnostics.NeuroStartupException;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console inside a game: on only when asked, and only when nothing else says where Neuro is.
 */
class NeuroConsoleAutoConfigurationTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(NeuroConsoleAutoConfiguration.class,
			AnnotationConfigApplicationContext.class);

	private final ApplicationContextRunner game = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NeuroConsoleAutoConfiguration.class,
				NeuroAutoConfiguration.class))
		.withPropertyValues("neuro.game=Console Game", "neuro.auto-startup=false", "neuro.console.port=0");

	@Test
	void isOffUnlessEnabled() {
		this.game.run((context) -> {
			assertThat(context).doesNotHaveBean(NeuroConsole.class);
			assertThat(context.getBean(NeuroConnectionDetails.class).getUrl()).hasToString("ws://localhost:8000");
		});
	}

	@Test
	void whenEnabledTheGameConnectsToTheConsoleInItsOwnProcess() {
		this.game.withPropertyValues("neuro.console.enabled=true").run((context) -> {
			NeuroConsole console = context.getBean(NeuroConsole.class);
			assertThat(context).hasSingleBean(NeuroConnectionDetails.class);
			assertThat(context.getBean(NeuroConnectionDetails.class).getUrl()).isEqualTo(console.neuroUrl());
			assertThat(console.url()).hasToString("http://127.0.0.1:" + console.port() + "/");
			assertThat(logs.text()).contains("Neuro console: " + console.url() + " (open it in a browser");
		});
	}

	@Test
	void aConfiguredNeuroUrlKeepsItOffAndSaysWhy() {
		this.game.withPropertyValues("neuro.console.enabled=true", "neuro.url=ws://user:secret@127.0.0.1:9/")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(NeuroConsole.class);
				assertThat(context.getBean(NeuroConnectionDetails.class).getUrl().getPort()).isEqualTo(9);
				assertThat(logs.lines()).singleElement()
					.satisfies((line) -> assertThat(line.message()).isEqualTo("The Neuro console is off although"
							+ " neuro.console.enabled is true: neuro.url says where Neuro is, and the game connects"
							+ " there (unset it to play in the console)"));
			});
	}

	@Test
	void connectionDetailsOfTheApplicationKeepItOff() {
		this.game.withPropertyValues("neuro.console.enabled=true")
			.withBean(NeuroConnectionDetails.class, () -> () -> java.net.URI.create("ws://127.0.0.1:9/"))
			.run((context) -> assertThat(context).doesNotHaveBean(NeuroConsole.class));
	}

	@Test
	void aTakenPortFailsStartupNamingTheProperty() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			this.game.withPropertyValues("neuro.console.enabled=true", "neuro.console.port=" + taken.getLocalPort())
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(context.getStartupFailure()).rootCause().isInstanceOf(java.net.BindException.class);
					NeuroStartupException failure = findStartupException(context.getStartupFailure());
					assertThat(failure.getDescription()).isEqualTo("The Neuro console cannot listen on 127.0.0.1:"
							+ taken.getLocalPort() + " (neuro.console.host and neuro.console.port): Address already"
							+ " in use.");
					assertThat(failure.getAction()).startsWith("Stop what listens there");
				});
		}
	}

	private static NeuroStartupException findStartupException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof NeuroStartupException startup) {
				return startup;
			}
		}
		throw new AssertionError("No NeuroStartupException in " + failure);
	}

}
