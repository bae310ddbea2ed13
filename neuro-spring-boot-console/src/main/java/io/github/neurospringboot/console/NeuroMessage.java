package io.github.neurospringboot.console;

import java.util.function.Consumer;

import io.github.neurospringboot.test.GameConnection;
import io.github.neurospringboot.test.NeuroCharacter;

/**
 * What a person can send a game as Neuro, from the page.
 */
enum NeuroMessage {

	/** {@code startup} acknowledged, naming Neuro-sama. */
	STARTUP_NEURO((connection) -> connection.sendStartupAcknowledgement(NeuroCharacter.NEURO)),

	/** {@code startup} acknowledged, naming Evil Neuro. */
	STARTUP_EVIL((connection) -> connection.sendStartupAcknowledgement(NeuroCharacter.EVIL)),

	/** {@code actions/reregister_all}. */
	REREGISTER_ALL(GameConnection::sendReregisterAll),

	/** {@code speech_finished}, spoken to the end. */
	SPEECH_FINISHED((connection) -> connection.sendSpeechFinished(false)),

	/** {@code speech_finished}, cut short. */
	SPEECH_CANCELLED((connection) -> connection.sendSpeechFinished(true)),

	/** {@code shutdown/graceful} asking to close at the next safe point. */
	GRACEFUL_SHUTDOWN((connection) -> connection.sendGracefulShutdown(true)),

	/** {@code shutdown/graceful} cancelling an earlier request. */
	CANCEL_SHUTDOWN((connection) -> connection.sendGracefulShutdown(false)),

	/** {@code shutdown/immediate}. */
	IMMEDIATE_SHUTDOWN(GameConnection::sendImmediateShutdown);

	private final Consumer<GameConnection> send;

	NeuroMessage(Consumer<GameConnection> send) {
		this.send = send;
	}

	void sendOn(GameConnection connection) {
		this.send.accept(connection);
	}

}
