package io.github.neurospringboot.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

import io.github.neurospringboot.action.ActionCall;
import io.github.neurospringboot.action.ActionObserver;
import io.github.neurospringboot.action.ActionResult;
import io.github.neurospringboot.connection.NeuroLink;
import io.github.neurospringboot.protocol.ForceActions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Sends forces one at a time, as Neuro needs them: a force goes out only when no other force is in flight and no
 * action result is pending (a new force would cancel the one in flight, and a force sent while a result is pending
 * confuses her). The force in flight is resolved when one of its actions gets a result with {@code success: true};
 * a failure leaves it in flight, since Neuro retries the force herself, and it is never sent again by the game.
 *
 * <p>Forces belong to a connection: when it is lost, the force in flight and the queue are dropped. Forces submitted
 * with an owner (an action window) are the exception: they are sent again, in order, once the new connection has
 * registered its actions.
 */
public final class ForceQueue implements ActionObserver {

	private static final Log logger = LogFactory.getLog(ForceQueue.class);

	private final RegisteredActions registered;

	private final Object lock = new Object();

	// Everything below is guarded by lock.

	private final Deque<Pending> queue = new ArrayDeque<>();

	private @Nullable Pending inFlight;

	private @Nullable NeuroLink link;

	private int pendingResults;

	/**
	 * Create a queue.
	 * @param registered the actions registered with Neuro, which a force may name
	 */
	public ForceQueue(RegisteredActions registered) {
		this.registered = registered;
	}

	/**
	 * Queue a force; it is sent when Neuro is ready for it.
	 * @param force the force
	 * @param owner who the force belongs to, or {@code null}; an owned force survives reconnects until
	 * {@link #withdraw withdrawn}, an unowned one is dropped with its connection
	 * @return {@code true} if queued or sent, {@code false} when an unowned force cannot be sent (disconnected)
	 */
	public boolean submit(ForceActions force, @Nullable Object owner) {
		synchronized (this.lock) {
			if (this.link == null && owner == null) {
				return false;
			}
			this.queue.add(new Pending(force, owner));
			sendNextIfReady();
			return true;
		}
	}

	/**
	 * Withdraw an owner's force: out of the queue, or, if in flight, resolved so that the next can go.
	 * @param owner the owner
	 */
	public void withdraw(Object owner) {
		synchronized (this.lock) {
			this.queue.removeIf((pending) -> pending.owner() == owner);
			if (this.inFlight != null && this.inFlight.owner() == owner) {
				this.inFlight = null;
			}
			sendNextIfReady();
		}
	}

	/**
	 * Whether a force is in flight.
	 * @return {@code true} if one was sent and is not resolved
	 */
	public boolean hasForceInFlight() {
		synchronized (this.lock) {
			return this.inFlight != null;
		}
	}

	@Override
	public void accepted(ActionCall call) {
		synchronized (this.lock) {
			if (call.link() == this.link) {
				this.pendingResults++;
			}
		}
	}

	@Override
	public void completing(ActionCall call, ActionResult result) {
		synchronized (this.lock) {
			if (call.link() == this.link && result.isSuccess() && this.inFlight != null
					&& this.inFlight.force().actionNames().contains(call.name())) {
				this.inFlight = null;
			}
		}
	}

	@Override
	public void completed(ActionCall call) {
		synchronized (this.lock) {
			if (call.link() == this.link) {
				this.pendingResults--;
				sendNextIfReady();
			}
		}
	}

	/**
	 * A new connection registered its actions: send the owned forces again.
	 * @param opened the new connection
	 */
	void linkOpened(NeuroLink opened) {
		synchronized (this.lock) {
			this.link = opened;
			this.pendingResults = 0;
			sendNextIfReady();
		}
	}

	/**
	 * The connection is gone: drop its force in flight and the unowned forces; keep the owned ones for the next.
	 * @param closed the closed connection
	 */
	void linkClosed(NeuroLink closed) {
		synchronized (this.lock) {
			if (closed != this.link) {
				return;
			}
			this.link = null;
			List<Pending> kept = new ArrayList<>();
			if (this.inFlight != null && this.inFlight.owner() != null) {
				kept.add(this.inFlight);
			}
			this.inFlight = null;
			this.queue.stream().filter((pending) -> pending.owner() != null).forEach(kept::add);
			this.queue.clear();
			this.queue.addAll(kept);
		}
	}

	/** Must hold the lock. */
	private void sendNextIfReady() {
		if (this.link == null || this.inFlight != null || this.pendingResults > 0) {
			return;
		}
		Iterator<Pending> candidates = this.queue.iterator();
		while (candidates.hasNext()) {
			Pending next = candidates.next();
			candidates.remove();
			// A force may only name registered actions; one naming none of them any more is dropped.
			List<String> names = next.force().actionNames().stream().filter(this.registered::contains).toList();
			if (names.isEmpty()) {
				logger.debug("Dropped a force whose actions are no longer registered: " + next.force().actionNames());
				continue;
			}
			ForceActions force = new ForceActions(next.force().state(), next.force().query(),
					next.force().ephemeralContext(), next.force().priority(), names);
			if (this.link.send(force)) {
				this.inFlight = next;
			}
			return;
		}
	}

	private record Pending(ForceActions force, @Nullable Object owner) {
	}

}
