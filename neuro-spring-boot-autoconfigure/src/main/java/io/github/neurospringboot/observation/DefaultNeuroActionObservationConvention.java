package io.github.neurospringboot.observation;

import io.github.neurospringboot.action.ActionResult;
import io.github.neurospringboot.observation.NeuroObservationDocumentation.ActionHighCardinalityKeys;
import io.github.neurospringboot.observation.NeuroObservationDocumentation.ActionLowCardinalityKeys;
import io.micrometer.common.KeyValues;

/**
 * The default {@link NeuroActionObservationConvention}: named {@code neuro.action}, contextual name
 * {@code neuro.action <action name>}, low-cardinality keys {@code neuro.action.name} and {@code neuro.action.outcome},
 * high-cardinality key {@code neuro.action.id}.
 */
public class DefaultNeuroActionObservationConvention implements NeuroActionObservationConvention {

	/**
	 * A shared instance.
	 */
	public static final DefaultNeuroActionObservationConvention INSTANCE = new DefaultNeuroActionObservationConvention();

	private static final String UNKNOWN_OUTCOME = "unknown";

	@Override
	public String getName() {
		return "neuro.action";
	}

	@Override
	public String getContextualName(NeuroActionObservationContext context) {
		return "neuro.action " + context.getCall().name();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(NeuroActionObservationContext context) {
		ActionResult result = context.getResult();
		return KeyValues.of(ActionLowCardinalityKeys.ACTION_NAME.withValue(context.getCall().name()),
				ActionLowCardinalityKeys.OUTCOME.withValue((result != null) ? result.outcome() : UNKNOWN_OUTCOME));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(NeuroActionObservationContext context) {
		return KeyValues.of(ActionHighCardinalityKeys.ACTION_ID.withValue(context.getCall().id()));
	}

}
