package io.github.neurospringboot.testlogging;

import ch.qos.logback.classic.Level;

/**
 * One captured log line.
 *
 * @param level its level
 * @param logger the name of its logger
 * @param message its message, formatted
 * @param thrown the exception logged with it, stack trace included, or an empty string
 */
public record LogLine(Level level, String logger, String message, String thrown) {

	/**
	 * The line as the console would print it, without time and thread.
	 * @return level, logger, message and exception
	 */
	@Override
	public String toString() {
		return this.level + " " + this.logger + " - " + this.message + (this.thrown.isEmpty() ? "" : "\n" + this.thrown);
	}

}
