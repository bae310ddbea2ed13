package io.github.neurospringboot.client;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.github.neurospringboot.action.ActionResult;
import io.github.neurospringboot.connection.NeuroLink;
import io.github.neurospringboot.connection.NeuroLinkHandler;
import io.github.neurospringboot.event.NeuroEventPublisher;
import io.github.neurospringboot.event.NeuroSessionAcknowledgedEvent;
import io.github.neurospringboot.event.NeuroShutdownRequestedEvent;
import io.github.neurospringboot.event.NeuroSpeechFinishedEvent;
import io.github.neurospringboot.event.NeuroUnknownCommandEvent;
import io.github.neurospringboot.protocol.ActionRequest;
import io.github.neurospringboot.protocol.GracefulShutdownRequest;
import io.github.neurospringboot.protocol.ImmediateShutdownRequest;
import io.github.neurospringboot.protocol.IncomingMessage;
import io.github.neurospringboot.protocol.NeuroSession;
import io.github.neurospringboot.protocol.ReregisterAllActions;
import io.github.neurospringboot.protocol.SpeechFinished;
import io.github.neurospringboot.protocol.StartupAcknowledgement;
import io.github.neurospringboot.protocol.UnknownCommand;
import io.github.neurospringboot.protocol.UnreadableAction;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;

/**
 * Routes what happens on the connection: a new link gets the registered actions, actions go to the
 * {@link ActionRequestHandler}, everything else becomes state or an event. Unknown commands become an event too but
 * are never answered, as the server itself does not answer what it does not know.
 */
public final class NeuroMessageRouter implements NeuroLinkHandler {

	private static final Log logger = LogFactory.getLog(NeuroMessageRouter.class);

	static final String UNREADABLE = "Action failed: the call could not be read (it was not valid JSON, or nested too "
			+ "deeply). Call the action again, with its parameters as one JSON object in the data string.";

	private final RegisteredActions actions;

	private final ForceQueue forces;

	private final Supplier<ActionRequestHandler> actionHandler;

	private final NeuroEventPublisher events;

	/** Neuro's acknowledgement belongs to the link it came on: one of an older link can never replace it. */
	private final AtomicReference<Acknowledgement> acknowledgement = new AtomicReference<>(Acknowledgement.NONE);

	/** Whether an action was handed to the action handler yet: until then there is no result to wait for. */
	private volatile boolean actionsHandled;

	/**
	 * Create a router.
	 * @param actions the registered actions to keep in sync
	 * @param forces the forces, which belong to a connection
	 * @param actionHandler answers actions; asked for on the first action, so that a handler can itself depend on
	 * the {@link NeuroClient}
	 * @param events where events go
	 */
	public NeuroMessageRouter(RegisteredActions actions, ForceQueue forces, Supplier<ActionRequestHandler> actionHandler,
			NeuroEventPublisher events) {
		this.actions = actions;
		this.forces = forces;
		this.actionHandler = SingletonSupplier.of(actionHandler);
		this.events = events;
	}

	/**
	 * The session Neuro described in its acknowledgement of the current connection's {@code startup}.
	 * @return the session, or empty while disconnected or when no acknowledgement came (it is optional)
	 */
	public Optional<NeuroSession> session() {
		return Optional.ofNullable(this.acknowledgement.get().session());
	}

	@Override
	public void onOpen(NeuroLink link) {
		this.acknowledgement.set(new Acknowledgement(link, null));
		this.actions.linkOpened(link);
		this.forces.linkOpened(link);
	}

	@Override
	public void onMessage(IncomingMessage message, NeuroLink link) {
		if (message instanceof ActionRequest request) {
			onAction(request, link);
		}
		else if (message instanceof StartupAcknowledgement acknowledged) {
			Acknowledgement current = this.acknowledgement.get();
			if (current.link() == link && this.acknowledgement.compareAndSet(current,
					new Acknowledgement(link, acknowledged.session()))) {
				this.events.publish(new NeuroSessionAcknowledgedEvent(this, acknowledged.session()));
			}
		}
		else if (message instanceof UnreadableAction unreadable) {
			link.send(ActionResult.failure(UNREADABLE).toMessage(unreadable.id()));
		}
		else if (message instanceof ReregisterAllActions) {
			this.actions.reregisterAll(link);
		}
		else if (message instanceof SpeechFinished speech) {
			// One utterance can end in several messages; only the final one means she is done.
			if (speech.isFinal()) {
				this.events.publish(new NeuroSpeechFinishedEvent(this, speech.cancelled(), speech.reason()));
			}
		}
		else if (message instanceof GracefulShutdownRequest graceful) {
			this.events.publish(new NeuroShutdownRequestedEvent(this, false, graceful.wantsShutdown()));
		}
		else if (message instanceof ImmediateShutdownRequest) {
			this.events.publish(new NeuroShutdownRequestedEvent(this, true, true));
		}
		else if (message instanceof UnknownCommand unknown) {
			if (logger.isDebugEnabled()) {
				logger.debug("Unknown command '" + unknown.command() + "' from Neuro: not answered, published as "
						+ "NeuroUnknownCommandEvent");
			}
			this.events.publish(new NeuroUnknownCommandEvent(this, unknown.command(), unknown.data()));
		}
	}

	private void onAction(ActionRequest request, NeuroLink link) {
		if (request.id() == null) {
			// Without an id there is nothing to answer to.
			logger.warn("Dropped an action from Neuro without an id (name: " + request.name() + ")");
			return;
		}
		this.actionsHandled = true;
		this.actionHandler.get().handle(request, link);
	}

	/**
	 * Send no more forces and unregister everything, so that Neuro calls nothing more, then let the actions still
	 * running answer.
	 */
	@Override
	public void onClosing(NeuroLink link) {
		this.forces.linkClosed(link);
		this.actions.unregisterAll(link);
		if (this.actionsHandled) {
			this.actionHandler.get().awaitResults(link);
		}
	}

	@Override
	public void onClose(NeuroLink link) {
		this.acknowledgement.updateAndGet((current) -> (current.link() == link) ? Acknowledgement.NONE : current);
		this.forces.linkClosed(link);
		this.actions.linkClosed(link);
	}

	/** The session Neuro described on a link, or {@code null} before she did (or without a link). */
	private record Acknowledgement(@Nullable NeuroLink link, @Nullable NeuroSession session) {

		static final Acknowledgement NONE = new Acknowledgement(null, null);

	}

}
