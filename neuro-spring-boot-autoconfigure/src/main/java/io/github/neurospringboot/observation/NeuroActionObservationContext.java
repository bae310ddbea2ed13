package io.github.neurospringboot.observation;

import io.github.neurospringboot.action.ActionCall;
import io.github.neurospringboot.action.ActionResult;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of an action knows: the call, and its result once decided.
 */
public class NeuroActionObservationContext extends Observation.Context {

	private final ActionCall call;

	private volatile @Nullable ActionResult result;

	/**
	 * Create the context of a call.
	 * @param call the call observed
	 */
	public NeuroActionObservationContext(ActionCall call) {
		this.call = call;
	}

	/**
	 * The call observed.
	 * @return the call
	 */
	public ActionCall getCall() {
		return this.call;
	}

	/**
	 * The result the action is answered with.
	 * @return the result, or {@code null} until it is decided
	 */
	public @Nullable ActionResult getResult() {
		return this.result;
	}

	/**
	 * Record the result the action is answered with.
	 * @param result the result
	 */
	public void setResult(ActionResult result) {
		this.result = result;
	}

}
