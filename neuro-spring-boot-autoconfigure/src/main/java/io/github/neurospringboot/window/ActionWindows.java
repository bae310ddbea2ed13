package io.github.neurospringboot.window;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.github.neurospringboot.action.ActionCall;
import io.github.neurospringboot.action.ActionObserver;
import io.github.neurospringboot.action.ActionRegistry;
import io.github.neurospringboot.action.ActionResult;
import io.github.neurospringboot.action.ExecutableAction;
import io.github.neurospringboot.action.LambdaAction;
import io.github.neurospringboot.action.support.LambdaActionFactory;
import io.github.neurospringboot.client.ForceQueue;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.client.RegisteredActions;
import io.github.neurospringboot.protocol.ActionDefinition;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.Assert;

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
 * <p>Forces go out one at a time (see {@link ForceQueue}). On disconnect the force in flight is dropped; after the
 * reconnect, every open window's actions are registered again and its force is sent again, because the decision is
 * still to be made and Neuro lost the force with the connection.
 */
public final class ActionWindows implements ActionObserver, DisposableBean {

	private static final Log logger = LogFactory.getLog(ActionWindows.class);

	/** How often a {@link Builder#forceWhen} condition is checked. */
	static final Duration CONDITION_POLL_INTERVAL = Duration.ofMillis(100);

	private final ActionRegistry actions;

	private final RegisteredActions registered;

	private final ForceQueue forces;

	private final LambdaActionFactory lambdas;

	private final NeuroClient client;

	private final ScheduledThreadPoolExecutor scheduler;

	private final Object lock = new Object();

	/** Guarded by lock; in the order they were opened. */
	private final List<ActionWindow> open = new ArrayList<>();

	/** Guarded by lock: the lambda actions of open windows, by name. */
	private final Map<String, LambdaUse> lambdaUses = new HashMap<>();

	/**
	 * Windows ended by an action whose result is being sent on this thread: they are announced once it is sent, so
	 * that what the game does next (open the next window, say) follows the result on the wire. The dispatcher calls
	 * {@link #completing} and {@link #completed} for one action on one thread, one after the other.
	 */
	private final ThreadLocal<List<Runnable>> announceAfterResult = ThreadLocal.withInitial(ArrayList::new);

	/**
	 * Create the windows' coordinator.
	 * @param actions the executable actions, where lambda actions are added while their windows are open
	 * @param registered the actions registered with Neuro
	 * @param forces sends forces one at a time
	 * @param lambdas turns lambda actions into executable ones
	 * @param client sends a window's context
	 */
	public ActionWindows(ActionRegistry actions, RegisteredActions registered, ForceQueue forces,
			LambdaActionFactory lambdas, NeuroClient client) {
		this.actions = actions;
		this.registered = registered;
		this.forces = forces;
		this.lambdas = lambdas;
		this.client = client;
		this.scheduler = new ScheduledThreadPoolExecutor(1, new CustomizableThreadFactory("neuro-windows-"));
		this.scheduler.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Start describing a window.
	 * @return a builder; nothing happens until {@link Builder#open()}
	 */
	public Builder window() {
		return new Builder();
	}

	/**
	 * The windows open now.
	 * @return a snapshot, oldest first
	 */
	public List<ActionWindow> openWindows() {
		synchronized (this.lock) {
			return List.copyOf(this.open);
		}
	}

	@Override
	public void completing(ActionCall call, ActionResult result) {
		if (!result.isDone()) {
			return;
		}
		String name = call.name();
		ActionWindow done;
		synchronized (this.lock) {
			done = this.open.stream().filter((window) -> window.actionNames().contains(name)).findFirst().orElse(null);
		}
		if (done != null && close(done)) {
			this.announceAfterResult.get().add(() -> done.ended(new WindowEnd(WindowEnd.Reason.ACTION_DONE, name)));
		}
	}

	@Override
	public void completed(ActionCall call) {
		List<Runnable> announcements = this.announceAfterResult.get();
		this.announceAfterResult.remove();
		announcements.forEach(Runnable::run);
	}

	boolean isOpen(ActionWindow window) {
		synchronized (this.lock) {
			return this.open.contains(window);
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
	 * Close a window: unregister its actions that nothing else wants, then withdraw its force.
	 * @return {@code false} if it was closed already
	 */
	private boolean close(ActionWindow window) {
		List<String> unusedLambdas = new ArrayList<>();
		synchronized (this.lock) {
			if (!this.open.remove(window)) {
				return false;
			}
			for (String name : window.actionNames()) {
				LambdaUse use = this.lambdaUses.get(name);
				if (use != null && --use.users == 0) {
					this.lambdaUses.remove(name);
					unusedLambdas.add(name);
				}
			}
		}
		this.registered.release(window, window.actionNames());
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
		this.scheduler.shutdownNow();
	}

	private ActionWindow open(Builder builder) {
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
		ActionWindow window = new ActionWindow(this, List.copyOf(definitions.keySet()));
		synchronized (this.lock) {
			addLambdas(created);
			this.open.add(window);
		}
		if (builder.context != null) {
			this.client.sendContext(builder.context, builder.silentContext);
		}
		this.registered.acquire(window, definitions.values());
		if (builder.timeout != null) {
			window.addTimer(this.scheduler.schedule(() -> end(window, new WindowEnd(WindowEnd.Reason.TIMED_OUT, null)),
					builder.timeout.toMillis(), TimeUnit.MILLISECONDS));
		}
		if (builder.force != null) {
			scheduleForce(window, builder.force, builder.forceDelay, builder.forceCondition);
		}
		return window;
	}

	/** Must hold the lock. All or nothing: every name is checked before any action is added. */
	private void addLambdas(Map<LambdaAction<?>, ExecutableAction> created) {
		for (LambdaAction<?> lambda : created.keySet()) {
			LambdaUse use = this.lambdaUses.get(lambda.name());
			if (use != null && use.lambda != lambda) {
				throw new IllegalStateException("An open window already has a different action named '"
						+ lambda.name() + "'. Reuse the same LambdaAction, or give this one another name.");
			}
			if (use == null && this.actions.find(lambda.name()).isPresent()) {
				throw new IllegalStateException("The game already has an action named '" + lambda.name()
						+ "'. Give the lambda action another name, or put the existing action in the window by name.");
			}
		}
		created.forEach((lambda, action) -> {
			LambdaUse use = this.lambdaUses.get(lambda.name());
			if (use == null) {
				this.actions.add(action);
				this.lambdaUses.put(lambda.name(), new LambdaUse(lambda));
			}
			else {
				use.users++;
			}
		});
	}

	private void scheduleForce(ActionWindow window, Force force, @Nullable Duration delay,
			@Nullable BooleanSupplier condition) {
		// Checked and submitted under the lock, so that a window ending meanwhile never leaves a stale force behind.
		Runnable submit = () -> {
			synchronized (this.lock) {
				if (this.open.contains(window)) {
					this.forces.submit(force.toMessage(window.actionNames()), window);
				}
			}
		};
		if (condition != null) {
			ScheduledFuture<?>[] poll = new ScheduledFuture<?>[1];
			poll[0] = this.scheduler.scheduleWithFixedDelay(() -> {
				if (!window.isOpen()) {
					poll[0].cancel(false);
				}
				else if (holds(condition)) {
					poll[0].cancel(false);
					submit.run();
				}
			}, 0, CONDITION_POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
			window.addTimer(poll[0]);
		}
		else if (delay != null) {
			window.addTimer(this.scheduler.schedule(submit, delay.toMillis(), TimeUnit.MILLISECONDS));
		}
		else {
			submit.run();
		}
	}

	private static boolean holds(BooleanSupplier condition) {
		try {
			return condition.getAsBoolean();
		}
		catch (RuntimeException ex) {
			logger.warn("The condition of a window's force failed; it is checked again", ex);
			return false;
		}
	}

	/** A lambda action in use by open windows. */
	private static final class LambdaUse {

		private final LambdaAction<?> lambda;

		private int users = 1;

		LambdaUse(LambdaAction<?> lambda) {
			this.lambda = lambda;
		}

	}

	/**
	 * Describes a window; {@link #open()} opens it.
	 */
	public final class Builder {

		private final List<String> actionNames = new ArrayList<>();

		private final List<LambdaAction<?>> lambdaActions = new ArrayList<>();

		private @Nullable String context;

		private boolean silentContext;

		private @Nullable Force force;

		private @Nullable Duration forceDelay;

		private @Nullable BooleanSupplier forceCondition;

		private @Nullable Duration timeout;

		private Builder() {
		}

		/**
		 * Context sent when the window opens, prompting Neuro to respond.
		 * @param message plain text
		 * @return this builder
		 */
		public Builder context(String message) {
			return context(message, false);
		}

		/**
		 * Context sent when the window opens.
		 * @param message plain text
		 * @param silent {@code true} to let Neuro know without prompting her
		 * @return this builder
		 */
		public Builder context(String message, boolean silent) {
			this.context = message;
			this.silentContext = silent;
			return this;
		}

		/**
		 * Actions the game knows by name: {@code @NeuroAction} methods, and actions the application registered. One
		 * registered at startup or by the application stays registered when the window ends (the window forces it
		 * and ends when it is done); one with {@code registerAtStartup = false} that nothing else registered is
		 * registered while the window is open.
		 * @param names the action names
		 * @return this builder
		 */
		public Builder actions(String... names) {
			this.actionNames.addAll(List.of(names));
			return this;
		}

		/**
		 * An action that exists only while the window is open.
		 * @param action the action
		 * @return this builder
		 */
		public Builder action(LambdaAction<?> action) {
			this.lambdaActions.add(action);
			return this;
		}

		/**
		 * Force Neuro to choose one of the window's actions as soon as the window opens (and she is free).
		 * @param force what the force says
		 * @return this builder
		 */
		public Builder force(Force force) {
			this.force = force;
			this.forceDelay = null;
			this.forceCondition = null;
			return this;
		}

		/**
		 * Force Neuro after a delay, unless one of the window's actions was done meanwhile.
		 * @param delay how long to wait
		 * @param force what the force says
		 * @return this builder
		 */
		public Builder forceAfter(Duration delay, Force force) {
			this.force = force;
			this.forceDelay = delay;
			this.forceCondition = null;
			return this;
		}

		/**
		 * Force Neuro once a condition holds (checked every 100 ms), unless the window ended meanwhile.
		 * @param condition when to force
		 * @param force what the force says
		 * @return this builder
		 */
		public Builder forceWhen(BooleanSupplier condition, Force force) {
			this.force = force;
			this.forceDelay = null;
			this.forceCondition = condition;
			return this;
		}

		/**
		 * End the window if none of its actions is done in time.
		 * @param timeout how long it stays open
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * Open the window: send its context, register its actions, and force (now or later) if asked.
		 * @return the open window
		 * @throws IllegalArgumentException if an action name is unknown
		 * @throws IllegalStateException if a lambda action's name is taken
		 */
		public ActionWindow open() {
			Assert.state(!this.actionNames.isEmpty() || !this.lambdaActions.isEmpty(),
					"A window needs at least one action for Neuro to choose");
			return ActionWindows.this.open(this);
		}

	}

}
