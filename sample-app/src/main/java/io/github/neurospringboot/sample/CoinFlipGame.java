package io.github.neurospringboot.sample;

import java.util.Random;

import io.github.neurospringboot.client.ActionRequestHandler;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.connection.NeuroLink;
import io.github.neurospringboot.event.NeuroConnectedEvent;
import io.github.neurospringboot.event.NeuroDisconnectedEvent;
import io.github.neurospringboot.event.NeuroSessionAcknowledgedEvent;
import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.protocol.ActionRequest;
import io.github.neurospringboot.protocol.ActionResultMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The smallest game there is: one action, registered at startup, announced whenever Neuro connects, and answered
 * with the coin's side.
 */
@Component
class CoinFlipGame implements ActionRequestHandler {

	private static final Log logger = LogFactory.getLog(CoinFlipGame.class);

	private final NeuroClient neuro;

	private final Random random = new Random();

	CoinFlipGame(NeuroClient neuro) {
		this.neuro = neuro;
		// Registered once; the starter registers it again after every reconnect.
		neuro.registerActions(new ActionDefinition("flip_coin", "Flip a coin and see how it lands.", null));
	}

	@Override
	public void handle(ActionRequest request, NeuroLink link) {
		if (!"flip_coin".equals(request.name())) {
			link.send(new ActionResultMessage(request.id(), false, "Unknown action '" + request.name()
					+ "'. The only action is flip_coin."));
			return;
		}
		String side = this.random.nextBoolean() ? "heads" : "tails";
		logger.info("Neuro flipped the coin: " + side);
		link.send(new ActionResultMessage(request.id(), true, "The coin landed on " + side + "."));
	}

	@EventListener
	void onConnected(NeuroConnectedEvent event) {
		logger.info("Neuro is here (" + event.getUrl() + "); telling her about the coin");
		this.neuro.sendContext("A coin lies on the table. You can flip it.", true);
	}

	@EventListener
	void onSession(NeuroSessionAcknowledgedEvent event) {
		logger.info("Playing with " + event.getSession().displayName());
	}

	@EventListener
	void onDisconnected(NeuroDisconnectedEvent event) {
		logger.info("Neuro left (" + event.getReason() + ")");
	}

}
