package io.github.neurospringboot.actuate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.neurospringboot.action.ActionCall;
import io.github.neurospringboot.action.ActionObserver;
import io.github.neurospringboot.action.ActionResult;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.event.NeuroConnectedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.context.ApplicationListener;

/**
 * Micrometer meters of the actions Neuro calls and of the connection:
 *
 * <ul>
 * <li>{@code neuro.actions.received} (counter, tag {@code action}): actions accepted for execution;</li>
 * <li>{@code neuro.actions.answered} (counter, tags {@code action} and {@code outcome}: {@code success},
 * {@code failure} or {@code failure_without_retry}): results decided, whether sent or dropped with a lost
 * connection;</li>
 * <li>{@code neuro.actions.duration} (timer, tag {@code action}): from acceptance to the result;</li>
 * <li>{@code neuro.actions.timed.out} (counter, tag {@code action}): actions answered with a timeout failure
 * because they missed {@code neuro.actions.result-timeout} (also counted as answered with {@code failure});</li>
 * <li>{@code neuro.reconnects} (counter): connections that replaced a lost one;</li>
 * <li>{@code neuro.connection.state} (gauge): 1 while connected with the actions registered, 0 otherwise.</li>
 * </ul>
 *
 * Calls rejected before execution (an unknown action, a repeated id) are not counted: the {@code action} tag only
 * ever holds names of the game's own actions, so its values stay few.
 */
public final class NeuroMetrics implements ActionObserver, ApplicationListener<NeuroConnectedEvent> {

	private final MeterRegistry registry;

	private final Meter.MeterProvider<Counter> received;

	private final Meter.MeterProvider<Counter> answered;

	private final Meter.MeterProvider<Timer> duration;

	private final Meter.MeterProvider<Counter> timedOut;

	private final Counter reconnects;

	/** When each running call was accepted. */
	private final Map<ActionCall, Timer.Sample> running = new ConcurrentHashMap<>();

	/**
	 * Create the meters and register them.
	 * @param registry where the meters go
	 * @param connection the connection whose state is measured
	 */
	public NeuroMetrics(MeterRegistry registry, NeuroConnection connection) {
		this.registry = registry;
		this.received = Counter.builder("neuro.actions.received")
			.description("Actions Neuro called that were accepted for execution")
			.withRegistry(registry);
		this.answered = Counter.builder("neuro.actions.answered")
			.description("Action results decided, by outcome")
			.withRegistry(registry);
		this.duration = Timer.builder("neuro.actions.duration")
			.description("Time from accepting an action to its result")
			.withRegistry(registry);
		this.timedOut = Counter.builder("neuro.actions.timed.out")
			.description("Actions answered with a timeout failure because they missed neuro.actions.result-timeout")
			.withRegistry(registry);
		this.reconnects = Counter.builder("neuro.reconnects")
			.description("Connections to Neuro that replaced a lost one")
			.register(registry);
		Gauge.builder("neuro.connection.state", connection, (measured) -> measured.isConnected() ? 1 : 0)
			.description("1 while connected to Neuro with the actions registered, 0 otherwise")
			.register(registry);
	}

	@Override
	public void accepted(ActionCall call) {
		this.received.withTags("action", call.name()).increment();
		this.running.put(call, Timer.start(this.registry));
	}

	@Override
	public void completing(ActionCall call, ActionResult result) {
		this.answered.withTags("action", call.name(), "outcome", result.outcome()).increment();
		if (result.isTimedOut()) {
			this.timedOut.withTags("action", call.name()).increment();
		}
		Timer.Sample sample = this.running.remove(call);
		if (sample != null) {
			sample.stop(this.duration.withTags("action", call.name()));
		}
	}

	@Override
	public void onApplicationEvent(NeuroConnectedEvent event) {
		if (event.isReconnect()) {
			this.reconnects.increment();
		}
	}

}
