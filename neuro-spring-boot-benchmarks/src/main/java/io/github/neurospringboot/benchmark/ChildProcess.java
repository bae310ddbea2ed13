package io.github.neurospringboot.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * A process this benchmark starts and talks to in lines: commands on its standard input, replies on its standard
 * output. Output lines that are not replies (a log line) are passed on to this process's standard error, so that the
 * child never blocks on a full pipe. Each contender and each Neuro runs in a process of its own, so that each one's CPU
 * time is its own.
 */
final class ChildProcess implements AutoCloseable {

	private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);

	private final String name;

	private final Process process;

	private final Writer input;

	private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();

	/** Whether its output has ended: no reply can come any more. */
	private volatile boolean ended;

	private ChildProcess(String name, Process process, Predicate<String> isReply) {
		this.name = name;
		this.process = process;
		this.input = process.outputWriter(StandardCharsets.UTF_8);
		Thread reader = new Thread(() -> read(isReply), name + " output");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Start a process.
	 * @param name what to call it in messages
	 * @param directory its working directory
	 * @param command the command and its arguments
	 * @param isReply which of its output lines are replies
	 * @return the running process
	 * @throws IOException if it cannot be started
	 */
	static ChildProcess start(String name, Path directory, List<String> command, Predicate<String> isReply)
			throws IOException {
		Process process = new ProcessBuilder(command).directory(directory.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		return new ChildProcess(name, process, isReply);
	}

	/** The command line of a JVM like this one, on the same class path. */
	static List<String> java(List<String> options, Class<?> main, List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(options);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(main.getName());
		command.addAll(arguments);
		return command;
	}

	private void read(Predicate<String> isReply) {
		PrintStream log = System.err;
		try (BufferedReader output = this.process.inputReader(StandardCharsets.UTF_8)) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				if (isReply.test(line)) {
					this.replies.add(new Reply(line, System.nanoTime()));
				}
				else {
					log.println("[" + this.name + "] " + line);
				}
			}
		}
		catch (IOException ex) {
			log.println("[" + this.name + "] output lost: " + ex);
		}
		finally {
			this.ended = true;
		}
	}

	/**
	 * Send one line.
	 * @param line the command
	 */
	void send(String line) {
		try {
			this.input.write(line + "\n");
			this.input.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(this.name + " took no command (it has ended?)", ex);
		}
	}

	/**
	 * The next reply.
	 * @return the reply
	 * @throws InterruptedException if interrupted while waiting
	 * @throws IllegalStateException if none comes in time
	 */
	Reply reply() throws InterruptedException {
		long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			// Looked at before polling: a reply read just before the end is still taken.
			boolean over = this.ended;
			@Nullable Reply reply = this.replies.poll(100, TimeUnit.MILLISECONDS);
			if (reply != null) {
				return reply;
			}
			if (over) {
				this.process.waitFor(10, TimeUnit.SECONDS);
				throw new IllegalStateException(this.name + " ended without a reply"
						+ (this.process.isAlive() ? "" : ", with exit code " + this.process.exitValue()));
			}
		}
		throw new IllegalStateException(this.name + " did not reply within " + REPLY_TIMEOUT);
	}

	/**
	 * The CPU time the process has used so far, all its threads, user and system ({@code /proc/<pid>/stat} on
	 * Linux, in clock ticks of 10 ms).
	 * @return the CPU time in nanoseconds
	 */
	long cpuNanos() {
		return this.process.toHandle()
			.info()
			.totalCpuDuration()
			.orElseThrow(() -> new IllegalStateException("The CPU time of " + this.name + " cannot be read"))
			.toNanos();
	}

	/**
	 * How often its threads have been switched off a core so far, voluntarily (to wait: a hand-off to another thread,
	 * a read with nothing to read) or not; from {@code /proc/<pid>/task/<tid>/status}, so Linux only, and of the
	 * threads still alive.
	 * @return the number of context switches
	 * @throws IOException if the counts cannot be read
	 */
	long contextSwitches() throws IOException {
		long switches = 0;
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(this.process.pid()),
				"task"))) {
			for (Path task : tasks) {
				try {
					for (String line : Files.readAllLines(task.resolve("status"))) {
						if (line.contains("ctxt_switches:")) {
							switches += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
						}
					}
				}
				catch (NoSuchFileException ex) {
					// The thread ended meanwhile.
				}
			}
		}
		return switches;
	}

	/**
	 * A line of the output that is a reply.
	 * @param text the line
	 * @param at when it was read, as {@link System#nanoTime()}
	 */
	record Reply(String text, long at) {
	}

	/** Close its input, which tells it to end, and wait for it; end it if it does not. */
	@Override
	public void close() throws Exception {
		this.input.close();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroy();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

}
