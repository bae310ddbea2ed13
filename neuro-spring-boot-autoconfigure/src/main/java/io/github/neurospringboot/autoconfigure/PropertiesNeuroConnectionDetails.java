package io.github.neurospringboot.autoconfigure;

import java.net.URI;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * {@link NeuroConnectionDetails} from configuration: {@code neuro.url}, else the {@code NEURO_SDK_WS_URL} environment
 * variable (the convention of the Neuro SDKs), else {@code ws://localhost:8000} (where the local mock servers
 * listen).
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
		if (properties.url() != null) {
			return checked("neuro.url", properties.url());
		}
		String fromEnvironment = environment.getProperty(ENVIRONMENT_VARIABLE);
		if (StringUtils.hasText(fromEnvironment)) {
			URI parsed;
			try {
				parsed = URI.create(fromEnvironment.trim());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException(ENVIRONMENT_VARIABLE, fromEnvironment,
						"It is not a valid URL (" + ex.getMessage() + "). Set it to a ws:// or wss:// URL such as "
								+ DEFAULT_URL + ", or set neuro.url instead.");
			}
			return checked(ENVIRONMENT_VARIABLE, parsed);
		}
		return DEFAULT_URL;
	}

	private static URI checked(String property, URI url) {
		String scheme = url.getScheme();
		if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme) || url.getHost() == null) {
			throw new InvalidConfigurationPropertyValueException(property, url,
					"Neuro is reached over a websocket: use a ws:// or wss:// URL with a host, such as "
							+ DEFAULT_URL + ".");
		}
		return url;
	}

}
