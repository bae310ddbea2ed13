package io.github.neurospringboot.actuate;

import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.event.NeuroConnectedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationListener;

/**
 * Micrometer meters of the connection to Neuro:
 *
 * <ul>
 * <li>{@code neuro.reconnects} (counter): connections that replaced a lost one;</li>
 * <li>{@code neuro.connection.state} (gauge): 1 while connected with the actions registered, 0 otherwise.</li>
 * </ul>
 */
public final class NeuroConnectionMetrics implements ApplicationListener<NeuroConnectedEvent> {

	private final Counter reconnects;

	/**
	 * Create the meters and register them.
	 * @param registry where the meters go
	 * @param connection the connection whose state is measured
	 */
	public NeuroConnectionMetrics(MeterRegistry registry, NeuroConnection connection) {
		this.reconnects = Counter.builder("neuro.reconnects")
			.description("Connections to Neuro that replaced a lost one")
			.register(registry);
		Gauge.builder("neuro.connection.state", connection, (measured) -> measured.isConnected() ? 1 : 0)
			.description("1 while connected to Neuro with the actions registered, 0 otherwise")
			.register(registry);
	}

	@Override
	public void onApplicationEvent(NeuroConnectedEvent event) {
		if (event.isReconnect()) {
			this.reconnects.increment();
		}
	}

}
