package io.github.neurospringboot.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jdk.jfr.Recording;
import org.jspecify.annotations.Nullable;

/**
 * The main class of a contender's process: it runs one {@link LoadGame} and takes commands on standard input, one a
 * line, each answered by a line starting with {@value #REPLY}: {@code connect}, {@code disconnect}, {@code heap} (the
 * heap in use after a full collection, in bytes), {@code compilation} (the JIT compilers' time so far, in
 * milliseconds), {@code record <file>} and {@code stop} (a JFR recording of where the
 * CPU time goes). It ends with its input.
 *
 * <p>Arguments: {@code starter|pooled|raw|tomcat|jetty <url> <game name> [property=value...]}, the properties for the starter.
 */
public final class GameRunner {

	/** What every reply starts with; other lines of the output are the game's log. */
	static final String REPLY = "@";

	private GameRunner() {
	}

	/**
	 * Run a contender.
	 * @param args what to run and where to connect
	 * @throws Exception if the game fails
	 */
	public static void main(String[] args) throws Exception {
		URI url = URI.create(args[1]);
		List<String> properties = Arrays.asList(args).subList(3, args.length);
		try (LoadGame game = switch (args[0]) {
			case "raw" -> new RawGame(url, args[2]);
			case "tomcat" -> new RawJsr356Game(url, args[2], RawJsr356Game.Container.TOMCAT);
			case "jetty" -> new RawJsr356Game(url, args[2], RawJsr356Game.Container.JETTY);
			default -> new StarterGame(url, args[2], properties);
		}) {
			serve(game);
		}
	}

	private static void serve(LoadGame game) throws Exception {
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		@Nullable Recording recording = null;
		for (String line = commands.readLine(); line != null; line = commands.readLine()) {
			String[] command = line.split(" ", 2);
			switch (command[0]) {
				case "connect" -> game.connect();
				case "disconnect" -> game.disconnect();
				case "heap" -> {
					reply(Long.toString(liveHeap()));
					continue;
				}
				case "compilation" -> {
					reply(Long.toString(ManagementFactory.getCompilationMXBean().getTotalCompilationTime()));
					continue;
				}
				case "record" -> recording = record(Path.of(command[1]));
				case "stop" -> {
					if (recording != null) {
						recording.stop();
						recording.close();
						recording = null;
					}
				}
				default -> throw new IllegalArgumentException("Unknown command: " + line);
			}
			reply("ok");
		}
	}

	private static void reply(String text) {
		System.out.println(REPLY + text);
		System.out.flush();
	}

	/** After two full collections, the second to collect what finalization or reference processing freed. */
	private static long liveHeap() {
		System.gc();
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/**
	 * Sample the stacks of threads running Java code (as often as JFR allows, asking for every millisecond), the
	 * allocations, each thread's CPU load every second, and the collections; the file is written when the recording
	 * stops.
	 */
	private static Recording record(Path file) throws Exception {
		Recording recording = new Recording();
		recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
		recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofSeconds(1));
		recording.enable("jdk.ObjectAllocationSample").with("throttle", "1000/s");
		recording.enable("jdk.GarbageCollection");
		recording.setDestination(file);
		recording.start();
		return recording;
	}

}
