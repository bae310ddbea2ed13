package io.github.neurospringboot.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as an action Neuro can execute. The method's parameters become the action's parameters: their
 * JSON schema is generated from their types, what Neuro sends is validated against it, and the method's return value
 * (or exception) becomes the {@code action/result}.
 *
 * <p>Parameters bind by name (compile with {@code -parameters}, or name them with {@link NeuroParam}). When the only
 * parameter (besides an {@code ActionContext}) is a record, its components are the action's parameters instead.
 *
 * <p>The method may return {@code void} or {@code null} (success), a {@link String} (success with that message), an
 * {@code ActionResult}, or a {@link java.util.concurrent.CompletionStage} of any of those. It may throw a
 * {@code NeuroActionException} to fail with a message meant for Neuro.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface NeuroAction {

	/**
	 * The action's name, unique in the game: lower-case letters, digits, {@code _} and {@code -}. Defaults to the
	 * method name in snake_case ({@code placeMark} becomes {@code place_mark}).
	 * @return the name
	 */
	String name() default "";

	/**
	 * What the action does, shown to Neuro verbatim: she reads it to decide when and how to use it.
	 * @return the description
	 */
	String description();

	/**
	 * Whether to register the action when the application connects. {@code false} registers it on demand only,
	 * with {@code NeuroClient.registerActions(String...)}.
	 * @return {@code true} to register at startup
	 */
	boolean registerAtStartup() default true;

	/**
	 * Whether the method may block: wait for I/O, a lock held long, a sleep, another thread. A method that may runs
	 * on the action executor (the application's task executor), so that reading from Neuro never waits for it.
	 * {@code false} promises the method never blocks and returns in microseconds (it computes and returns, or hands
	 * its work off and returns a {@link java.util.concurrent.CompletionStage}): it then runs on the thread that
	 * received the call, which spares a thread hand-off per action. While such a method runs, nothing else from Neuro
	 * is read, not even the answer to a ping.
	 * @return {@code false} to run on the receiving thread
	 */
	boolean blocking() default true;

}
