package io.github.neurospringboot.window;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import io.github.neurospringboot.action.ActionCall;
import io.github.neurospringboot.action.ActionObserver;
import io.github.neurospringboot.action.ActionRegistry;
import io.github.neurospringboot.action.ActionResult;
import io.github.neurospringboot.action.ExecutableAction;
import io.github.neurospringboot.action.LambdaAction;
import io.github.neurospringboot.action.support.LambdaActionFactory;
import io.github.neurospringboot.client.CurrentConnection;
import io.github.neurospringboot.client.Forces;
import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.protocol.Context;
import io.github.neurospringboot.registration.Registrations;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;

/**
 * Opens action windows, and ends them when one of their actions is done. Inject it where the game decides whose turn
 * it is:
 *
 * <pre>{@code
 * windows.window()
 *     .context("Your opponent played X in cell 0.")
 *     .actions("place_mark")
 *     .force(Force.query("It is your turn.").state(board.toMarkdown()))
 *     .timeout(Duration.ofMinutes(2))
 *     .open();
 * }</pre>
 *
 * <p>A window registers those of its actions that are not registered yet, and unregisters them when it ends. Actions
 * something else still wants (registered at startup, by the application, or by another open window) are left alone,
 * so that nothing churns: a window can force the actions that stay registered all game long, as the Neuro API
 * advises, and ends when one of them is done. When an action belongs to several open windows, doing it ends the
 * oldest of them.
 *
 * <p>Forces go out one at a time. On disconnect the force in flight is dropped; after the reconnect, every open
 * window's actions are registered again and its force is sent again, because the decision is still to be made and
 * Neuro lost the force with the connection.
 */
public final class ActionWindows implements ActionObserver, Ordered, DisposableBean {

	/**
	 * The order among action observers: first, so that a done action's window has ended (its actions unregistered)
	 * when the other observers hear of the result.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private final ActionRegistry actions;

	private final Registrations registrations;

	private final Forces forces;

	private final LambdaActionFactory lambdas;

	private final CurrentConnection connection;

	private final WindowTimers timers = new WindowTimers();

	/** A lock, not a monitor: a frame may be sent under it, and a virtual thread blocked in a send under a monitor
	 * would pin its carrier (Java 21 to 23). */
	private final ReentrantLock lock = new ReentrantLock();

	/** Guarded by lock; in the order they were opened. */
	private final List<ActionWindow> open = new ArrayList<>();

	/**
	 * Windows ended by a call whose result is being sent: announced once it is sent, so that what the game does next
	 * (open the next window, say) follows the result on the wire.
	 */
	private final Map<ActionCall, ActionWindow> endedByCall = new ConcurrentHashMap<>();

	/**
	 * Create the windows' coordinator.
	 * @param actions the executable actions, where lambda actions are added while their windows are open
	 * @param registrations the actions registered with Neuro
	 * @param forces where forces go
	 * @param lambdas turns lambda actions into executable ones
	 * @param connection where a window's context is sent
	 */
	public ActionWindows(ActionRegistry actions, Registrations registrations, Forces forces,
			LambdaActionFactory lambdas, CurrentConnection connection) {
		this.actions = actions;
		this.registrations = registrations;
		this.forces = forces;
		this.lambdas = lambdas;
		this.connection = connection;
	}

	/**
	 * Start describing a window.
	 * @return a builder; nothing happens until {@link ActionWindowBuilder#open()}
	 */
	public ActionWindowBuilder window() {
		return new ActionWindowBuilder(this);
	}

	/**
	 * The windows open now.
	 * @return a snapshot, oldest first
	 */
	public List<ActionWindow> openWindows() {
		this.lock.lock();
		try {
			return List.copyOf(this.open);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void completing(ActionCall call, ActionResult result) {
		if (!result.isDone()) {
			return;
		}
		ActionWindow done;
		this.lock.lock();
		try {
			done = this.open.stream()
				.filter((window) -> window.actionNames().contains(call.name()))
				.findFirst()
				.orElse(null);
		}
		finally {
			this.lock.unlock();
		}
		if (done != null && close(done)) {
			this.endedByCall.put(call, done);
		}
	}

	@Override
	public void completed(ActionCall call) {
		ActionWindow ended = this.endedByCall.remove(call);
		if (ended != null) {
			ended.ended(new WindowEnd(WindowEnd.Reason.ACTION_DONE, call.name()));
		}
	}

	boolean isOpen(ActionWindow window) {
		this.lock.lock();
		try {
			return this.open.contains(window);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * End a window and announce it.
	 * @param window the window
	 * @param how how it ended
	 */
	void end(ActionWindow window, WindowEnd how) {
		if (close(window)) {
			window.ended(how);
		}
	}

	/**
	 * Close a window: unregister its actions that nothing else wants, drop its lambda actions no other open window
	 * uses, then withdraw its force.
	 * @return {@code false} if it was closed already
	 */
	private boolean close(ActionWindow window) {
		List<String> unusedLambdas = new ArrayList<>();
		this.lock.lock();
		try {
			if (!this.open.remove(window)) {
				return false;
			}
			for (LambdaAction<?> lambda : window.lambdaActions()) {
				if (lambdaNamed(lambda.name()) == null) {
					unusedLambdas.add(lambda.name());
				}
			}
		}
		finally {
			this.lock.unlock();
		}
		this.registrations.release(window, window.actionNames());
		unusedLambdas.forEach(this.actions::remove);
		this.forces.withdraw(window);
		return true;
	}

	/**
	 * End every open window: the application is stopping.
	 */
	@Override
	public void destroy() {
		openWindows().forEach((window) -> end(window, new WindowEnd(WindowEnd.Reason.STOPPED, null)));
		this.timers.close();
	}

	ActionWindow open(ActionWindowBuilder builder) {
		Map<String, ActionDefinition> definitions = new LinkedHashMap<>();
		for (String name : builder.actionNames) {
			definitions.put(name, this.actions.find(name)
				.map((entry) -> entry.action().definition())
				.orElseThrow(() -> new IllegalArgumentException("The game has no action named '" + name
						+ "' to put in a window; its actions are " + new TreeSet<>(this.actions.names())
						+ ". Declare it with @NeuroAction, or add it as a LambdaAction.")));
		}
		Map<LambdaAction<?>, ExecutableAction> created = new LinkedHashMap<>();
		for (LambdaAction<?> lambda : builder.lambdaActions) {
			ExecutableAction action = this.lambdas.create(lambda);
			created.put(lambda, action);
			definitions.put(lambda.name(), action.definition());
		}
		ActionWindow window = new ActionWindow(this, List.copyOf(definitions.keySet()),
				List.copyOf(builder.lambdaActions));
		this.lock.lock();
		try {
			addLambdas(created);
			this.open.add(window);
		}
		finally {
			this.lock.unlock();
		}
		if (builder.context != null) {
			this.connection.send(new Context(builder.context, builder.silentContext));
		}
		this.registrations.acquire(window, definitions.values());
		if (builder.timeout != null) {
			this.timers.after(window, builder.timeout, () -> end(window, new WindowEnd(WindowEnd.Reason.TIMED_OUT, null)));
		}
		if (builder.force != null) {
			// Checked and submitted under the lock, so that a window ending meanwhile never leaves a stale force.
			Runnable submit = () -> {
				this.lock.lock();
				try {
					if (this.open.contains(window)) {
						this.forces.submit(Objects.requireNonNull(builder.force), window.actionNames(), window);
					}
				}
				finally {
					this.lock.unlock();
				}
			};
			this.timers.when(window, builder.forceDelay, builder.forceCondition, submit);
		}
		return window;
	}

	/** Must hold the lock. All or nothing: every name is checked before any action is added. */
	private void addLambdas(Map<LambdaAction<?>, ExecutableAction> created) {
		for (LambdaAction<?> lambda : created.keySet()) {
			LambdaAction<?> inUse = lambdaNamed(lambda.name());
			if (inUse != null && inUse != lambda) {
				throw new IllegalStateException("An open window already has a different action named '"
						+ lambda.name() + "'. Reuse the same LambdaAction, or give this one another name.");
			}
			if (inUse == null && this.actions.find(lambda.name()).isPresent()) {
				throw new IllegalStateException("The game already has an action named '" + lambda.name()
						+ "'. Give the lambda action another name, or put the existing action in the window by name.");
			}
		}
		created.forEach((lambda, action) -> {
			if (lambdaNamed(lambda.name()) == null) {
				this.actions.add(action);
			}
		});
	}

	/** Must hold the lock. The lambda action of that name an open window uses, if any. */
	private @Nullable LambdaAction<?> lambdaNamed(String name) {
		for (ActionWindow window : this.open) {
			for (LambdaAction<?> lambda : window.lambdaActions()) {
				if (lambda.name().equals(name)) {
					return lambda;
				}
			}
		}
		return null;
	}

}
