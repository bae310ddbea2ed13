package io.github.neurospringboot.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the starter and their keys.
 */
public enum NeuroObservationDocumentation implements ObservationDocumentation {

	/**
	 * An action Neuro called, from its acceptance to its result: current on the thread that runs the action's method
	 * while it runs. Named {@code neuro.action}, contextual name {@code neuro.action <action name>}.
	 */
	ACTION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultNeuroActionObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return ActionLowCardinalityKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return ActionHighCardinalityKeys.values();
		}

	};

	/**
	 * Low-cardinality keys of {@link #ACTION}: few values each, fit for meter tags.
	 */
	public enum ActionLowCardinalityKeys implements KeyName {

		/**
		 * The action's name (only the game's own actions are observed, so its values stay few).
		 */
		ACTION_NAME {

			@Override
			public String asString() {
				return "neuro.action.name";
			}

		},

		/**
		 * How the action was answered: {@code success}, {@code failure}, {@code failure_without_retry}, or
		 * {@code unknown} until its result is decided.
		 */
		OUTCOME {

			@Override
			public String asString() {
				return "neuro.action.outcome";
			}

		}

	}

	/**
	 * High-cardinality keys of {@link #ACTION}: one value per call, for spans only.
	 */
	public enum ActionHighCardinalityKeys implements KeyName {

		/**
		 * The id Neuro gave the call.
		 */
		ACTION_ID {

			@Override
			public String asString() {
				return "neuro.action.id";
			}

		}

	}

}
