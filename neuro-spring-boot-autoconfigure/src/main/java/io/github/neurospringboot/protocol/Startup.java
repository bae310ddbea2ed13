package io.github.neurospringboot.protocol;

/**
 * The {@code startup} message: must be the first message on every connection. It clears every action this game
 * registered before, so it is followed by a full {@link RegisterActions}.
 */
public record Startup() implements OutgoingMessage {

	/**
	 * Return {@code startup}.
	 * @return the wire command
	 */
	@Override
	public String command() {
		return "startup";
	}

	/**
	 * Return {@code false}: {@code startup} is sent without a {@code data} key.
	 * @return {@code false}
	 */
	@Override
	public boolean hasData() {
		return false;
	}

}
