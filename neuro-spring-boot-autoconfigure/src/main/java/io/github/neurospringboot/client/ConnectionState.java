package io.github.neurospringboot.client;

import java.util.Optional;

import io.github.neurospringboot.action.ActionCall;
import io.github.neurospringboot.action.ActionRequestHandler;
import io.github.neurospringboot.action.ActionResult;
import io.github.neurospringboot.action.ConnectionCalls;
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
import io.github.neurospringboot.registration.LinkRegistrations;
import io.github.neurospringboot.registration.Registrations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Everything that ends with one connection: its link, what Neuro was told on it, its calls (ids seen, results owed),
 * its forces (waiting and in flight) and Neuro's acknowledgement of its {@code startup}. Made when the link opens and
 * dropped when it closes; it receives that link's messages and nothing else, so a frame of a connection that is over
 * has nowhere to go. It routes each message: actions to the {@link ActionRequestHandler}, the rest to state or an
 * event. Unknown commands become an event but are never answered, as the server itself does not answer what it does
 * not know.
 */
final class ConnectionState implements NeuroLinkHandler.LinkListener, ConnectionCalls.Listener {

	private static final Log logger = LogFactory.getLog(ConnectionState.class);

	static final String UNREADABLE = "Action failed: the call could not be read (it was not valid JSON, or nested too "
			+ "deeply). Call the action again, with its parameters as one JSON object in the data string.";

	private final NeuroLink link;

	private final CurrentConnection current;

	private final Registrations registrations;

	private final LinkRegistrations told;

	private final ConnectionCalls calls;

	private final Forces forces;

	private final ForceSchedule schedule;

	private final ActionRequestHandler actionHandler;

	private final NeuroEventPublisher events;

	private volatile @Nullable NeuroSession session;

	ConnectionState(NeuroLink link, CurrentConnection current, Registrations registrations, Forces forces,
			ActionRequestHandler actionHandler, NeuroEventPublisher events) {
		this.link = link;
		this.current = current;
		this.registrations = registrations;
		this.told = new LinkRegistrations(link);
		this.calls = new ConnectionCalls(link, this, this::session);
		this.forces = forces;
		this.schedule = new ForceSchedule(link, this.calls, registrations);
		this.actionHandler = actionHandler;
		this.events = events;
	}

	/** Startup was sent: register the game's actions, then send the forces that outlive connections. */
	void open() {
		this.registrations.attach(this.told);
		this.forces.attach(this.schedule);
	}

	NeuroLink link() {
		return this.link;
	}

	Optional<NeuroSession> session() {
		return Optional.ofNullable(this.session);
	}

	@Override
	public void onMessage(IncomingMessage message) {
		if (message instanceof ActionRequest request) {
			onAction(request);
		}
		else if (message instanceof StartupAcknowledgement acknowledged) {
			this.session = acknowledged.session();
			this.events.publish(new NeuroSessionAcknowledgedEvent(this.current, acknowledged.session()));
		}
		else if (message instanceof UnreadableAction unreadable) {
			this.link.send(ActionResult.failure(UNREADABLE).toMessage(unreadable.id()));
		}
		else if (message instanceof ReregisterAllActions) {
			this.registrations.resendAll(this.told);
		}
		else if (message instanceof SpeechFinished speech) {
			// One utterance can end in several messages; only the final one means she is done.
			if (speech.isFinal()) {
				this.events.publish(new NeuroSpeechFinishedEvent(this.current, speech.cancelled(), speech.reason()));
			}
		}
		else if (message instanceof GracefulShutdownRequest graceful) {
			this.events.publish(new NeuroShutdownRequestedEvent(this.current, false, graceful.wantsShutdown()));
		}
		else if (message instanceof ImmediateShutdownRequest) {
			this.events.publish(new NeuroShutdownRequestedEvent(this.current, true, true));
		}
		else if (message instanceof UnknownCommand unknown) {
			if (logger.isDebugEnabled()) {
				logger.debug("Unknown command '" + unknown.command() + "' from Neuro: not answered, published as "
						+ "NeuroUnknownCommandEvent");
			}
			this.events.publish(new NeuroUnknownCommandEvent(this.current, unknown.command(), unknown.data()));
		}
	}

	private void onAction(ActionRequest request) {
		if (request.id() == null) {
			// Without an id there is nothing to answer to.
			logger.warn("Dropped an action from Neuro without an id (name: " + request.name() + ")");
			return;
		}
		this.actionHandler.handle(request, this.calls);
	}

	/**
	 * Send no more forces and unregister everything, so that Neuro calls nothing more, then let the actions still
	 * running answer.
	 */
	@Override
	public void onClosing() {
		this.calls.close();
		this.current.closed(this);
		this.forces.detach(this.schedule);
		this.registrations.withdraw(this.told);
		this.actionHandler.awaitResults(this.calls);
	}

	@Override
	public void onClose() {
		this.forces.detach(this.schedule);
		this.registrations.detach(this.told);
		this.current.closed(this);
	}

	@Override
	public void answering(ActionCall call, ActionResult result) {
		this.schedule.answering(call, result);
	}

	@Override
	public void settled() {
		this.schedule.settled();
	}

}
