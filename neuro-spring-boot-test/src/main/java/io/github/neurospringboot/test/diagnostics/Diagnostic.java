package io.github.neurospringboot.test.diagnostics;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Something the {@link DiagnosticsEngine} found wrong in what a game did on one connection.
 *
 * @param id unique in its engine, in the order diagnostics were raised; what {@link DiagnosticsEngine#dismiss} takes
 * @param rule the id of the rule it breaks: a {@link DiagnosticRule}'s or a
 * {@link io.github.neurospringboot.test.lint.LintRule}'s, such as {@code several-forces}
 * @param severity how bad it is
 * @param message what is wrong and how to fix it, in plain words
 * @param game the game's name on the connection, {@code ""} until the game has sent one
 * @param connection the connection, as named by whoever feeds the engine
 * @param action the action it concerns, {@code ""} if none
 * @param frame the text of the frame it concerns, the game's or Neuro's (such as the action whose result never
 * came); {@code null} if none, such as for a binary frame
 * @param pointer a JSON pointer into {@code frame} to what is wrong, such as {@code /data/actions/0/name}; {@code ""}
 * for the whole frame, or when there is no frame
 * @param time when it happened: when the frame was received, or when the engine noticed a result was overdue
 */
public record Diagnostic(long id, String rule, Severity severity, String message, String game, String connection,
		String action, @Nullable String frame, String pointer, Instant time) {

	/**
	 * One line for a test failure or a log: severity, rule, where, and the message; not the frame.
	 * @return the line, such as
	 * {@code ERROR several-forces (game 'Dice', connection 2, action 'roll'): The game forced ...}
	 */
	@Override
	public String toString() {
		return this.severity + " " + this.rule + " (game '" + this.game + "', connection " + this.connection
				+ (this.action.isEmpty() ? "" : ", action '" + this.action + "'") + "): " + this.message;
	}

}
