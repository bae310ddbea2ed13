package io.github.neurospringboot.test;

/**
 * Who plays, as told in the acknowledgement of {@code startup}.
 */
public enum NeuroCharacter {

	/** Neuro-sama. */
	NEURO("neuro", "Neuro-sama"),

	/** Evil Neuro. */
	EVIL("evil", "Evil Neuro");

	private final String id;

	private final String displayName;

	NeuroCharacter(String id, String displayName) {
		this.id = id;
		this.displayName = displayName;
	}

	/**
	 * The character's id on the wire.
	 * @return {@code neuro} or {@code evil}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The character's display name.
	 * @return the name
	 */
	public String displayName() {
		return this.displayName;
	}

}
