package io.github.neurospringboot.protocol;

import org.jspecify.annotations.Nullable;

/**
 * The session Neuro reports in her optional {@link StartupAcknowledgement}.
 *
 * @param sessionId the opaque session id, or {@code null} if the server sent none
 * @param characterId the character the game talks to: {@code neuro} or {@code evil}
 * @param displayName the character's display name, such as {@code Neuro-sama} or {@code Evil Neuro}; the
 * {@code characterId} when the server sent none
 */
public record NeuroSession(@Nullable String sessionId, String characterId, String displayName) {

	/**
	 * Return whether the game talks to Evil Neuro.
	 * @return {@code true} if the character id is {@code evil}
	 */
	public boolean isEvil() {
		return "evil".equals(this.characterId);
	}

}
