package io.github.neurospringboot.testing;

import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring Boot reports for a failed startup: the analysis of the first failure analyzer that recognizes the
 * failure, in the order Spring Boot loads them from {@code META-INF/spring.factories}, ours included.
 */
public final class StartupFailureAnalysis {

	private StartupFailureAnalysis() {
	}

	/**
	 * The analysis of a context's startup failure.
	 * @param context a context that failed to start
	 * @return the analysis Spring Boot reports
	 */
	public static FailureAnalysis of(ApplicationContextAssertProvider<?> context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		ArgumentResolver arguments = ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
			.and(Environment.class, new StandardEnvironment());
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader
			.forDefaultResourceLocation(StartupFailureAnalysis.class.getClassLoader())
			.load(FailureAnalyzer.class, arguments);
		FailureAnalysis analysis = analyzers.stream()
			.map((analyzer) -> analyzer.analyze(failure))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
		assertThat(analysis).as("the failure analysis of %s", failure).isNotNull();
		return analysis;
	}

}
