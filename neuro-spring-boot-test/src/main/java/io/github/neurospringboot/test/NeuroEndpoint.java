package io.github.neurospringboot.test;

import java.nio.ByteBuffer;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

/**
 * The websocket side of one game connection: it joins the connection to the others, passes what the game sends to
 * the recorder, and tells the connection when it closes.
 */
final class NeuroEndpoint extends Endpoint {

	/** The largest text frame it reads: Tomcat's default, 8 KB, is too small for a large registration. */
	private static final int MAX_TEXT_FRAME = 1024 * 1024;

	private static final String CONNECTION = GameConnection.class.getName();

	private final GameConnections connections;

	private final FrameRecorder recorder;

	NeuroEndpoint(GameConnections connections, FrameRecorder recorder) {
		this.connections = connections;
		this.recorder = recorder;
	}

	@Override
	public void onOpen(Session session, EndpointConfig config) {
		GameConnection connection = this.connections.opened(session);
		session.getUserProperties().put(CONNECTION, connection);
		session.setMaxTextMessageBufferSize(MAX_TEXT_FRAME);
		session.addMessageHandler(String.class,
				(MessageHandler.Whole<String>) (text) -> this.recorder.received(connection, text));
		session.addMessageHandler(PongMessage.class,
				(MessageHandler.Whole<PongMessage>) (pong) -> connection.ponged(pong.getApplicationData()));
		session.addMessageHandler(ByteBuffer.class,
				(MessageHandler.Whole<ByteBuffer>) (bytes) -> connection.binaryReceived(bytes.remaining()));
	}

	@Override
	public void onClose(Session session, CloseReason closeReason) {
		this.connections.closed((session.getUserProperties().get(CONNECTION) instanceof GameConnection connection)
				? connection : null, closeReason.getCloseCode().getCode());
	}

}
