package io.github.neurospringboot.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import io.github.neurospringboot.client.ForceSchedule.PendingForce;
import org.jspecify.annotations.Nullable;

/**
 * Where forces are submitted. A force belongs to the connection it is sent on and goes with it; forces with an owner
 * (an action window) are the exception: they are kept here, and every new connection sends them again, in order,
 * once it has registered its actions, until their owner withdraws them.
 */
public final class Forces {

	/** A lock, not a monitor: a frame may be sent under it, and a virtual thread blocked in a send under a monitor
	 * would pin its carrier (Java 21 to 23). */
	private final ReentrantLock lock = new ReentrantLock();

	// Guarded by lock.

	private final List<PendingForce> owned = new ArrayList<>();

	private @Nullable ForceSchedule current;

	/**
	 * Submit a force; it is sent when Neuro is ready for it.
	 * @param force what the force says
	 * @param actionNames the actions Neuro must choose from
	 * @param owner who the force belongs to, or {@code null}; an owned force survives reconnects until
	 * {@link #withdraw withdrawn}, an unowned one is dropped with its connection
	 * @return {@code true} if queued or sent, {@code false} when an unowned force cannot be sent (disconnected)
	 */
	public boolean submit(Force force, List<String> actionNames, @Nullable Object owner) {
		PendingForce pending = new PendingForce(force, List.copyOf(actionNames), owner);
		this.lock.lock();
		try {
			if (owner != null) {
				this.owned.add(pending);
			}
			else if (this.current == null) {
				return false;
			}
			if (this.current != null) {
				this.current.submit(pending);
			}
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Withdraw an owner's forces, wherever they are: kept for the next connection, waiting, or in flight.
	 * @param owner the owner
	 */
	public void withdraw(Object owner) {
		this.lock.lock();
		try {
			this.owned.removeIf((pending) -> pending.owner() == owner);
			if (this.current != null) {
				this.current.withdraw(owner);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * A new connection registered its actions: it sends the owned forces again, and the forces submitted from now on.
	 * @param opened the new connection's schedule
	 */
	void attach(ForceSchedule opened) {
		this.lock.lock();
		try {
			this.current = opened;
			this.owned.forEach(opened::submit);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * A connection is closing or gone: it sends no more forces.
	 * @param closed its schedule
	 */
	void detach(ForceSchedule closed) {
		this.lock.lock();
		try {
			if (this.current == closed) {
				this.current = null;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

}
