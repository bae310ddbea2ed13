package io.github.neurospringboot.console;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import io.github.neurospringboot.test.NeuroCharacter;
import io.github.neurospringboot.test.diagnostics.DiagnosticSettings;
import org.jspecify.annotations.Nullable;

/**
 * Runs the Neuro console on its own, for a game of any SDK:
 * {@code java -jar neuro-console.jar [--port 8000] [--host 127.0.0.1] [--auto-play] ...}; {@code --help} lists the
 * options. It runs until stopped (Ctrl+C).
 */
public final class ConsoleMain {

	private static final String USAGE = """
			Usage: java -jar neuro-console.jar [options]
			  --port N            where games connect and the page is served (default 8000; 0 for a free port)
			  --host ADDRESS      the address to listen on (default 127.0.0.1; 0.0.0.0 lets other machines in)
			  --auto-play         answer forces on their own from the start (the page switches it)
			  --seed N            the seed of auto-play's random choices (default: random)
			  --think-delay MS    how long auto-play thinks before each call (default 500)
			  --force-retries N   how many times auto-play retries a failed force (default 5)
			  --acknowledge WHO   answer startup as neuro, evil, or none (default neuro)
			  --late-startup MS   diagnose a startup later than this after connecting (default 500)
			  --late-result MS    diagnose a result later than this after its action (default 500)
			  --result-timeout MS diagnose a result that has not come this long after its action (default 5000)
			  --help              show this""";

	private ConsoleMain() {
	}

	/**
	 * Start the console and wait until the process is stopped.
	 * @param args the options, see {@code --help}
	 * @throws InterruptedException if the waiting thread is interrupted
	 */
	public static void main(String[] args) throws InterruptedException {
		NeuroConsole.Builder builder;
		try {
			builder = parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(USAGE);
			System.exit(2);
			return;
		}
		if (builder == null) {
			System.out.println(USAGE);
			return;
		}
		if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
			System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %5$s%6$s%n");
		}
		NeuroConsole console;
		try {
			console = builder.start();
		}
		catch (UncheckedIOException ex) {
			System.err.println(ex.getMessage() + " (" + ex.getCause().getMessage() + "). Stop what listens there, or"
					+ " choose another port with --port.");
			System.exit(1);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(console::close, "neuro-console-shutdown"));
		printBanner(console, System.out);
		new CountDownLatch(1).await();
	}

	static void printBanner(NeuroConsole console, PrintStream out) {
		out.println("Neuro console: " + console.url());
		out.println("Games connect to " + console.neuroUrl() + " (NEURO_SDK_WS_URL=" + console.neuroUrl() + ")");
		out.println("Stop it with Ctrl+C.");
	}

	/**
	 * Read the options.
	 * @return the console they describe, or {@code null} for {@code --help}
	 * @throws IllegalArgumentException naming an option that cannot be read
	 */
	static NeuroConsole.@Nullable Builder parse(String[] args) {
		NeuroConsole.Builder builder = NeuroConsole.builder();
		DiagnosticSettings diagnostics = DiagnosticSettings.defaults();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			boolean flag = name.equals("--auto-play") || name.equals("--help");
			String value = "";
			if (arg.contains("=")) {
				value = arg.substring(arg.indexOf('=') + 1);
			}
			else if (!flag && i + 1 < args.length) {
				value = args[++i];
			}
			else if (!flag) {
				throw new IllegalArgumentException("Option " + name + " needs a value.");
			}
			switch (name) {
				case "--help" -> {
					return null;
				}
				case "--auto-play" -> builder.forceMode(ForceMode.AUTO_PLAY);
				case "--port" -> builder.port(number(name, value));
				case "--host" -> builder.address(address(value));
				case "--seed" -> builder.seed(number(name, value));
				case "--think-delay" -> builder.thinkDelay(Duration.ofMillis(number(name, value)));
				case "--force-retries" -> builder.forceRetries(number(name, value));
				case "--acknowledge" -> builder.acknowledgeAs(character(value));
				case "--late-startup" -> diagnostics = diagnostics.withLateStartup(millis(name, value));
				case "--late-result" -> diagnostics = diagnostics.withLateResult(millis(name, value));
				case "--result-timeout" -> diagnostics = diagnostics.withResultTimeout(millis(name, value));
				default -> throw new IllegalArgumentException("Unknown option: " + arg);
			}
		}
		return builder.diagnostics(diagnostics);
	}

	private static int number(String name, String value) {
		try {
			int number = Integer.parseInt(value.trim());
			if (number < 0) {
				throw new NumberFormatException();
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Option " + name + " takes a number of 0 or more, not '" + value + "'.",
					ex);
		}
	}

	private static Duration millis(String name, String value) {
		try {
			return Duration.ofMillis(number(name, value));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Option " + name + " takes a positive number of milliseconds, not '"
					+ value + "'.", ex);
		}
	}

	private static InetAddress address(String value) {
		try {
			return InetAddress.getByName(value);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Option --host takes an address of this machine, not '" + value + "'.",
					ex);
		}
	}

	private static @Nullable NeuroCharacter character(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "neuro" -> NeuroCharacter.NEURO;
			case "evil" -> NeuroCharacter.EVIL;
			case "none" -> null;
			default -> throw new IllegalArgumentException("Option --acknowledge takes neuro, evil or none, not '"
					+ value + "'.");
		};
	}

}
