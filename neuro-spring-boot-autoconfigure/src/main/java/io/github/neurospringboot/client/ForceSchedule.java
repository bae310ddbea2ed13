package io.github.neurospringboot.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

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

	private final Object lock = new Object();

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
		synchronized (this.lock) {
			this.waiting.add(force);
			sendNextIfReady();
		}
	}

	/**
	 * Withdraw an owner's forces: out of the queue, or, if in flight, resolved so that the next can go.
	 * @param owner the owner
	 */
	void withdraw(Object owner) {
		synchronized (this.lock) {
			this.waiting.removeIf((pending) -> pending.owner() == owner);
			if (this.inFlight != null && this.inFlight.owner() == owner) {
				this.inFlight = null;
			}
			sendNextIfReady();
		}
	}

	/**
	 * A result is about to be sent: a success for one of the force's actions resolves it.
	 * @param call the call answered
	 * @param result its result
	 */
	void answering(ActionCall call, ActionResult result) {
		synchronized (this.lock) {
			if (result.isSentAsSuccess() && this.inFlight != null && this.inFlight.actionNames().contains(call.name())) {
				this.inFlight = null;
			}
		}
	}

	/**
	 * No result is owed any more: the next force may go.
	 */
	void settled() {
		synchronized (this.lock) {
			sendNextIfReady();
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
