package io.github.neurospringboot.protocol;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How urgently Neuro should answer an {@link ForceActions action force}. The server assumes {@link #LOW} when the
 * priority is omitted.
 */
public enum ForcePriority {

	/**
	 * Wire value {@code low}, the server's default.
	 */
	LOW,

	/**
	 * Wire value {@code medium}.
	 */
	MEDIUM,

	/**
	 * Wire value {@code high}.
	 */
	HIGH,

	/**
	 * Wire value {@code critical}.
	 */
	CRITICAL;

	/**
	 * Return the wire value of this priority, for example {@code "high"}.
	 * @return the lower-case wire value
	 */
	// @JsonValue takes precedence over the mapper's enum features (WRITE_ENUMS_USING_INDEX and the like)
	@JsonValue
	public String wireValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
