package io.github.neurospringboot.event;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Neuro finished speaking (the final {@code speech_finished} of an utterance; intermediate ones are not published).
 */
public final class NeuroSpeechFinishedEvent extends NeuroEvent {

	private final boolean cancelled;

	private final @Nullable String reason;

	/**
	 * Create an event.
	 * @param source the publisher
	 * @param cancelled whether the utterance was cut short
	 * @param reason why, when Neuro said
	 */
	public NeuroSpeechFinishedEvent(Object source, boolean cancelled, @Nullable String reason) {
		super(source);
		this.cancelled = cancelled;
		this.reason = reason;
	}

	/**
	 * Whether the utterance was cut short.
	 * @return {@code true} if cancelled
	 */
	public boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * Why the utterance ended, when Neuro said.
	 * @return the reason
	 */
	public Optional<String> getReason() {
		return Optional.ofNullable(this.reason);
	}

}
