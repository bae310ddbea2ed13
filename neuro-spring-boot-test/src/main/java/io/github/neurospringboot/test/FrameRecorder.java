package io.github.neurospringboot.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the game sends: hands each frame to its connection's diagnostics, mirrors it into its connection (the
 * registered actions, the results), hands it to whoever answers it, then records it, in that order, so that a test
 * that has awaited a frame sees what the frame did. Recording is optional ({@link EmbeddedNeuro.Builder#recordFrames});
 * everything else happens either way.
 */
final class FrameRecorder {

	private static final Log logger = LogFactory.getLog(FrameRecorder.class);

	private static final JsonMapper JSON = JsonMapper.shared();

	private final boolean recording;

	private final BiConsumer<GameConnection, ReceivedFrame> answer;

	private final EmbeddedNeuroListener listener;

	private final List<ReceivedFrame> frames = new ArrayList<>();

	/** How many of {@link #frames} count as awaited. */
	private int cursor;

	/**
	 * Create a recorder.
	 * @param recording whether to keep the frames
	 * @param answer what the embedded Neuro does on each frame, once it is mirrored and before it is recorded
	 * @param listener who hears each frame, once it is mirrored and before it is answered
	 */
	FrameRecorder(boolean recording, BiConsumer<GameConnection, ReceivedFrame> answer,
			EmbeddedNeuroListener listener) {
		this.recording = recording;
		this.answer = answer;
		this.listener = listener;
	}

	/**
	 * The game sent a text frame.
	 * @param connection where it came
	 * @param text the frame
	 */
	void received(GameConnection connection, String text) {
		long receivedNanos = System.nanoTime();
		connection.textReceived(text);
		JsonNode json;
		try {
			json = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			// The diagnostics report it.
			this.listener.receivedNotJson(connection, text);
			return;
		}
		ReceivedFrame frame = new ReceivedFrame(connection.number(), json.path("command").asString(""), json, text,
				receivedNanos);
		logger.debug("Received " + text);
		mirror(connection, frame);
		this.listener.received(connection, frame);
		this.answer.accept(connection, frame);
		if (this.recording) {
			synchronized (this.frames) {
				this.frames.add(frame);
				this.frames.notifyAll();
			}
		}
	}

	private void mirror(GameConnection connection, ReceivedFrame frame) {
		switch (frame.command()) {
			case "startup" -> connection.startupReceived();
			case "actions/register" -> connection.registered(frame.data().path("actions"));
			case "actions/unregister" -> connection.unregistered(frame.data().path("action_names"));
			case "action/result" -> connection.resultReceived(frame.data());
			default -> {
				// context, actions/force, shutdown/ready and the rest change nothing a connection keeps.
			}
		}
	}

	List<ReceivedFrame> frames() {
		assertRecording();
		synchronized (this.frames) {
			return List.copyOf(this.frames);
		}
	}

	/**
	 * The frames after the last one awaited, which count as awaited from now on.
	 * @return the frames, oldest first
	 */
	List<ReceivedFrame> drain() {
		assertRecording();
		synchronized (this.frames) {
			List<ReceivedFrame> unread = List.copyOf(this.frames.subList(this.cursor, this.frames.size()));
			this.cursor = this.frames.size();
			return unread;
		}
	}

	/**
	 * Wait for the next wanted frame after the last one awaited; unwanted frames on the way count as awaited.
	 * @param wanted which frame
	 * @param what the frame in words, for the failure
	 * @param timeout how long to wait
	 * @return the frame
	 * @throws AssertionError if none arrives in time
	 */
	ReceivedFrame await(Predicate<ReceivedFrame> wanted, String what, Duration timeout) {
		assertRecording();
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.frames) {
			while (true) {
				for (int i = this.cursor; i < this.frames.size(); i++) {
					if (wanted.test(this.frames.get(i))) {
						this.cursor = i + 1;
						return this.frames.get(i);
					}
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("The game sent no " + what + " within " + timeout);
				}
				Waits.waitOn(this.frames, left);
			}
		}
	}

	private void assertRecording() {
		if (!this.recording) {
			throw new IllegalStateException("This embedded Neuro does not record frames: see Builder.recordFrames");
		}
	}

}
