package io.github.neurospringboot.testlogging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The log lines a test provokes on purpose: captured, for the test to assert on, instead of printed. Register it as a
 * field with {@code @RegisterExtension}: a static field captures for the whole class (the lines are cleared before
 * each test), an instance field for each test. Warnings of loggers it was not given still reach the console, so a
 * warning nobody expected stays visible.
 *
 * <p>It works through the console filter of this module's {@code logback-test.xml}, which Spring Boot reloads each
 * time a test starts an application; the captures live outside Logback and so survive those reloads.
 */
public final class ExpectedLogs implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	private static final Set<ExpectedLogs> active = ConcurrentHashMap.newKeySet();

	private final Predicate<String> loggers;

	private final List<LogLine> lines = new ArrayList<>();

	private boolean classWide;

	private ExpectedLogs(Predicate<String> loggers) {
		this.loggers = loggers;
	}

	/**
	 * Capture the lines of the loggers named after these classes.
	 * @param sources the classes whose loggers are expected to log
	 * @return the capture
	 */
	public static ExpectedLogs from(Class<?>... sources) {
		return from(Arrays.stream(sources).map(Class::getName).toArray(String[]::new));
	}

	/**
	 * Capture the lines of these loggers and their children ({@code org.apache.tomcat} takes in every Tomcat logger).
	 * @param loggerNames the names of the loggers expected to log
	 * @return the capture
	 */
	public static ExpectedLogs from(String... loggerNames) {
		List<String> names = List.of(loggerNames);
		return new ExpectedLogs((logger) -> names.stream()
			.anyMatch((name) -> logger.equals(name) || logger.startsWith(name + ".")));
	}

	/**
	 * Capture every line, of every logger and level that is enabled: for tests about logging itself.
	 * @return the capture
	 */
	public static ExpectedLogs everything() {
		return new ExpectedLogs((logger) -> true);
	}

	/**
	 * The lines captured so far, oldest first.
	 * @return a copy of the lines
	 */
	public List<LogLine> lines() {
		synchronized (this.lines) {
			return List.copyOf(this.lines);
		}
	}

	/**
	 * The lines captured so far, one per line, with their exceptions: the text to search for a word.
	 * @return every line as {@link LogLine#toString()} prints it
	 */
	public String text() {
		return lines().stream().map(LogLine::toString).collect(Collectors.joining("\n"));
	}

	/** Forget the lines captured so far. */
	public void clear() {
		synchronized (this.lines) {
			this.lines.clear();
		}
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.classWide = true;
		active.add(this);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		clear();
		active.add(this);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (!this.classWide) {
			active.remove(this);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		active.remove(this);
	}

	/**
	 * Offer an event to the active captures.
	 * @param event the event
	 * @return whether a capture expected it
	 */
	static boolean capture(ILoggingEvent event) {
		boolean expected = false;
		for (ExpectedLogs capture : active) {
			if (capture.loggers.test(event.getLoggerName())) {
				capture.add(event);
				expected = true;
			}
		}
		return expected;
	}

	private void add(ILoggingEvent event) {
		IThrowableProxy thrown = event.getThrowableProxy();
		LogLine line = new LogLine(event.getLevel(), event.getLoggerName(), event.getFormattedMessage(),
				(thrown != null) ? ThrowableProxyUtil.asString(thrown) : "");
		synchronized (this.lines) {
			this.lines.add(line);
		}
	}

}
