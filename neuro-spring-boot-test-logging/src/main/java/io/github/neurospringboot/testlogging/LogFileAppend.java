package io.github.neurospringboot.testlogging;

import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.core.PropertyDefinerBase;

/**
 * Whether the log file is appended to: not by the first configuration in a JVM, so that each run starts the file
 * afresh, and by every later one, since Spring Boot configures logging again each time a test starts an application.
 */
public final class LogFileAppend extends PropertyDefinerBase {

	private static final AtomicBoolean configuredBefore = new AtomicBoolean();

	@Override
	public String getPropertyValue() {
		return String.valueOf(configuredBefore.getAndSet(true));
	}

}
