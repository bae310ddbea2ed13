package io.github.neurospringboot.testlogging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * The console's filter: hands every event to the active {@link ExpectedLogs} captures, and lets through only the
 * warnings and errors none of them expected. Lines below WARN go to the log file only.
 */
public final class UnexpectedWarningFilter extends Filter<ILoggingEvent> {

	@Override
	public FilterReply decide(ILoggingEvent event) {
		boolean expected = ExpectedLogs.capture(event);
		return (!expected && event.getLevel().isGreaterOrEqual(Level.WARN)) ? FilterReply.NEUTRAL : FilterReply.DENY;
	}

}
