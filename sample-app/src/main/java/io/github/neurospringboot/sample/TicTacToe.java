package io.github.neurospringboot.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.neurospringboot.action.NeuroActionException;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.event.NeuroConnectedEvent;
import io.github.neurospringboot.event.NeuroSessionAcknowledgedEvent;
import io.github.neurospringboot.event.NeuroShutdownRequestedEvent;
import io.github.neurospringboot.sample.Board.Mark;
import io.github.neurospringboot.window.ActionWindows;
import io.github.neurospringboot.client.Force;
import io.github.neurospringboot.window.WindowEnd;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tic-tac-toe against Neuro. The game plays X and moves first; Neuro plays O. {@code place_mark} matters all game
 * long, so it is registered once, at startup, as the Neuro API advises, and refused with the reason when it is not
 * her turn. Each of her turns is an action window: what X did as context, and a force naming {@code place_mark} with
 * the board. A taken cell is refused with the free cells listed, so that her retry can succeed; a move is answered
 * with the new board. When a game is over, the next one starts, unless Neuro asked the game to get ready to close.
 */
@Component
class TicTacToe {

	private static final Log logger = LogFactory.getLog(TicTacToe.class);

	/** Long enough for Neuro to think; a turn that times out is offered again. */
	private static final Duration TURN_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration PAUSE_BETWEEN_GAMES = Duration.ofSeconds(2);

	private final ActionWindows windows;

	private final NeuroClient neuro;

	private final Board board = new Board();

	private final Random random = new Random();

	private final Score score = new Score();

	private boolean playing;

	/** Whether a move of hers is awaited: place_mark is refused otherwise. */
	private boolean herTurn;

	/** The taken cells Neuro tried this turn, for the console. */
	private final List<Integer> takenCellsTried = new ArrayList<>();

	private boolean shutdownRequested;

	TicTacToe(ActionWindows windows, NeuroClient neuro) {
		this.windows = windows;
		this.neuro = neuro;
	}

	@NeuroAction(description = "Place your O on a free cell of the tic-tac-toe board. The cells are numbered 0 to 8, "
			+ "left to right and top to bottom.")
	synchronized String placeMark(@Min(0) @Max(8) int cell) {
		if (!this.herTurn) {
			logger.info("Neuro (O) tries cell " + cell + ", but it is not her turn");
			throw new NeuroActionException(this.playing ? "It is not your turn: wait until X has moved."
					: "It is not your turn: no game is under way.");
		}
		if (!this.board.isFree(cell)) {
			this.takenCellsTried.add(cell);
			throw new NeuroActionException("Cell " + cell + " is taken. Free cells: " + describe(this.board.freeCells())
					+ ".");
		}
		this.board.mark(cell, Mark.O);
		this.herTurn = false;
		logger.info("Neuro (O) plays cell " + cell + afterTakenCells() + ":" + this.board.render());
		// A success says what changed: her mark, whether it won, and the board now.
		return "You placed O on cell " + cell
				+ (this.board.winner().isPresent() ? " and completed a line: you win this game!" : ".")
				+ " The board, row by row: " + this.board.inOneLine() + ".";
	}

	/** Connected (or connected again): start playing unless a game is already under way. */
	@EventListener
	synchronized void onConnected(NeuroConnectedEvent event) {
		if (!this.playing && !this.shutdownRequested) {
			newGame();
		}
	}

	@EventListener
	void onSession(NeuroSessionAcknowledgedEvent event) {
		logger.info("Playing against " + event.getSession().displayName());
	}

	@EventListener
	synchronized void onShutdownRequested(NeuroShutdownRequestedEvent event) {
		if (event.isImmediate()) {
			// Nothing to save: the score lives in memory. Neuro closes the game herself.
			this.neuro.sendShutdownReady();
			return;
		}
		this.shutdownRequested = event.wantsShutdown();
		if (!event.wantsShutdown()) {
			logger.info("Neuro no longer wants to close the game");
		}
		else if (this.playing) {
			logger.info("Neuro wants to close the game: this game is the last");
		}
		else {
			// Between games is a safe point already.
			readyToClose();
		}
	}

	synchronized int gamesFinished() {
		return this.score.games();
	}

	private void newGame() {
		this.playing = true;
		this.board.clear();
		logger.info("Game " + (this.score.games() + 1) + " starts. X (the game) moves first; Neuro plays O.");
		this.neuro.sendContext("A new game of tic-tac-toe starts. You play O; the game plays X and moves first.", true);
		gameMoves();
	}

	/** X's move: win if it can, else block Neuro, else the centre, else any free cell. */
	private void gameMoves() {
		List<Integer> free = this.board.freeCells();
		int cell = this.board.winningCell(Mark.X)
			.or(() -> this.board.winningCell(Mark.O))
			.orElse(free.contains(4) ? 4 : free.get(this.random.nextInt(free.size())));
		this.board.mark(cell, Mark.X);
		logger.info("The game (X) plays cell " + cell + ":" + this.board.render());
		if (this.board.isOver()) {
			gameOver();
		}
		else {
			neurosTurn("X played cell " + cell + ".");
		}
	}

	private void neurosTurn(String whatHappened) {
		this.herTurn = true;
		this.takenCellsTried.clear();
		this.windows.window()
			.context(whatHappened, true)
			.actions("place_mark")
			.force(Force.query("It is your turn. Place your O on a free cell: "
					+ describe(this.board.freeCells()) + ".").state(this.board.toMarkdown()))
			.timeout(TURN_TIMEOUT)
			.open()
			.whenEnded()
			.thenAccept(this::turnEnded);
	}

	private synchronized void turnEnded(WindowEnd end) {
		switch (end.reason()) {
			case ACTION_DONE -> {
				if (this.board.isOver()) {
					gameOver();
				}
				else {
					gameMoves();
				}
			}
			case TIMED_OUT -> {
				logger.info("Neuro (O) did not move within " + TURN_TIMEOUT.toSeconds() + " s: it is still her turn");
				neurosTurn("You took too long; it is still your turn.");
			}
			default -> {
				this.playing = false;
				this.herTurn = false;
			}
		}
	}

	private void gameOver() {
		String outcome = this.board.winner().map((mark) -> (mark == Mark.O) ? "Neuro wins" : "the game wins")
			.orElse("it is a draw");
		this.score.record(this.board.winner().orElse(null));
		logger.info("Game over: " + outcome + ". " + this.score + ".");
		this.neuro.sendContext("Game over: " + outcome + ". " + this.score + ".", false);
		this.playing = false;
		if (this.shutdownRequested) {
			readyToClose();
			return;
		}
		CompletableFuture.delayedExecutor(PAUSE_BETWEEN_GAMES.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
			synchronized (this) {
				if (!this.playing && !this.shutdownRequested && this.neuro.isConnected()) {
					newGame();
				}
			}
		});
	}

	private void readyToClose() {
		logger.info("Ready to be closed, as Neuro asked");
		this.neuro.sendShutdownReady();
	}

	/** The taken cells she tried before this move, as in " (after trying cells 4 and 0, which are taken)". */
	private String afterTakenCells() {
		List<String> cells = this.takenCellsTried.stream().map(String::valueOf).toList();
		if (cells.isEmpty()) {
			return "";
		}
		String listed = (cells.size() == 1) ? "cell " + cells.get(0)
				: "cells " + String.join(", ", cells.subList(0, cells.size() - 1)) + " and " + cells.get(cells.size() - 1);
		return " (after trying " + listed + ((cells.size() == 1) ? ", which is taken)" : ", which are taken)");
	}

	private static String describe(List<Integer> cells) {
		return String.join(", ", cells.stream().map(String::valueOf).toList());
	}

}
