package io.github.neurospringboot.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.github.neurospringboot.test.diagnostics.ConnectionFeed;
import io.github.neurospringboot.test.replay.SessionRecorder;
import io.github.neurospringboot.test.replay.SessionScript;
import jakarta.websocket.Session;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One websocket connection of a game to an {@link EmbeddedNeuro}, and what belongs to it alone, as on the real
 * server: the actions registered on it ({@code startup} clears them; they are gone when it closes), the results of
 * the actions sent on it, and how it closed. Everything sent through it goes to this connection and no other;
 * sending on a closed connection fails.
 *
 * <p>{@link EmbeddedNeuro}'s own methods act on the connection of the game under test
 * ({@link EmbeddedNeuro#connection()}); take a connection when a test must be explicit, such as one that watches an
 * old connection while the game reconnects.
 */
public final class GameConnection {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final int number;

	private final Session session;

	private final AtomicLong ids;

	private final ConnectionFeed diagnostics;

	private final @Nullable SessionRecorder recorder;

	private final EmbeddedNeuroListener listener;

	private final Map<String, JsonNode> registered = new LinkedHashMap<>();

	private final Map<String, CompletableFuture<ActionOutcome>> pendingResults = new ConcurrentHashMap<>();

	private final Map<String, CompletableFuture<Void>> pendingPongs = new ConcurrentHashMap<>();

	private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

	private volatile boolean frozen;

	GameConnection(int number, Session session, AtomicLong ids, ConnectionFeed diagnostics,
			@Nullable SessionRecorder recorder, EmbeddedNeuroListener listener) {
		this.number = number;
		this.session = session;
		this.ids = ids;
		this.diagnostics = diagnostics;
		this.recorder = recorder;
		this.listener = listener;
	}

	/**
	 * Which connection this is, counting every connection the embedded Neuro accepted, from 1.
	 * @return the number, as in {@link ReceivedFrame#connection()}
	 */
	public int number() {
		return this.number;
	}

	/**
	 * Whether the connection is open: neither side has closed it.
	 * @return {@code true} if open
	 */
	public boolean isOpen() {
		return !this.closeCode.isDone() && this.session.isOpen();
	}

	/**
	 * The close code the connection ended with.
	 * @return the code, or empty while it is open
	 */
	public Optional<Integer> closeCode() {
		return Optional.ofNullable(this.closeCode.getNow(null));
	}

	/**
	 * Wait until the connection closes.
	 * @param timeout how long to wait
	 * @return the close code (1006 when the connection was cut without a close frame)
	 * @throws AssertionError if it is still open after the timeout
	 */
	public int awaitClose(Duration timeout) {
		try {
			return this.closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("Connection " + this.number + " was still open after " + timeout);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The actions registered on this connection now.
	 * @return their names
	 */
	public Set<String> registeredActions() {
		synchronized (this.registered) {
			return Set.copyOf(this.registered.keySet());
		}
	}

	/**
	 * The registration of an action on this connection, as the game sent it.
	 * @param name the action's name
	 * @return its {@code name}, {@code description} and {@code schema}, or empty if it is not registered
	 */
	public Optional<JsonNode> registeredAction(String name) {
		synchronized (this.registered) {
			return Optional.ofNullable(this.registered.get(name));
		}
	}

	/**
	 * Wait until the game registers an action on this connection.
	 * @param name the action's name
	 * @param timeout how long to wait
	 * @throws AssertionError if it is not registered in time, or the connection closes first
	 */
	public void awaitActionRegistered(String name, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.registered) {
			while (!this.registered.containsKey(name)) {
				if (!isOpen()) {
					throw new AssertionError("Connection " + this.number + " closed before action '" + name
							+ "' was registered on it");
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("Action '" + name + "' was not registered on connection " + this.number
							+ " within " + timeout);
				}
				Waits.waitOn(this.registered, left);
			}
		}
	}

	// --- what Neuro does on this connection ---------------------------------------------------------------------

	/**
	 * Execute an action on this connection and wait for its result.
	 * @param action the action's name
	 * @param data its parameters as JSON (sent as the JSON string the protocol wants), or {@code null} for none
	 * @param timeout how long to wait for the result
	 * @return the result
	 * @throws AssertionError if no result comes in time
	 */
	public ActionOutcome execute(String action, @Nullable String data, Duration timeout) {
		try {
			return executeAsync(action, data).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("The game sent no result for action '" + action + "' on connection "
					+ this.number + " within " + timeout);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Execute an action on this connection without waiting.
	 * @param action the action's name
	 * @param data its parameters as JSON, or {@code null} for none
	 * @return a future completed with the result; failed with an {@link IllegalStateException} if the connection
	 * closes first
	 */
	public CompletableFuture<ActionOutcome> executeAsync(String action, @Nullable String data) {
		String id = "neuro-" + this.ids.incrementAndGet();
		CompletableFuture<ActionOutcome> result = new CompletableFuture<>();
		this.pendingResults.put(id, result);
		ObjectNode payload = JSON.createObjectNode().put("id", id).put("name", action);
		if (data != null) {
			payload.put("data", data);
		}
		try {
			send("action", payload);
		}
		catch (RuntimeException ex) {
			this.pendingResults.remove(id);
			throw ex;
		}
		return result;
	}

	/**
	 * Acknowledge {@code startup} on this connection, naming who plays.
	 * @param character who plays
	 */
	public void sendStartupAcknowledgement(NeuroCharacter character) {
		ObjectNode session = JSON.createObjectNode()
			.put("sessionId", "embedded-" + this.ids.incrementAndGet())
			.put("characterId", character.id())
			.put("displayName", character.displayName());
		send("startup", JSON.createObjectNode().set("session", session));
	}

	/**
	 * Ask the game to register all its actions again.
	 */
	public void sendReregisterAll() {
		send("actions/reregister_all", null);
	}

	/**
	 * Tell the game Neuro finished speaking.
	 * @param cancelled whether she was cut short
	 */
	public void sendSpeechFinished(boolean cancelled) {
		send("speech_finished", JSON.createObjectNode().put("isFinal", true).put("cancelled", cancelled));
	}

	/**
	 * Ask the game to get ready to be closed at its next safe point, or cancel that.
	 * @param wantsShutdown {@code false} cancels an earlier request
	 */
	public void sendGracefulShutdown(boolean wantsShutdown) {
		send("shutdown/graceful", JSON.createObjectNode().put("wants_shutdown", wantsShutdown));
	}

	/**
	 * Tell the game it is about to be closed.
	 */
	public void sendImmediateShutdown() {
		send("shutdown/immediate", null);
	}

	/**
	 * Send any text, valid or not.
	 * @param text the frame
	 * @throws IllegalStateException if the connection is closed
	 */
	public void sendText(String text) {
		synchronized (this.session) {
			assertOpen();
			if (!this.frozen) {
				// Before it leaves, so that the game's answer cannot come first; a frozen connection loses it.
				this.diagnostics.fromNeuro(text, Instant.now());
				if (this.recorder != null) {
					this.recorder.fromNeuro(text);
				}
			}
			this.listener.sending(this, text);
			try {
				this.session.getBasicRemote().sendText(text);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not send on connection " + this.number, ex);
			}
		}
	}

	/**
	 * Send a binary frame, which the Neuro API does not allow on this socket.
	 * @param bytes the payload
	 * @throws IllegalStateException if the connection is closed
	 */
	public void sendBinary(byte[] bytes) {
		synchronized (this.session) {
			assertOpen();
			try {
				this.session.getBasicRemote().sendBinary(ByteBuffer.wrap(bytes));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not send on connection " + this.number, ex);
			}
		}
	}

	/**
	 * Close the connection from Neuro's side, normally (1000); {@link #awaitClose} tells when the game has answered.
	 */
	public void close() {
		synchronized (this.session) {
			try {
				this.session.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not close connection " + this.number, ex);
			}
		}
	}

	/**
	 * The session on this connection so far, as a script a test can replay ({@link SessionReplay}): the actions Neuro
	 * sent that the game answered, with their results, and the contexts the game sent, in order.
	 * @return the script
	 * @throws IllegalStateException if sessions are not recorded ({@link EmbeddedNeuro.Builder#recordFrames})
	 */
	public SessionScript exportSession() {
		if (this.recorder == null) {
			throw new IllegalStateException("This embedded Neuro does not record sessions: see Builder.recordFrames");
		}
		return this.recorder.script();
	}

	@Override
	public String toString() {
		return "GameConnection[" + this.number + (isOpen() ? ", open" : ", closed") + "]";
	}

	// --- for the embedded Neuro ---------------------------------------------------------------------------------

	void send(String command, @Nullable JsonNode data) {
		ObjectNode frame = JSON.createObjectNode().put("command", command);
		if (data != null) {
			frame.set("data", data);
		}
		sendText(frame.toString());
	}

	/**
	 * Whether everything the game sent before this call has been read: a ping is answered after every frame sent
	 * before it, and a game that closed its end sent its close frame before any answer. A frozen connection carries
	 * nothing, so it is never in sync.
	 * @param timeout how long to wait for the answer; a game that does not answer in time is taken to be busy, not
	 * gone
	 * @return {@code true} if the connection is still open and not frozen
	 */
	boolean sync(Duration timeout) {
		if (this.frozen || !isOpen()) {
			return false;
		}
		String token = Long.toString(this.ids.incrementAndGet());
		CompletableFuture<Void> pong = new CompletableFuture<>();
		this.pendingPongs.put(token, pong);
		try {
			synchronized (this.session) {
				this.session.getBasicRemote().sendPing(ByteBuffer.wrap(token.getBytes()));
			}
			CompletableFuture.anyOf(pong, this.closeCode).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (IOException | IllegalStateException | ExecutionException | TimeoutException ex) {
			// Not answered: the connection is closing, or the game is busy; isOpen() tells which.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.pendingPongs.remove(token);
		}
		return isOpen();
	}

	/**
	 * The game sent a text frame, not yet read: the diagnostics see it first.
	 * @param text the frame
	 */
	void textReceived(String text) {
		this.diagnostics.fromGame(text, Instant.now());
		if (this.recorder != null) {
			this.recorder.fromGame(text);
		}
	}

	/**
	 * The game sent a binary frame.
	 * @param length its size in bytes
	 */
	void binaryReceived(int length) {
		this.diagnostics.binaryFromGame(Instant.now());
		this.listener.receivedBinary(this, length);
	}

	void ponged(ByteBuffer payload) {
		byte[] bytes = new byte[payload.remaining()];
		payload.get(bytes);
		CompletableFuture<Void> pong = this.pendingPongs.get(new String(bytes));
		if (pong != null) {
			pong.complete(null);
		}
	}

	void freeze(boolean frozen) {
		this.frozen = frozen;
	}

	boolean isFrozen() {
		return this.frozen;
	}

	/** {@code startup} clears every action the game registered before. */
	void startupReceived() {
		synchronized (this.registered) {
			this.registered.clear();
		}
	}

	void registered(JsonNode actions) {
		synchronized (this.registered) {
			actions.forEach((action) -> this.registered.put(action.path("name").asString(""), action));
			this.registered.notifyAll();
		}
	}

	void unregistered(JsonNode names) {
		synchronized (this.registered) {
			names.forEach((name) -> this.registered.remove(name.asString("")));
		}
	}

	void resultReceived(JsonNode data) {
		String id = data.path("id").asString("");
		CompletableFuture<ActionOutcome> pending = this.pendingResults.remove(id);
		if (pending != null) {
			JsonNode message = data.path("message");
			pending.complete(new ActionOutcome(id, data.path("success").asBoolean(false),
					message.isString() ? message.asString() : null));
		}
	}

	/** Its registrations go with it, and what waits on it learns it is gone. */
	void closed(int code) {
		synchronized (this.registered) {
			this.registered.clear();
			this.registered.notifyAll();
		}
		this.closeCode.complete(code);
		this.diagnostics.closed();
		IllegalStateException gone = new IllegalStateException("Connection " + this.number + " closed (code "
				+ code + ") before the game answered");
		this.pendingResults.values().forEach((pending) -> pending.completeExceptionally(gone));
		this.pendingResults.clear();
	}

	private void assertOpen() {
		if (!isOpen()) {
			throw new IllegalStateException("Connection " + this.number + " is closed: nothing can be sent on it");
		}
	}

}
