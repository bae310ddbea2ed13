package io.github.neurospringboot.console;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A console on a free port for the tests of one class: started before them, closed after.
 */
final class RunningConsole implements BeforeAllCallback, AfterAllCallback {

	private @Nullable NeuroConsole console;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.console = NeuroConsole.builder().port(0).start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.console != null) {
			this.console.close();
		}
	}

	/**
	 * The running console.
	 * @return the console
	 */
	NeuroConsole get() {
		if (this.console == null) {
			throw new IllegalStateException("The console starts before the tests of the class");
		}
		return this.console;
	}

}
