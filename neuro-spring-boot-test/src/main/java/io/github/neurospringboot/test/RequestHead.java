package io.github.neurospringboot.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The head of the first HTTP request on a new connection, read before relaying it, to tell a game (a websocket
 * upgrade) from a web page (any other request).
 */
final class RequestHead {

	private static final byte[] END = { '\r', '\n', '\r', '\n' };

	private RequestHead() {
	}

	/**
	 * Read up to the end of the request head, or up to a limit, or until the client stops sending.
	 * @param client the new connection
	 * @param limit how many bytes to read at most
	 * @param timeoutMillis how long the client may take to send the head
	 * @return what was read, to be relayed first
	 * @throws IOException if the client goes away or takes too long
	 */
	static byte[] read(Socket client, int limit, int timeoutMillis) throws IOException {
		client.setSoTimeout(timeoutMillis);
		InputStream in = client.getInputStream();
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		byte[] buffer = new byte[2048];
		while (head.size() < limit && !endsHead(head.toByteArray())) {
			int read = in.read(buffer, 0, Math.min(buffer.length, limit - head.size()));
			if (read == -1) {
				break;
			}
			head.write(buffer, 0, read);
		}
		client.setSoTimeout(0);
		return head.toByteArray();
	}

	/**
	 * Whether a request head asks for a websocket upgrade.
	 * @param head the head, as read
	 * @return {@code true} if it has an {@code Upgrade} header naming {@code websocket}
	 */
	static boolean isWebSocketUpgrade(byte[] head) {
		for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("upgrade")
					&& line.substring(colon + 1).toLowerCase(Locale.ROOT).contains("websocket")) {
				return true;
			}
		}
		return false;
	}

	private static boolean endsHead(byte[] bytes) {
		for (int i = 0; i + END.length <= bytes.length; i++) {
			if (bytes[i] == END[0] && bytes[i + 1] == END[1] && bytes[i + 2] == END[2] && bytes[i + 3] == END[3]) {
				return true;
			}
		}
		return false;
	}

}
