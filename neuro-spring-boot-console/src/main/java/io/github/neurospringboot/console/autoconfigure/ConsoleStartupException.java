package io.github.neurospringboot.console.autoconfigure;

import io.github.neurospringboot.diagnostics.NeuroStartupException;

/**
 * The console could not start in the game's process: its port is taken, or its address is not this machine's.
 */
final class ConsoleStartupException extends NeuroStartupException {

	ConsoleStartupException(String description, String action, Throwable cause) {
		super(description, action, cause);
	}

}
