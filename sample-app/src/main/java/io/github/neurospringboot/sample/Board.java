package io.github.neurospringboot.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A tic-tac-toe board: cells 0 to 8, left to right, top to bottom. Not thread-safe: the game guards it.
 */
final class Board {

	private static final int[][] LINES = { { 0, 1, 2 }, { 3, 4, 5 }, { 6, 7, 8 }, { 0, 3, 6 }, { 1, 4, 7 },
			{ 2, 5, 8 }, { 0, 4, 8 }, { 2, 4, 6 } };

	private final Mark[] cells = new Mark[9];

	void clear() {
		Arrays.fill(this.cells, null);
	}

	boolean isFree(int cell) {
		return this.cells[cell] == null;
	}

	void mark(int cell, Mark mark) {
		this.cells[cell] = mark;
	}

	List<Integer> freeCells() {
		List<Integer> free = new ArrayList<>();
		for (int cell = 0; cell < 9; cell++) {
			if (isFree(cell)) {
				free.add(cell);
			}
		}
		return free;
	}

	Optional<Mark> winner() {
		for (int[] line : LINES) {
			Mark first = this.cells[line[0]];
			if (first != null && first == this.cells[line[1]] && first == this.cells[line[2]]) {
				return Optional.of(first);
			}
		}
		return Optional.empty();
	}

	boolean isOver() {
		return winner().isPresent() || freeCells().isEmpty();
	}

	/** The cell that completes a line of this mark, if any. */
	Optional<Integer> winningCell(Mark mark) {
		for (int cell : freeCells()) {
			this.cells[cell] = mark;
			boolean wins = winner().isPresent();
			this.cells[cell] = null;
			if (wins) {
				return Optional.of(cell);
			}
		}
		return Optional.empty();
	}

	/** The board for Neuro: Markdown without top-level headings, free cells shown by number. */
	String toMarkdown() {
		StringBuilder markdown = new StringBuilder("## Board\n");
		for (int row = 0; row < 3; row++) {
			markdown.append("- ");
			for (int column = 0; column < 3; column++) {
				int cell = row * 3 + column;
				markdown.append((column > 0) ? " | " : "").append(symbol(cell));
			}
			markdown.append('\n');
		}
		return markdown.append("\nYou are O. Free cells are shown by their number.").toString();
	}

	/** The board on one line, row by row, free cells shown by number: {@code O 1 2 / 3 X 5 / 6 7 8}. */
	String inOneLine() {
		StringBuilder line = new StringBuilder();
		for (int cell = 0; cell < 9; cell++) {
			line.append((cell == 0) ? "" : (cell % 3 == 0) ? " / " : " ").append(symbol(cell));
		}
		return line.toString();
	}

	/** The board for the console. */
	String render() {
		StringBuilder text = new StringBuilder();
		for (int row = 0; row < 3; row++) {
			text.append("\n    ").append(symbol(row * 3)).append(" | ").append(symbol(row * 3 + 1)).append(" | ")
				.append(symbol(row * 3 + 2));
			if (row < 2) {
				text.append("\n   ---+---+---");
			}
		}
		return text.toString();
	}

	private String symbol(int cell) {
		return (this.cells[cell] != null) ? this.cells[cell].name() : String.valueOf(cell);
	}

	/** A player's mark. */
	enum Mark {

		/** The game's own player, which moves first. */
		X,

		/** Neuro. */
		O

	}

}
