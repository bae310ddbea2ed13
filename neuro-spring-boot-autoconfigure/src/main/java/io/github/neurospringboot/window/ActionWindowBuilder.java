package io.github.neurospringboot.window;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.github.neurospringboot.action.LambdaAction;
import io.github.neurospringboot.client.Force;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Describes an action window; {@link #open()} opens it. Get one from {@link ActionWindows#window()}.
 */
public final class ActionWindowBuilder {

	private final ActionWindows windows;

	final List<String> actionNames = new ArrayList<>();

	final List<LambdaAction<?>> lambdaActions = new ArrayList<>();

	@Nullable String context;

	boolean silentContext;

	@Nullable Force force;

	@Nullable Duration forceDelay;

	@Nullable BooleanSupplier forceCondition;

	@Nullable Duration timeout;

	ActionWindowBuilder(ActionWindows windows) {
		this.windows = windows;
	}

	/**
	 * Context sent when the window opens, prompting Neuro to respond.
	 * @param message plain text
	 * @return this builder
	 */
	public ActionWindowBuilder context(String message) {
		return context(message, false);
	}

	/**
	 * Context sent when the window opens.
	 * @param message plain text
	 * @param silent {@code true} to let Neuro know without prompting her
	 * @return this builder
	 */
	public ActionWindowBuilder context(String message, boolean silent) {
		this.context = message;
		this.silentContext = silent;
		return this;
	}

	/**
	 * Actions the game knows by name: {@code @NeuroAction} methods, and actions the application registered. One
	 * registered at startup or by the application stays registered when the window ends (the window forces it and
	 * ends when it is done); one with {@code registerAtStartup = false} that nothing else registered is registered
	 * while the window is open.
	 * @param names the action names
	 * @return this builder
	 */
	public ActionWindowBuilder actions(String... names) {
		this.actionNames.addAll(List.of(names));
		return this;
	}

	/**
	 * An action that exists only while the window is open.
	 * @param action the action
	 * @return this builder
	 */
	public ActionWindowBuilder action(LambdaAction<?> action) {
		this.lambdaActions.add(action);
		return this;
	}

	/**
	 * Force Neuro to choose one of the window's actions as soon as the window opens (and she is free).
	 * @param force what the force says
	 * @return this builder
	 */
	public ActionWindowBuilder force(Force force) {
		return forceOnce(force, null, null);
	}

	/**
	 * Force Neuro after a delay, unless one of the window's actions was done meanwhile.
	 * @param delay how long to wait
	 * @param force what the force says
	 * @return this builder
	 */
	public ActionWindowBuilder forceAfter(Duration delay, Force force) {
		return forceOnce(force, delay, null);
	}

	/**
	 * Force Neuro once a condition holds (checked every 100 ms), unless the window ended meanwhile.
	 * @param condition when to force
	 * @param force what the force says
	 * @return this builder
	 */
	public ActionWindowBuilder forceWhen(BooleanSupplier condition, Force force) {
		return forceOnce(force, null, condition);
	}

	private ActionWindowBuilder forceOnce(Force force, @Nullable Duration delay, @Nullable BooleanSupplier condition) {
		this.force = force;
		this.forceDelay = delay;
		this.forceCondition = condition;
		return this;
	}

	/**
	 * End the window if none of its actions is done in time.
	 * @param timeout how long it stays open
	 * @return this builder
	 */
	public ActionWindowBuilder timeout(Duration timeout) {
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
		return this.windows.open(this);
	}

}
