package io.github.neurospringboot.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * The end-to-end benchmarks, one table each, against a Neuro of its own ({@link NeuroLoad}) with each contender in a
 * process of its own: {@code load [rounds [warm-up actions [measured actions]]]}, {@code reconnect [cycles]},
 * {@code startup [runs]}, {@code memory}, {@code profile [starter|raw [in flight [actions]]]}. Each prints the
 * machine, then its table in Markdown.
 *
 * <p>Run: {@code ./mvnw -q -pl neuro-spring-boot-benchmarks -am package -DskipTests && java -cp
 * neuro-spring-boot-benchmarks/target/benchmarks.jar io.github.neurospringboot.benchmark.Benchmarks load}
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	/**
	 * Run one benchmark and print its table.
	 * @param args the benchmark and its arguments
	 * @throws Exception if a contender or Neuro fails
	 */
	public static void main(String[] args) throws Exception {
		String[] rest = (args.length > 0) ? Arrays.copyOfRange(args, 1, args.length) : new String[0];
		String benchmark = (args.length > 0) ? args[0] : "";
		try (NeuroLoad neuro = NeuroLoad.start()) {
			System.out.println(machine(neuro));
			System.out.println();
			String table = switch (benchmark) {
				case "load" -> LoadTable.run(neuro, rest);
				case "reconnect" -> ReconnectTable.run(neuro, rest);
				case "startup" -> StartupTable.run(neuro, rest);
				case "memory" -> MemoryTable.run(neuro);
				case "profile" -> Profile.run(neuro, rest);
				default -> throw new IllegalArgumentException(
						"Name a benchmark: load, reconnect, startup, memory or profile (was '" + benchmark + "')");
			};
			System.out.println();
			System.out.println(table);
		}
	}

	private static String machine(NeuroLoad neuro) throws IOException {
		return String.format(Locale.ROOT, "%s; %d cores, %s; Java %s (%s); %s; load average %.2f at the start",
				LocalDate.now(), Runtime.getRuntime().availableProcessors(), cpuModel(), Runtime.version(),
				System.getProperty("java.vm.name"), neuro.version(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private static String cpuModel() throws IOException {
		Path cpuInfo = Path.of("/proc/cpuinfo");
		if (!Files.isReadable(cpuInfo)) {
			return System.getProperty("os.arch");
		}
		try (var lines = Files.lines(cpuInfo)) {
			return lines.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse(System.getProperty("os.arch"));
		}
	}

}
