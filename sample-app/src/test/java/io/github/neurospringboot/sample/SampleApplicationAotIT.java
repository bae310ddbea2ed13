package io.github.neurospringboot.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import io.github.neurospringboot.test.EmbeddedNeuro;
import io.github.neurospringboot.test.NeuroCharacter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged sample started as a user starts it, {@code java -Dspring.aot.enabled=true -jar
 * target/sample-app.jar}, in a JVM of its own: from the application context code the build generated ahead of time
 * (with AOT mode on and no generated code, Spring Boot refuses to start). It plays against a Neuro at
 * {@code NEURO_SDK_WS_URL}, and in the Neuro console it starts when none is configured. Run by failsafe, after
 * packaging.
 */
class SampleApplicationAotIT {

	private static final Path JAR = Path.of("target", "sample-app.jar");

	private static final Duration WAIT = Duration.ofSeconds(30);

	/** A whole game in the console, where auto-play thinks a second before each try. */
	private static final Duration GAME = Duration.ofSeconds(90);

	@Test
	void theJarHoldsTheCodeGeneratedAheadOfTime() throws IOException {
		try (JarFile jar = new JarFile(JAR.toFile())) {
			assertThat(jar.getEntry("BOOT-INF/classes/io/github/neurospringboot/sample/"
					+ "SampleApplication__ApplicationContextInitializer.class")).isNotNull();
		}
	}

	@Test
	void playsAgainstANeuroAtNeuroSdkWsUrl() throws Exception {
		try (EmbeddedNeuro neuro = EmbeddedNeuro.builder().acknowledgeAs(NeuroCharacter.EVIL).start()) {
			String output;
			try (PackagedSample sample = PackagedSample.start("neuro-sdk-ws-url", neuro.url().toString())) {
				neuro.awaitActionRegistered("place_mark", WAIT);
				assertThat(neuro.registeredAction("place_mark").orElseThrow().path("schema")).hasToString(
						"{\"type\":\"object\",\"properties\":{\"cell\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":8}},"
								+ "\"required\":[\"cell\"]}");
				neuro.assertNoLintErrors();
				// The game plays X in the centre, then forces Neuro to move.
				neuro.awaitFrame("actions/force", WAIT);
				assertThat(neuro.execute("place_mark", "{\"cell\":9}").assertFailure("must be at most 8").message())
					.isEqualTo("Action failed: invalid parameters for 'place_mark'. 'cell' must be at most 8, but was 9.");
				assertThat(neuro.execute("place_mark", "{\"cell\":4}").assertFailure("taken").message())
					.isEqualTo("Cell 4 is taken. Free cells: 0, 1, 2, 3, 5, 6, 7, 8.");
				assertThat(neuro.execute("place_mark", "{\"cell\":0}").assertSuccess().message())
					.isEqualTo("You placed O on cell 0. The board, row by row: O 1 2 / 3 X 5 / 6 7 8.");
				await().atMost(WAIT).until(() -> sample.output().contains("Neuro (O) plays cell 0"));
				output = sample.stop();
			}
			assertThat(output).contains("Connected to Neuro at " + neuro.url(), "Playing against Evil Neuro")
				.contains("The Neuro console is off although neuro.console.enabled is true: NEURO_SDK_WS_URL says where"
						+ " Neuro is")
				.doesNotContain("Neuro console: http");
			assertQuiet(output);
		}
	}

	@Test
	void playsAGameInTheConsoleWhenNoNeuroIsConfigured() throws Exception {
		String output;
		try (PackagedSample sample = PackagedSample.start("console", null)) {
			await().atMost(GAME).until(() -> sample.output().contains("Game over: "));
			output = sample.stop();
		}
		assertThat(output).containsPattern("Neuro console: http://127\\.0\\.0\\.1:\\d+/")
			.contains("Playing against Neuro-sama", "Neuro (O) plays cell");
		assertQuiet(output);
	}

	private static void assertQuiet(String output) {
		assertThat(output.lines().filter((line) -> line.matches("^\\S+\\s+(WARN|ERROR) .*"))).isEmpty();
		assertThat(output).doesNotContain("Exception");
	}

	/** The jar running in a child JVM, its console in {@code target/aot-it/<name>.log}. */
	private static final class PackagedSample implements AutoCloseable {

		private final Process process;

		private final Path console;

		private PackagedSample(Process process, Path console) {
			this.process = process;
			this.console = console;
		}

		static PackagedSample start(String name, @Nullable String neuroSdkWsUrl) throws IOException {
			Path console = Path.of("target", "aot-it", name + ".log");
			Files.createDirectories(console.getParent());
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
				.toString(), "-Dspring.aot.enabled=true",
				// A free port for the console: 8000 may be taken where the build runs
				"-Dneuro.console.port=0", "-jar", JAR.toString()));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(console.toFile());
			builder.environment().remove("NEURO_SDK_WS_URL");
			if (neuroSdkWsUrl != null) {
				builder.environment().put("NEURO_SDK_WS_URL", neuroSdkWsUrl);
			}
			return new PackagedSample(builder.start(), console);
		}

		String output() throws IOException {
			return Files.readString(this.console);
		}

		/** Stops it as Ctrl+C does, and returns its whole console. */
		String stop() throws Exception {
			this.process.destroy();
			assertThat(this.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("stopped within %s", WAIT).isTrue();
			return output();
		}

		@Override
		public void close() {
			this.process.destroyForcibly();
		}

	}

}
