package io.github.neurospringboot.benchmark;

/**
 * A game that {@link LoadBenchmark} drives: it connects to the embedded Neuro as a game connects to Neuro, and
 * answers the {@code place_mark} actions she executes.
 */
interface LoadGame extends AutoCloseable {

	/** The game's name, as Neuro sees it. */
	String GAME = "Tic Tac Toe";

	/**
	 * The name of this contender in the results.
	 * @return the name
	 */
	String name();

	/**
	 * Open a connection and register {@code place_mark}; returns once the game has sent both.
	 * @throws Exception if the connection cannot be made
	 */
	void connect() throws Exception;

	/**
	 * Close the connection; the embedded Neuro sees it closed shortly after.
	 * @throws Exception if it cannot be closed
	 */
	void disconnect() throws Exception;

}
