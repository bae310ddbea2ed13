package io.github.neurospringboot.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import io.github.neurospringboot.action.ActionCall;
import io.github.neurospringboot.action.ActionResult;
import io.github.neurospringboot.action.ConnectionCalls;
import io.github.neurospringboot.connection.NeuroLink;
import io.github.neurospringboot.registration.Registrations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The forces of one connection: those waiting to go and the one in flight. A force goes out only when no other force
 * is in flight and no action result is owed on the connection (a new force would cancel the one in flight, and a
 * force sent while a result is pending confuses Neuro). The force in flight is resolved when one of its actions gets
 * a result with {@code success: true}; a failure leaves it in flight, since Neuro retries the force herself, and it
 * is never sent again on this connection. Made when a link opens and dropped with it, with everything in it.
 */
final class ForceSchedule {

	private static final Log logger = LogFactory.getLog(ForceSchedule.class);

	private final NeuroLink link;

	private final ConnectionCalls calls;

	private final Registrations registrations;

	/** A lock, not a monitor: a frame may be sent under it, and a virtual thread blocked in a send under a monitor
	 * would pin its carrier (Java 21 to 23). */
	private final ReentrantLock lock = new ReentrantLock();

	// Guarded by lock.

	private final Deque<PendingForce> waiting = new ArrayDeque<>();

	private @Nullable PendingForce inFlight;

	ForceSchedule(NeuroLink link, ConnectionCalls calls, Registrations registrations) {
		this.link = link;
		this.calls = calls;
		this.registrations = registrations;
	}

	/**
	 * Send a force once Neuro is ready for it.
	 * @param force the force
	 */
	void submit(PendingForce force) {
		this.lock.lock();
		try {
			this.waiting.add(force);
			sendNextIfReady();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Withdraw an owner's forces: out of the queue, or, if in flight, resolved so that the next can go.
	 * @param owner the owner
	 */
	void withdraw(Object owner) {
		this.lock.lock();
		try {
			this.waiting.removeIf((pending) -> pending.owner() == owner);
			if (this.inFlight != null && this.inFlight.owner() == owner) {
				this.inFlight = null;
			}
			sendNextIfReady();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * A result is about to be sent: a success for one of the force's actions resolves it.
	 * @param call the call answered
	 * @param result its result
	 */
	void answering(ActionCall call, ActionResult result) {
		this.lock.lock();
		try {
			if (result.isSentAsSuccess() && this.inFlight != null && this.inFlight.actionNames().contains(call.name())) {
				this.inFlight = null;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * No result is owed any more: the next force may go.
	 */
	void settled() {
		this.lock.lock();
		try {
			sendNextIfReady();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Must hold the lock. */
	private void sendNextIfReady() {
		if (this.inFlight != null || this.calls.unanswered() > 0) {
			return;
		}
		Iterator<PendingForce> candidates = this.waiting.iterator();
		while (candidates.hasNext()) {
			PendingForce next = candidates.next();
			candidates.remove();
			// A force may only name registered actions; one naming none of them any more is dropped.
			List<String> names = next.actionNames().stream().filter(this.registrations::contains).toList();
			if (names.isEmpty()) {
				logger.debug("Dropped a force whose actions are no longer registered: " + next.actionNames());
				continue;
			}
			if (this.link.send(next.force().toMessage(names))) {
				this.inFlight = next;
			}
			return;
		}
	}

	/**
	 * A force waiting to go.
	 *
	 * @param force what it says
	 * @param actionNames the actions Neuro must choose from
	 * @param owner who it belongs to (an action window), or {@code null}
	 */
	record PendingForce(Force force, List<String> actionNames, @Nullable Object owner) {
	}

}
