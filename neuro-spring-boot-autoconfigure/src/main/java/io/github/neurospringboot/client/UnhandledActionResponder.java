package io.github.neurospringboot.client;

import io.github.neurospringboot.connection.NeuroLink;
import io.github.neurospringboot.protocol.ActionRequest;
import io.github.neurospringboot.protocol.ActionResultMessage;

/**
 * The {@link ActionRequestHandler} of an application that executes no actions itself: every action is answered at
 * once with a failure, so that Neuro is never left waiting.
 */
public final class UnhandledActionResponder implements ActionRequestHandler {

	@Override
	public void handle(ActionRequest request, NeuroLink link) {
		String name = (request.name() != null) ? request.name() : "";
		link.send(new ActionResultMessage(request.id(), false,
				"Action failed. Unknown action '" + name + "': this game does not handle it."));
	}

}
