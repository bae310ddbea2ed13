package io.github.neurospringboot.protocol;

import org.jspecify.annotations.Nullable;

/**
 * The {@code speech_finished} message. One utterance can produce several of them; only the one with
 * {@code isFinal} set ends it, including a cancelled utterance.
 *
 * @param isFinal whether the utterance is over
 * @param cancelled whether the utterance was cancelled ({@code false} when the server did not say)
 * @param reason why the utterance was cancelled, or {@code null}
 */
public record SpeechFinished(boolean isFinal, boolean cancelled, @Nullable String reason) implements IncomingMessage {

}
