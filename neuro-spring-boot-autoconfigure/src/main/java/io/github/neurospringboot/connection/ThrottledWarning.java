package io.github.neurospringboot.connection;

import java.time.Duration;

import org.apache.commons.logging.Log;

/**
 * A warning that a misbehaving server could repeat without end: the first of each period is logged at WARN, the
 * repeats within it at DEBUG only, and the next WARN says how many there were.
 */
final class ThrottledWarning {

	private final Log logger;

	private final long periodNanos;

	private final Object lock = new Object();

	private long periodStart;

	private boolean started;

	private int repeats;

	ThrottledWarning(Log logger, Duration period) {
		this.logger = logger;
		this.periodNanos = period.toNanos();
	}

	void warn(String message) {
		int suppressed;
		synchronized (this.lock) {
			long now = System.nanoTime();
			if (this.started && now - this.periodStart < this.periodNanos) {
				this.repeats++;
				if (this.logger.isDebugEnabled()) {
					this.logger.debug(message);
				}
				return;
			}
			suppressed = this.repeats;
			this.started = true;
			this.periodStart = now;
			this.repeats = 0;
		}
		this.logger.warn(message + ((suppressed > 0) ? " (" + suppressed + " more like it since the last warning, "
				+ "at DEBUG)" : ""));
	}

}
