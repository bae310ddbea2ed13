package io.github.neurospringboot.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;

import io.github.neurospringboot.connection.DisplayedUrl;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * {@link NeuroConnectionDetails} from configuration: {@code neuro.url}, else the {@code NEURO_SDK_WS_URL} environment
 * variable (the convention of the Neuro SDKs), else {@code ws://localhost:8000} (where the local mock servers
 * listen).
 *
 * <p>An invalid URL fails startup with an {@link InvalidNeuroPropertyException} that shows it masked, since it may
 * hold credentials in its user-info or query.
 */
final class PropertiesNeuroConnectionDetails implements NeuroConnectionDetails {

	static final String ENVIRONMENT_VARIABLE = "NEURO_SDK_WS_URL";

	static final URI DEFAULT_URL = URI.create("ws://localhost:8000");

	private final URI url;

	PropertiesNeuroConnectionDetails(NeuroProperties properties, Environment environment) {
		this.url = resolve(properties, environment);
	}

	@Override
	public URI getUrl() {
		return this.url;
	}

	private static URI resolve(NeuroProperties properties, Environment environment) {
		if (StringUtils.hasText(properties.url())) {
			return parse(properties.url(), "neuro.url", false);
		}
		String fromEnvironment = environment.getProperty(ENVIRONMENT_VARIABLE);
		if (StringUtils.hasText(fromEnvironment)) {
			return parse(fromEnvironment, ENVIRONMENT_VARIABLE, true);
		}
		return DEFAULT_URL;
	}

	/**
	 * Parse a configured URL, never putting it into a failure as it is.
	 * @param value the URL as configured
	 * @param name the property or environment variable that holds it
	 * @param environmentVariable whether it is an environment variable
	 */
	private static URI parse(String value, String name, boolean environmentVariable) {
		String trimmed = value.trim();
		String reason;
		try {
			URI url = new URI(trimmed);
			String scheme = url.getScheme();
			if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
				reason = "Neuro is reached over a websocket";
			}
			else if (url.getHost() == null) {
				reason = "it names no host";
			}
			else {
				return url;
			}
		}
		catch (URISyntaxException ex) {
			// The reason only: the exception's message, like its cause, holds the input.
			reason = "it is not a valid URL (" + ex.getReason() + ")";
		}
		String shown = DisplayedUrl.mask(trimmed);
		String action = "Set " + name + " to a ws:// or wss:// URL with a host, such as " + DEFAULT_URL;
		throw (environmentVariable)
				? InvalidNeuroPropertyException.invalidEnvironmentVariable(name, shown, reason,
						action + ", or set neuro.url instead.")
				: InvalidNeuroPropertyException.invalidValue(name, shown, reason, action + ".");
	}

}
