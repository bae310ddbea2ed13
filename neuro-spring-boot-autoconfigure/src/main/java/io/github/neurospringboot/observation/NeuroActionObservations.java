package io.github.neurospringboot.observation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.neurospringboot.action.ActionCall;
import io.github.neurospringboot.action.ActionObserver;
import io.github.neurospringboot.action.ActionResult;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Makes each action Neuro calls an {@link NeuroObservationDocumentation#ACTION observation}: started when the action
 * is accepted, current on the thread that runs its method while it runs (a span the game starts there is a child of
 * the action's, and log lines carry its trace id), stopped once its result is sent.
 */
public final class NeuroActionObservations implements ActionObserver {

	private final ObservationRegistry registry;

	private final @Nullable NeuroActionObservationConvention convention;

	/** The observations started and not yet stopped. */
	private final Map<ActionCall, Running> running = new ConcurrentHashMap<>();

	/**
	 * Create the observer.
	 * @param registry where the observations go
	 * @param convention the application's convention, or {@code null} for
	 * {@link DefaultNeuroActionObservationConvention}
	 */
	public NeuroActionObservations(ObservationRegistry registry,
			@Nullable NeuroActionObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public void accepted(ActionCall call) {
		NeuroActionObservationContext context = new NeuroActionObservationContext(call);
		Observation observation = NeuroObservationDocumentation.ACTION
			.observation(this.convention, DefaultNeuroActionObservationConvention.INSTANCE, () -> context,
					this.registry)
			.start();
		if (!observation.isNoop()) {
			this.running.put(call, new Running(observation, context));
		}
	}

	@Override
	public Scope running(ActionCall call) {
		Running running = this.running.get(call);
		if (running == null) {
			return Scope.NONE;
		}
		Observation.Scope scope = running.observation().openScope();
		return scope::close;
	}

	@Override
	public void completing(ActionCall call, ActionResult result) {
		Running running = this.running.get(call);
		if (running != null) {
			running.context().setResult(result);
			result.getCause().ifPresent(running.observation()::error);
		}
	}

	@Override
	public void completed(ActionCall call) {
		Running running = this.running.remove(call);
		if (running != null) {
			running.observation().stop();
		}
	}

	private record Running(Observation observation, NeuroActionObservationContext context) {

	}

}
