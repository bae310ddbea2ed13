package io.github.neurospringboot.benchmark;

/**
 * A contender of the load benchmarks: a game that connects to Neuro and answers the {@code place_mark} actions she
 * executes with a success. {@link GameRunner} runs one in a process of its own.
 */
interface LoadGame extends AutoCloseable {

	/**
	 * Open a connection and register {@code place_mark}, and keep it open: after an abrupt loss the game connects
	 * again as it is made to; returns once the game has sent {@code startup} and the registration.
	 * @throws Exception if the connection cannot be made
	 */
	void connect() throws Exception;

	/**
	 * Close the connection, and stay disconnected.
	 * @throws Exception if it cannot be closed
	 */
	void disconnect() throws Exception;

}
