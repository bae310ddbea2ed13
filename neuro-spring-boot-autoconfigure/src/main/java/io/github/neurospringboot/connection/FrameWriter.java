package io.github.neurospringboot.connection;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Writes one session's frames in the order they were handed over: one thread writes while the others leave their
 * frames to it, so that no sender waits for another's write.
 *
 * <p>{@link #write} writes on the calling thread unless another thread is writing, which then takes the frame along.
 * {@link #writeSoon} leaves the frame to a thread of the writer's own: the thread reading the socket uses it for the
 * answers to a burst of frames, so that it goes on reading while they are written.
 *
 * <p>The JSR-356 batching that would gather several frames into one socket write is not used: Tomcat buffers its own
 * answers to pings in the batch too, and logs a warning with a stack trace when a batched write fails as the
 * connection drops.
 */
final class FrameWriter {

	private final WebSocketSession session;

	private final Queue<WebSocketMessage<?>> waiting = new ConcurrentLinkedQueue<>();

	private final AtomicLong waitingBytes = new AtomicLong();

	/** Held by the one thread writing. */
	private final ReentrantLock writing = new ReentrantLock();

	/** When the write in progress began, or 0 when none is. */
	private volatile long writingSince;

	private final Executor ownThread;

	private final AtomicBoolean ownThreadCalled = new AtomicBoolean();

	private final Consumer<Exception> onFailure;

	/**
	 * Create a writer.
	 * @param session the open session
	 * @param ownThread where {@link #writeSoon} frames are written; it runs one task at a time
	 * @param onFailure told when a frame left to the writer's own thread could not be written
	 */
	FrameWriter(WebSocketSession session, Executor ownThread, Consumer<Exception> onFailure) {
		this.session = session;
		this.ownThread = ownThread;
		this.onFailure = onFailure;
	}

	/**
	 * Write a frame now, with any waiting before it; if another thread is writing, it takes this one along.
	 * @param frame the frame
	 * @throws IOException if writing failed
	 */
	void write(WebSocketMessage<?> frame) throws IOException {
		enqueue(frame);
		writeWaiting();
	}

	/**
	 * Leave a frame to the writer's own thread, which writes it with every frame waiting by the time it runs.
	 * @param frame the frame
	 */
	void writeSoon(WebSocketMessage<?> frame) {
		enqueue(frame);
		if (this.ownThreadCalled.compareAndSet(false, true)) {
			this.ownThread.execute(this::writeSoonFrames);
		}
	}

	/**
	 * How many bytes of payload wait to be written.
	 * @return the count
	 */
	long waitingBytes() {
		return this.waitingBytes.get();
	}

	/**
	 * How long the write in progress has taken.
	 * @return nanoseconds, 0 when no write is in progress
	 */
	long writingForNanos() {
		long since = this.writingSince;
		return (since != 0) ? Math.max(1, System.nanoTime() - since) : 0;
	}

	/**
	 * Whether every frame handed over has been written.
	 * @return {@code true} if none waits and none is being written
	 */
	boolean isFlushed() {
		return this.waiting.isEmpty() && this.writingSince == 0;
	}

	private void enqueue(WebSocketMessage<?> frame) {
		this.waitingBytes.addAndGet(frame.getPayloadLength());
		this.waiting.add(frame);
	}

	private void writeSoonFrames() {
		// Cleared first: a frame left after this point calls the thread again, and finds nothing or writes it.
		this.ownThreadCalled.set(false);
		try {
			writeWaiting();
		}
		catch (IOException | RuntimeException ex) {
			this.onFailure.accept(ex);
		}
	}

	/**
	 * Write what waits unless another thread is writing. Looking again after letting go catches a frame left by a
	 * thread that found the lock taken just as this one finished.
	 */
	private void writeWaiting() throws IOException {
		while (!this.waiting.isEmpty() && this.writing.tryLock()) {
			try {
				writeAllWaiting();
			}
			finally {
				this.writingSince = 0;
				this.writing.unlock();
			}
		}
	}

	private void writeAllWaiting() throws IOException {
		// Set before a frame leaves the queue, so that the writer never looks flushed with a frame in hand.
		this.writingSince = System.nanoTime();
		WebSocketMessage<?> frame;
		while ((frame = this.waiting.poll()) != null) {
			this.session.sendMessage(frame);
			this.waitingBytes.addAndGet(-frame.getPayloadLength());
			this.writingSince = System.nanoTime();
		}
	}

}
