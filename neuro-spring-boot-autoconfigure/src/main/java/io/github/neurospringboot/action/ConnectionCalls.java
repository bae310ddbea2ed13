package io.github.neurospringboot.action;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.github.neurospringboot.connection.NeuroLink;
import io.github.neurospringboot.protocol.NeuroSession;
import io.github.neurospringboot.protocol.OutgoingMessage;

/**
 * The calls of one connection: the ids it has seen and the results it still owes, counted once for everyone who
 * waits on them (the shutdown, the force schedule, the back-pressure on reading). Made when a link opens and dropped
 * with it, so a repeated id is recognised within its connection only (servers restart their numbering) and a result
 * can only ever be sent on the link its call came on. Thread-safe.
 */
public final class ConnectionCalls {

	/**
	 * How many actions of one connection may wait for their result at once; beyond that the game stops reading until
	 * one is answered, so that results never pile up faster than they can be sent.
	 */
	static final int MAX_UNANSWERED = 1024;

	/** How often a reader waiting for room looks again whether the link closed meanwhile. */
	private static final long ADMISSION_RECHECK_MILLIS = 50;

	private final NeuroLink link;

	private final Listener listener;

	private final Supplier<Optional<NeuroSession>> session;

	private final SeenActionIds seenIds = new SeenActionIds();

	/** A lock, not a monitor, so that a virtual thread waiting on it never pins its carrier (Java 21 to 23). */
	private final ReentrantLock lock = new ReentrantLock();

	/** Signalled when none is owed any more, or when there is room to accept one more. */
	private final Condition answeredOne = this.lock.newCondition();

	/** Guarded by lock. */
	private int unanswered;

	/** Whether the connection is closing on purpose, accepting no more calls. Guarded by lock. */
	private boolean closing;

	/**
	 * Create the calls of a new link.
	 * @param link where the calls come from and their results go
	 * @param listener told as results go out
	 * @param session who is playing on the connection, when Neuro said
	 */
	public ConnectionCalls(NeuroLink link, Listener listener, Supplier<Optional<NeuroSession>> session) {
		this.link = link;
		this.listener = listener;
		this.session = session;
	}

	/**
	 * The link these calls came on.
	 * @return the link
	 */
	public NeuroLink link() {
		return this.link;
	}

	/**
	 * Who is playing on the connection.
	 * @return the session Neuro described, or empty before she did (it is optional)
	 */
	Optional<NeuroSession> session() {
		return this.session.get();
	}

	/**
	 * How many accepted calls have no result sent yet.
	 * @return the count
	 */
	public int unanswered() {
		this.lock.lock();
		try {
			return this.unanswered;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Record that an id was received.
	 * @param id the action id
	 * @return {@code true} the first time, {@code false} for an id this connection has seen
	 */
	boolean firstSight(String id) {
		return this.seenIds.add(id);
	}

	/**
	 * Send a message that answers no accepted call (a refusal before acceptance).
	 * @param message the message
	 */
	void reply(OutgoingMessage message) {
		this.link.send(message);
	}

	/**
	 * Accept a call: its result is owed from now on. Back-pressure: while {@link #MAX_UNANSWERED} results are owed,
	 * waits (this runs on the thread that reads the link, so Neuro's further frames wait in the network).
	 * @return {@code true} if accepted, {@code false} once the connection is {@link #close closing}
	 */
	boolean accept() {
		this.lock.lock();
		try {
			while (this.unanswered >= MAX_UNANSWERED && this.link.isOpen() && !this.closing) {
				// Timed, to notice a link that closed meanwhile.
				this.answeredOne.await(ADMISSION_RECHECK_MILLIS, TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			if (this.closing) {
				return false;
			}
			this.unanswered++;
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The connection is closing on purpose: accept no more calls. A call accepted before is still owed, and
	 * {@link #awaitAnswered} waits for it.
	 */
	public void close() {
		this.lock.lock();
		try {
			this.closing = true;
			this.answeredOne.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Send an accepted call's result, once.
	 * @param call the call
	 * @param result its result
	 */
	void answer(ActionCall call, ActionResult result) {
		this.listener.answering(call, result);
		this.link.send(result.toMessage(call.id()));
		boolean settled;
		this.lock.lock();
		try {
			this.unanswered--;
			settled = this.unanswered == 0;
			// Wake whoever waits for none owed (closing), or for room to accept one more.
			if (settled || this.unanswered == MAX_UNANSWERED - 1) {
				this.answeredOne.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
		if (settled) {
			this.listener.settled();
		}
	}

	/**
	 * Wait, at most the given time, until no result is owed.
	 * @param timeout how long to wait
	 * @return how many results are still owed: 0 unless the time ran out
	 */
	public int awaitAnswered(Duration timeout) {
		long left = timeout.toNanos();
		this.lock.lock();
		try {
			while (this.unanswered > 0 && left > 0) {
				left = this.answeredOne.awaitNanos(left);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.lock.unlock();
		}
		return unanswered();
	}

	/**
	 * Told, on the thread that sends a result, as the results of a connection go out.
	 */
	public interface Listener {

		/**
		 * A call's result is about to be sent on the connection.
		 * @param call the call
		 * @param result its result
		 */
		default void answering(ActionCall call, ActionResult result) {
		}

		/**
		 * A result was sent and none is owed any more.
		 */
		default void settled() {
		}

	}

}
