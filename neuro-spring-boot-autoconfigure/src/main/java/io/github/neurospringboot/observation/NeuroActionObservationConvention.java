package io.github.neurospringboot.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names an observation of an action and its keys. Define a bean of this type to replace
 * {@link DefaultNeuroActionObservationConvention}, or to extend it.
 */
public interface NeuroActionObservationConvention extends ObservationConvention<NeuroActionObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof NeuroActionObservationContext;
	}

}
