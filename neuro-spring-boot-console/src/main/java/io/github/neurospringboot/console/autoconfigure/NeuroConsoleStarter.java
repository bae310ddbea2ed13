package io.github.neurospringboot.console.autoconfigure;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.github.neurospringboot.autoconfigure.NeuroConnectionDetails;
import io.github.neurospringboot.console.ForceMode;
import io.github.neurospringboot.console.NeuroConsole;
import io.github.neurospringboot.test.diagnostics.DiagnosticSettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The Neuro console inside a game in development: with {@code neuro.console.enabled=true}, it registers a
 * {@link NeuroConsole} bean, started with the context, and a primary {@link NeuroConnectionDetails} bean that points
 * the game at it, so that no URL needs configuring (the starter's own connection details back off, or give way to the
 * primary one). A Neuro URL configured ({@code neuro.url} or {@code NEURO_SDK_WS_URL}) keeps the console off, and one
 * INFO line says so; so do {@code neuro.enabled=false} and a test's embedded Neuro ({@code @EnableEmbeddedNeuro}).
 *
 * <p>Decided each time the application starts, by this listener (registered in {@code META-INF/spring.factories}),
 * not by conditions on an auto-configuration: ahead-of-time processing evaluates conditions once, when the jar is
 * built, and the same jar must play against the console or against a Neuro it is given. Nothing starts while the build
 * processes the application ahead of time.
 */
public final class NeuroConsoleStarter implements ApplicationListener<ApplicationPreparedEvent> {

	private static final Log logger = LogFactory.getLog(NeuroConsoleStarter.class);

	/** Where a game finds Neuro without the console: the property first, then the SDKs' environment variable. */
	private static final List<String> URL_SOURCES = List.of("neuro.url", "NEURO_SDK_WS_URL");

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		if (!(event.getApplicationContext() instanceof GenericApplicationContext context)
				|| Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
			return;
		}
		Environment environment = context.getEnvironment();
		Binder binder = Binder.get(environment);
		NeuroConsoleProperties properties = binder.bindOrCreate("neuro.console", NeuroConsoleProperties.class);
		if (!properties.enabled() || !binder.bind("neuro.enabled", Boolean.class).orElse(true)) {
			return;
		}
		List<String> configured = URL_SOURCES.stream()
			.filter((source) -> StringUtils.hasText(environment.getProperty(source)))
			.toList();
		if (!configured.isEmpty()) {
			logger.info("The Neuro console is off although neuro.console.enabled is true: "
					+ String.join(" and ", configured)
					+ " says where Neuro is, and the game connects there (unset it to play in the console)");
			return;
		}
		if (primaryConnectionDetails(context)) {
			// A test's embedded Neuro, registered before the application is prepared
			return;
		}
		context.registerBean("neuroConsole", NeuroConsole.class, () -> start(properties),
				(definition) -> definition.setDestroyMethodName("close"));
		context.registerBean("neuroConsoleConnectionDetails", NeuroConnectionDetails.class,
				() -> context.getBean(NeuroConsole.class)::neuroUrl, (definition) -> definition.setPrimary(true));
	}

	/**
	 * Whether connection details that insist on their place are there already, as a test's embedded Neuro's are. (The
	 * starter's own may be there too, in an application processed ahead of time: the console's take their place.)
	 */
	private static boolean primaryConnectionDetails(GenericApplicationContext context) {
		for (String name : context.getBeanFactory().getBeanNamesForType(NeuroConnectionDetails.class, false, false)) {
			if (context.getBeanFactory().getBeanDefinition(name).isPrimary()) {
				return true;
			}
		}
		return false;
	}

	private static NeuroConsole start(NeuroConsoleProperties properties) {
		NeuroConsole.Builder builder = NeuroConsole.builder()
			.address(address(properties.host()))
			.port(properties.port())
			.forceMode(properties.autoPlay() ? ForceMode.AUTO_PLAY : ForceMode.BY_HAND)
			.thinkDelay(properties.thinkDelay())
			.forceRetries(properties.forceRetries())
			.diagnostics(diagnostics(properties.diagnostics()));
		if (properties.seed() != null) {
			builder.seed(properties.seed());
		}
		NeuroConsole console;
		try {
			console = builder.start();
		}
		catch (UncheckedIOException ex) {
			throw new ConsoleStartupException("The Neuro console cannot listen on " + properties.host() + ":"
					+ properties.port() + " (neuro.console.host and neuro.console.port): " + ex.getCause().getMessage()
					+ ".", "Stop what listens there (another console, or a Neuro mock server), or set"
							+ " neuro.console.port to another port (0 for a free one).",
					ex);
		}
		logger.info("Neuro console: " + console.url() + " (open it in a browser to watch the game and play as Neuro;"
				+ " games connect at " + console.neuroUrl() + ")");
		return console;
	}

	private static DiagnosticSettings diagnostics(NeuroConsoleProperties.Diagnostics thresholds) {
		try {
			return new DiagnosticSettings(thresholds.lateStartup(), thresholds.lateResult(),
					thresholds.resultTimeout());
		}
		catch (IllegalArgumentException ex) {
			throw new ConsoleStartupException("Invalid value for the configuration properties"
					+ " 'neuro.console.diagnostics.*': " + ex.getMessage() + ".",
					"Set neuro.console.diagnostics.late-startup, late-result and result-timeout to positive"
							+ " durations, or remove them to use the defaults.",
					ex);
		}
	}

	private static InetAddress address(String host) {
		try {
			return InetAddress.getByName(host);
		}
		catch (UnknownHostException ex) {
			throw new ConsoleStartupException("Invalid value '" + host
					+ "' for configuration property 'neuro.console.host': it is not an address of this machine.",
					"Set neuro.console.host to an address to listen on, such as 127.0.0.1.", ex);
		}
	}

}
