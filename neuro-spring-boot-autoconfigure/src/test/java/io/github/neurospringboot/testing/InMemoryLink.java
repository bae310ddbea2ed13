package io.github.neurospringboot.testing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.neurospringboot.connection.NeuroLink;
import io.github.neurospringboot.protocol.OutgoingMessage;

/**
 * A {@link NeuroLink} whose socket is a list: it keeps every message it took, in order, for a test to read, until it
 * is {@link #close() closed}; from then on it takes nothing ({@link #send} returns {@code false}), as a link whose
 * connection ended.
 */
public final class InMemoryLink implements NeuroLink {

	private static final URI URL = URI.create("ws://127.0.0.1:8000/");

	private final String id;

	private final List<OutgoingMessage> sent = new ArrayList<>();

	private boolean open = true;

	/**
	 * Create an open link.
	 * @param id the link's id, to tell links apart in a failure message
	 */
	public InMemoryLink(String id) {
		this.id = id;
	}

	@Override
	public synchronized boolean send(OutgoingMessage message) {
		if (!this.open) {
			return false;
		}
		this.sent.add(message);
		notifyAll();
		return true;
	}

	/**
	 * Wait until the link has taken a number of messages (since the last {@link #take()}).
	 * @param count how many
	 * @param timeout how long to wait at most: a generous bound, reached only when a test fails
	 * @return the messages taken, oldest first
	 * @throws InterruptedException if interrupted while waiting
	 * @throws AssertionError if fewer were taken within the timeout
	 */
	public synchronized List<OutgoingMessage> awaitSent(int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.sent.size() < count) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new AssertionError("Expected " + count + " message(s) on " + this + " within " + timeout
						+ ", but it took " + this.sent);
			}
			TimeUnit.NANOSECONDS.timedWait(this, left);
		}
		return List.copyOf(this.sent);
	}

	/**
	 * The messages this link took, oldest first.
	 * @return a snapshot
	 */
	public synchronized List<OutgoingMessage> sent() {
		return List.copyOf(this.sent);
	}

	/**
	 * The messages of one kind this link took, oldest first.
	 * @param <T> the kind
	 * @param type the kind
	 * @return a snapshot
	 */
	public <T extends OutgoingMessage> List<T> sent(Class<T> type) {
		return sent().stream().filter(type::isInstance).map(type::cast).toList();
	}

	/**
	 * The messages this link took, oldest first, forgetting them: the next call returns only what came after.
	 * @return what was sent since the last call
	 */
	public synchronized List<OutgoingMessage> take() {
		List<OutgoingMessage> taken = List.copyOf(this.sent);
		this.sent.clear();
		return taken;
	}

	/**
	 * End the link's connection: from now on it takes nothing.
	 */
	public synchronized void close() {
		this.open = false;
	}

	@Override
	public synchronized boolean isOpen() {
		return this.open;
	}

	@Override
	public URI url() {
		return URL;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public String toString() {
		return "in-memory link " + this.id;
	}

}
