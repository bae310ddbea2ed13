package io.github.neurospringboot.client;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.protocol.NeuroSession;

/**
 * What a game does with Neuro during play. Inject it anywhere; every method is thread-safe.
 *
 * <p>While disconnected: registrations and unregistrations are kept and take effect on the next connect; context,
 * forces and {@code shutdown/ready} are not sent and the method returns {@code false} (a force belongs to a
 * connection, and stale context is worse than none).
 */
public interface NeuroClient {

	/**
	 * The game's name, as Neuro sees it.
	 * @return the game name
	 */
	String game();

	/**
	 * Whether the game is connected and its actions are registered.
	 * @return {@code true} if connected
	 */
	boolean isConnected();

	/**
	 * A future completed when the game is connected and registered (at once if it is now). Use it with a timeout,
	 * for example {@code client.whenConnected().get(10, TimeUnit.SECONDS)}.
	 * @return the future
	 */
	CompletableFuture<Void> whenConnected();

	/**
	 * Who is playing, from Neuro's acknowledgement of {@code startup}.
	 * @return the session, or empty while disconnected or when Neuro sent no acknowledgement (it is optional)
	 */
	Optional<NeuroSession> session();

	/**
	 * The latest round-trip time measured with a websocket ping.
	 * @return the time, or empty before the first answered ping of the current connection
	 */
	Optional<Duration> roundTripTime();

	/**
	 * Tell Neuro what is happening in the game.
	 * @param message plain text for Neuro to read
	 * @param silent {@code true} to let her know without prompting her to respond
	 * @return {@code true} if sent, {@code false} while disconnected
	 * @throws IllegalArgumentException if the message is blank
	 */
	boolean sendContext(String message, boolean silent);

	/**
	 * Tell Neuro what is happening, prompting her to respond ({@code silent: false}).
	 * @param message plain text for Neuro to read
	 * @return {@code true} if sent, {@code false} while disconnected
	 * @throws IllegalArgumentException if the message is blank
	 */
	default boolean sendContext(String message) {
		return sendContext(message, false);
	}

	/**
	 * Register actions the game can execute ({@code @NeuroAction} methods, such as those with
	 * {@code registerAtStartup = false}) by name. Kept across reconnects, until {@link #unregisterActions}.
	 * @param names the action names
	 * @throws IllegalArgumentException if the game has no executable action of a given name
	 */
	void registerActions(String... names);

	/**
	 * Register actions that the game cannot execute, so that Neuro sees them; her calls to them are answered with a
	 * failure saying so. Meant for tests and tools that show Neuro an action list; a game registers what it can run
	 * with {@link #registerActions(String...)}. Replaces earlier definitions of the same names; kept across
	 * reconnects.
	 * @param actions the actions
	 */
	void registerWithoutHandler(Collection<ActionDefinition> actions);

	/**
	 * Register actions that the game cannot execute.
	 * @param actions the actions
	 * @see #registerWithoutHandler(Collection)
	 */
	default void registerWithoutHandler(ActionDefinition... actions) {
		registerWithoutHandler(Arrays.asList(actions));
	}

	/**
	 * Unregister actions the application registered: at startup (its {@code @NeuroAction} methods) or since. Only
	 * the application's own registration ends: an action that an open action window also uses stays registered until
	 * the window ends. Names the application did not register are ignored.
	 * @param names the action names
	 */
	void unregisterActions(Collection<String> names);

	/**
	 * Unregister actions the application registered.
	 * @param names the action names
	 * @see #unregisterActions(Collection)
	 */
	default void unregisterActions(String... names) {
		unregisterActions(Arrays.asList(names));
	}

	/**
	 * The registered actions.
	 * @return a snapshot, in registration order
	 */
	List<ActionDefinition> registeredActions();

	/**
	 * Make Neuro execute one of the given actions. Forces go out one at a time: this one waits while another is in
	 * flight or an action result is pending, and is dropped if the connection is lost before it goes. For a force
	 * that should survive reconnects and end with its actions, use an action window.
	 * @param force what the force says
	 * @param actionNames the actions Neuro must choose from; each must be registered
	 * @return {@code true} if sent or queued, {@code false} while disconnected
	 * @throws IllegalArgumentException if a named action is not registered, or none is named
	 */
	boolean forceActions(Force force, Collection<String> actionNames);

	/**
	 * Make Neuro execute one of the given actions.
	 * @param force what the force says
	 * @param actionNames the actions Neuro must choose from; each must be registered
	 * @return {@code true} if sent or queued, {@code false} while disconnected
	 * @throws IllegalArgumentException if a named action is not registered, or none is named
	 * @see #forceActions(Force, Collection)
	 */
	default boolean forceActions(Force force, String... actionNames) {
		return forceActions(force, Arrays.asList(actionNames));
	}

	/**
	 * Tell Neuro the game has saved and may be closed, in answer to a shutdown request.
	 * @return {@code true} if sent, {@code false} while disconnected
	 */
	boolean sendShutdownReady();

}
