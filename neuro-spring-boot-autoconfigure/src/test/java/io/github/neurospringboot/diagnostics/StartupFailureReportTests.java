package io.github.neurospringboot.diagnostics;

import java.util.List;

import ch.qos.logback.classic.Level;
import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import io.github.neurospringboot.testlogging.LogLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What a real application that fails to start prints: Spring Boot's "APPLICATION FAILED TO START" box with our
 * description and action, and no secret anywhere, not even in the stack trace logged at DEBUG.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTests {

	private static final String REPORTER = LoggingFailureAnalysisReporter.class.getName();

	private static final String DESCRIPTION = "Invalid value 'ws://******@bad host/?******' for configuration "
			+ "property 'neuro.url': it is not a valid URL (Illegal character in authority).";

	private static final String ACTION = "Set neuro.url to a ws:// or wss:// URL with a host, such as "
			+ "ws://localhost:8000.";

	/** The box, and the context's warning that it cancels its refresh, with the failure's message. */
	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(REPORTER, AnnotationConfigApplicationContext.class.getName());

	@Test
	void invalidUrlIsReportedInSpringBootsBoxWithItsCredentialsMasked(CapturedOutput output) {
		SpringApplication game = new SpringApplication(Game.class);
		game.setWebApplicationType(WebApplicationType.NONE);
		game.setBannerMode(Banner.Mode.OFF);
		game.setLogStartupInfo(false);
		game.setRegisterShutdownHook(false);
		try {
			assertThatException().isThrownBy(() -> game.run("--neuro.game=Test Game", "--neuro.auto-startup=false",
					"--neuro.url=ws://player:hunter2@bad host/?token=s3cr3t", "--logging.level." + REPORTER + "=debug"));
		}
		finally {
			LoggingSystem.get(getClass().getClassLoader()).setLogLevel(REPORTER, null);
		}
		List<LogLine> errors = logs.lines().stream().filter((line) -> line.level() == Level.ERROR).toList();
		assertThat(errors).singleElement()
			.satisfies((line) -> assertThat(line.logger()).isEqualTo(REPORTER))
			.extracting(LogLine::message)
			.isEqualTo(String.format("%n%n***************************%nAPPLICATION FAILED TO START%n"
					+ "***************************%n%nDescription:%n%n%s%n%nAction:%n%n%s%n", DESCRIPTION, ACTION));
		List<LogLine> warnings = logs.lines().stream().filter((line) -> line.level() == Level.WARN).toList();
		assertThat(warnings).singleElement().satisfies((line) -> {
			assertThat(line.logger()).isEqualTo(AnnotationConfigApplicationContext.class.getName());
			assertThat(line.message()).startsWith("Exception encountered during context initialization - cancelling "
					+ "refresh attempt: ")
				.endsWith("threw exception with message: " + DESCRIPTION + " " + ACTION);
			assertThat(line.thrown()).isEmpty();
		});
		assertThat(logs.lines()).as("the failure's stack trace, logged at DEBUG")
			.anySatisfy((line) -> assertThat(line.thrown()).contains("InvalidNeuroPropertyException"));
		assertThat(logs.text()).doesNotContain("player").doesNotContain("hunter2").doesNotContain("s3cr3t");
		assertThat(output.getAll()).doesNotContain("player").doesNotContain("hunter2").doesNotContain("s3cr3t");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(NeuroAutoConfiguration.class)
	static class Game {

	}

}
