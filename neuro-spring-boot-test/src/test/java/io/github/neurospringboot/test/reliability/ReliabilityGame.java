package io.github.neurospringboot.test.reliability;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.neurospringboot.annotation.NeuroAction;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;

/**
 * The game the reliability tests play: one action for each way a handler can end, so that a test can mix them.
 * <ul>
 * <li>{@code play} is the normal one: it thinks for the given milliseconds and answers {@code Played.}; a test can
 * hold it, to cut a connection under actions that are running;</li>
 * <li>{@code explode} throws;</li>
 * <li>{@code stall} blocks until released, past any result deadline;</li>
 * <li>{@code nothing} returns {@code null}.</li>
 * </ul>
 * Whatever is still held or blocked is released when the context closes, so that no handler thread outlives the
 * game (a blocked handler is the game's to release: the starter cannot unblock it).
 */
class ReliabilityGame implements DisposableBean {

	static final String PLAY = "play";

	static final String EXPLODE = "explode";

	static final String STALL = "stall";

	static final String NOTHING = "nothing";

	private final AtomicInteger plays = new AtomicInteger();

	private final AtomicInteger held = new AtomicInteger();

	private final AtomicInteger stalling = new AtomicInteger();

	private final AtomicInteger stallsFinished = new AtomicInteger();

	private volatile CountDownLatch playGate = new CountDownLatch(0);

	private final CountDownLatch stallGate = new CountDownLatch(1);

	/** The names of the threads {@code nothing} ran on, with their numbers left out. */
	private final Set<String> nothingThreads = ConcurrentHashMap.newKeySet();

	@NeuroAction(description = "Make a move after thinking for a few milliseconds.")
	String play(@Min(0) @Max(100) int think) throws InterruptedException {
		CountDownLatch gate = this.playGate;
		this.held.incrementAndGet();
		try {
			gate.await(ReliabilityRun.HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
		}
		finally {
			this.held.decrementAndGet();
		}
		Thread.sleep(think);
		this.plays.incrementAndGet();
		return "Played.";
	}

	@NeuroAction(description = "Make a move the game cannot handle.")
	void explode() {
		throw new IllegalStateException("The reliability game broke on purpose");
	}

	@NeuroAction(description = "Make a move the game takes far too long over.")
	String stall() throws InterruptedException {
		this.stalling.incrementAndGet();
		try {
			this.stallGate.await(ReliabilityRun.HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
		}
		finally {
			this.stalling.decrementAndGet();
			this.stallsFinished.incrementAndGet();
		}
		return "Too late.";
	}

	/** Never blocks, so it runs on the thread that received the call. */
	@NeuroAction(description = "Make a move that changes nothing.", blocking = false)
	@Nullable String nothing() {
		this.nothingThreads.add(Thread.currentThread().getName().replaceAll("\\d+", "#"));
		return null;
	}

	/** From now on, {@code play} waits at its gate until {@link #releasePlays()}. */
	void holdPlays() {
		this.playGate = new CountDownLatch(1);
	}

	void releasePlays() {
		this.playGate.countDown();
	}

	void releaseStalls() {
		this.stallGate.countDown();
	}

	/** How many {@code play} calls finished. */
	int plays() {
		return this.plays.get();
	}

	/** How many {@code play} calls are waiting at the gate now (a moment, when it is open). */
	int heldPlays() {
		return this.held.get();
	}

	/** The threads {@code nothing} ran on, by name with their numbers left out. */
	Set<String> nothingThreads() {
		return this.nothingThreads;
	}

	/** How many {@code stall} calls are blocked now. */
	int stalling() {
		return this.stalling.get();
	}

	/** How many {@code stall} calls were released and returned. */
	int stallsFinished() {
		return this.stallsFinished.get();
	}

	@Override
	public void destroy() {
		releasePlays();
		releaseStalls();
	}

}
