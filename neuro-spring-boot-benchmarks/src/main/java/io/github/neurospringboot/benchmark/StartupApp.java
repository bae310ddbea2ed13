package io.github.neurospringboot.benchmark;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application whose startup is timed: {@link StarterGame}'s, with the starter connecting as it starts, or the
 * same application without the starter (its auto-configurations excluded, so nothing of it runs). It prints
 * {@value GameRunner#REPLY}{@code ready} once started, and stops when its input ends.
 *
 * <p>Arguments: {@code with|without <url> <game name>}.
 */
public final class StartupApp {

	/** The properties of every application of the benchmarks: no banner, and only warnings in the log. */
	static final List<String> QUIET = List.of("spring.main.banner-mode=off", "spring.main.log-startup-info=false",
			"logging.level.root=warn");

	private static final String WITHOUT_STARTER = "spring.autoconfigure.exclude="
			+ "io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration,"
			+ "io.github.neurospringboot.actuate.NeuroActuatorAutoConfiguration,"
			+ "io.github.neurospringboot.observation.NeuroObservationAutoConfiguration";

	private StartupApp() {
	}

	/**
	 * Start the application, report it started, and run until the input ends.
	 * @param args with or without the starter, and where Neuro is
	 * @throws Exception if reading the input fails
	 */
	public static void main(String[] args) throws Exception {
		List<String> properties = new ArrayList<>(QUIET);
		properties.add("neuro.url=" + args[1]);
		properties.add("neuro.game=" + args[2]);
		if ("without".equals(args[0])) {
			properties.add(WITHOUT_STARTER);
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StarterGame.Application.class)
			.properties(properties.toArray(String[]::new))
			.run()) {
			System.out.println(GameRunner.REPLY + "ready");
			System.out.flush();
			InputStream input = System.in;
			while (input.read() != -1) {
				// Only the end of the input matters.
			}
		}
	}

}
