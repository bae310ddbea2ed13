package io.github.neurospringboot.protocol;

/**
 * The {@code shutdown/ready} message (proposal): tells Neuro that the game has saved after a
 * {@link GracefulShutdownRequest} or an {@link ImmediateShutdownRequest} and may be closed.
 */
public record ShutdownReady() implements OutgoingMessage {

	/**
	 * Return {@code shutdown/ready}.
	 * @return the wire command
	 */
	@Override
	public String command() {
		return "shutdown/ready";
	}

	/**
	 * Return {@code false}: {@code shutdown/ready} is sent without a {@code data} key.
	 * @return {@code false}
	 */
	@Override
	public boolean hasData() {
		return false;
	}

}
