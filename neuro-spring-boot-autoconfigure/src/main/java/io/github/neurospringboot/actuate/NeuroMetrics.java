package io.github.neurospringboot.actuate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.neurospringboot.action.ActionCall;
import io.github.neurospringboot.action.ActionObserver;
import io.github.neurospringboot.action.ActionResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Micrometer meters of the actions Neuro calls (those of the connection are {@link NeuroConnectionMetrics}):
 *
 * <ul>
 * <li>{@code neuro.actions.received} (counter, tag {@code action}): actions accepted for execution;</li>
 * <li>{@code neuro.actions.answered} (counter, tags {@code action} and {@code outcome}: {@code success},
 * {@code failure} or {@code failure_without_retry}): results decided, whether sent or dropped with a lost
 * connection;</li>
 * <li>{@code neuro.actions.duration} (timer, tag {@code action}): from acceptance to the result;</li>
 * <li>{@code neuro.actions.timed.out} (counter, tag {@code action}): actions answered with a timeout failure
 * because they missed {@code neuro.actions.result-timeout} (also counted as answered with {@code failure});</li>
 * </ul>
 *
 * Calls rejected before execution (an unknown action, a repeated id) are not counted: the {@code action} tag only
 * ever holds names of the game's own actions, so its values stay few.
 */
public final class NeuroMetrics implements ActionObserver {

	private final MeterRegistry registry;

	private final Meter.MeterProvider<Counter> received;

	private final Meter.MeterProvider<Counter> answered;

	private final Meter.MeterProvider<Timer> duration;

	private final Meter.MeterProvider<Counter> timedOut;

	/** When each running call was accepted. */
	private final Map<ActionCall, Timer.Sample> running = new ConcurrentHashMap<>();

	/**
	 * Create the meters and register them.
	 * @param registry where the meters go
	 */
	public NeuroMetrics(MeterRegistry registry) {
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

}
