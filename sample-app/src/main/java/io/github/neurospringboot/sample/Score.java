package io.github.neurospringboot.sample;

import io.github.neurospringboot.sample.Board.Mark;
import org.jspecify.annotations.Nullable;

/**
 * The running score. Not thread-safe: the game guards it.
 */
final class Score {

	private int neuro;

	private int game;

	private int draws;

	void record(@Nullable Mark winner) {
		if (winner == Mark.O) {
			this.neuro++;
		}
		else if (winner == Mark.X) {
			this.game++;
		}
		else {
			this.draws++;
		}
	}

	int games() {
		return this.neuro + this.game + this.draws;
	}

	@Override
	public String toString() {
		return "Score after " + games() + " game(s): Neuro " + this.neuro + ", the game " + this.game + ", draws "
				+ this.draws;
	}

}
