package io.github.neurospringboot.sample;

import java.util.Random;

import io.github.neurospringboot.action.NeuroActionException;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.annotation.NeuroParam;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.event.NeuroConnectedEvent;
import io.github.neurospringboot.event.NeuroSessionAcknowledgedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The smallest game there is: Neuro calls a side, the coin lands, and she is told how it went.
 */
@Component
class CoinFlipGame {

	private static final Log logger = LogFactory.getLog(CoinFlipGame.class);

	private final NeuroClient neuro;

	private final Random random = new Random();

	private int wins;

	private int flips;

	CoinFlipGame(NeuroClient neuro) {
		this.neuro = neuro;
	}

	@NeuroAction(description = "Call heads or tails, then flip the coin.")
	synchronized String flipCoin(@NeuroParam(description = "The side you bet on.") Side call) {
		Side landed = this.random.nextBoolean() ? Side.HEADS : Side.TAILS;
		this.flips++;
		if (landed == call) {
			this.wins++;
		}
		logger.info("Neuro called " + call + "; the coin landed on " + landed + " (" + this.wins + "/" + this.flips
				+ ")");
		return "The coin landed on " + landed + ". You won " + this.wins + " of " + this.flips + " flips.";
	}

	@NeuroAction(description = "Forget the score and start over.")
	synchronized void resetScore() {
		if (this.flips == 0) {
			throw new NeuroActionException("There is no score yet: flip the coin first.", false);
		}
		this.wins = 0;
		this.flips = 0;
	}

	@EventListener
	void onConnected(NeuroConnectedEvent event) {
		this.neuro.sendContext("A coin lies on the table. Call heads or tails and flip it.", true);
	}

	@EventListener
	void onSession(NeuroSessionAcknowledgedEvent event) {
		logger.info("Playing with " + event.getSession().displayName());
	}

	/** A side of the coin. */
	enum Side {

		HEADS, TAILS;

		@Override
		public String toString() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
