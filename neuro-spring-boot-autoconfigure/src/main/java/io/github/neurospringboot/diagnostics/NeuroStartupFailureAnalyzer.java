package io.github.neurospringboot.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The failure analysis of a {@link NeuroStartupException}: its description and its action.
 */
class NeuroStartupFailureAnalyzer extends AbstractFailureAnalyzer<NeuroStartupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NeuroStartupException cause) {
		return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
	}

}
