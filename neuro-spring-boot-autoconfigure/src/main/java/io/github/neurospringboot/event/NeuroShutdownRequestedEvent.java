package io.github.neurospringboot.event;

/**
 * Neuro asked the game to get ready to be closed ({@code shutdown/graceful} or {@code shutdown/immediate}, which only
 * games Neuro launches herself receive). Save, then call {@code NeuroClient.sendShutdownReady()}; never exit on your
 * own.
 */
public final class NeuroShutdownRequestedEvent extends NeuroEvent {

	private final boolean immediate;

	private final boolean wantsShutdown;

	/**
	 * Create an event.
	 * @param source the publisher
	 * @param immediate {@code true} for {@code shutdown/immediate}: save within seconds
	 * @param wantsShutdown for a graceful request, whether Neuro wants the game to shut down at the next safe point;
	 * {@code false} cancels an earlier request. Always {@code true} for an immediate one
	 */
	public NeuroShutdownRequestedEvent(Object source, boolean immediate, boolean wantsShutdown) {
		super(source);
		this.immediate = immediate;
		this.wantsShutdown = wantsShutdown || immediate;
	}

	/**
	 * Whether this is {@code shutdown/immediate}.
	 * @return {@code true} if the game must save within seconds
	 */
	public boolean isImmediate() {
		return this.immediate;
	}

	/**
	 * Whether Neuro wants the game to shut down; {@code false} cancels an earlier graceful request.
	 * @return the latest wish
	 */
	public boolean wantsShutdown() {
		return this.wantsShutdown;
	}

}
