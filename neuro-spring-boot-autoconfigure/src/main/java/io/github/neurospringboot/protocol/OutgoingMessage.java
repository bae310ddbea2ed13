package io.github.neurospringboot.protocol;

/**
 * A message the game sends to Neuro. The {@link NeuroMessageCodec} wraps it in the
 * {@code {"command", "game", "data"}} envelope; the record itself is the {@code data} object.
 */
public sealed interface OutgoingMessage
		permits Startup, Context, RegisterActions, UnregisterActions, ForceActions, ActionResultMessage, ShutdownReady {

	/**
	 * Return the wire command of this message, for example {@code actions/register}.
	 * @return the command
	 */
	String command();

	/**
	 * Return whether this message carries a {@code data} object. Data-less commands are sent without a {@code data}
	 * key at all, because some servers flag {@code "data": {}} on {@code startup} as an error.
	 * @return {@code true} if the envelope has a {@code data} key
	 */
	default boolean hasData() {
		return true;
	}

}
