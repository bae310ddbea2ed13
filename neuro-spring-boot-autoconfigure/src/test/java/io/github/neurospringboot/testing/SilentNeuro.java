package io.github.neurospringboot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A Neuro on loopback that accepts connections and never answers the websocket handshake: a connection attempt to it
 * stays in progress until its connect timeout.
 */
public final class SilentNeuro implements AutoCloseable {

	private final ServerSocket server;

	/**
	 * Listen on a free loopback port.
	 * @throws IOException if no port can be bound
	 */
	public SilentNeuro() throws IOException {
		this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
	}

	/**
	 * The URL a game connects to.
	 * @return {@code ws://127.0.0.1:<port>/}
	 */
	public String url() {
		return "ws://127.0.0.1:" + this.server.getLocalPort() + "/";
	}

	/**
	 * Accept the next connection and read its handshake request, which then waits for an answer that never comes.
	 * @return the accepted socket
	 * @throws IOException if the connection fails before its request is complete
	 */
	public Socket awaitHandshakeRequest() throws IOException {
		Socket socket = this.server.accept();
		InputStream in = socket.getInputStream();
		StringBuilder request = new StringBuilder();
		while (!request.toString().endsWith("\r\n\r\n")) {
			int next = in.read();
			if (next < 0) {
				throw new IOException("The game closed the connection before its handshake request was complete: "
						+ request);
			}
			request.append(new String(new byte[] { (byte) next }, StandardCharsets.ISO_8859_1));
		}
		return socket;
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
