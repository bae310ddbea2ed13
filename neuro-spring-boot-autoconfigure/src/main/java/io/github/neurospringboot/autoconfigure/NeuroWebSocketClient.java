package io.github.neurospringboot.autoconfigure;

import jakarta.websocket.WebSocketContainer;
import org.apache.tomcat.websocket.WsWebSocketContainer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.ClassUtils;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * Spring's standard websocket client on a container of its own, released when the connection is destroyed. Tomcat's
 * client container holds a share of a thread pool that every container of the JVM uses, until it is destroyed; the
 * pool ends with the last share, so a closed application leaves no threads behind.
 */
final class NeuroWebSocketClient extends StandardWebSocketClient implements DisposableBean {

	private static final boolean TOMCAT_PRESENT = ClassUtils.isPresent(
			"org.apache.tomcat.websocket.WsWebSocketContainer", NeuroWebSocketClient.class.getClassLoader());

	private final WebSocketContainer container;

	NeuroWebSocketClient(WebSocketContainer container) {
		super(container);
		this.container = container;
	}

	@Override
	public void destroy() {
		if (TOMCAT_PRESENT) {
			Tomcat.destroy(this.container);
		}
	}

	/** Touches Tomcat's classes only when they are there. */
	private static final class Tomcat {

		static void destroy(WebSocketContainer container) {
			if (container instanceof WsWebSocketContainer tomcat) {
				tomcat.destroy();
			}
		}

	}

}
