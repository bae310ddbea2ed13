package io.github.neurospringboot.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The embedded Neuro's front door: a TCP relay on loopback to its websocket server, so that it can fail the way a
 * network fails. It can cut every connection without a close frame, freeze the open ones (they stay open and carry
 * nothing, as a half-open connection does), and refuse new ones for a while. It relays bytes, so TLS passes through.
 */
final class TcpRelay implements AutoCloseable {

	private final ServerSocket listener;

	private final int targetPort;

	private final List<Pipe> open = new CopyOnWriteArrayList<>();

	private final List<Long> acceptedNanos = new CopyOnWriteArrayList<>();

	private volatile boolean refusing;

	TcpRelay(int port, int targetPort) {
		this.targetPort = targetPort;
		try {
			this.listener = new ServerSocket();
			this.listener.setReuseAddress(true);
			this.listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, ex);
		}
		daemon(this::accept, "embedded-neuro-relay").start();
	}

	int port() {
		return this.listener.getLocalPort();
	}

	void refuse(boolean refuse) {
		this.refusing = refuse;
	}

	void cutAll() {
		this.open.forEach(Pipe::cut);
		this.open.clear();
	}

	void freezeAll() {
		this.open.forEach((pipe) -> pipe.frozen = true);
	}

	/** When each connection was accepted ({@link System#nanoTime()}), refused ones included. */
	List<Long> acceptedNanos() {
		return List.copyOf(this.acceptedNanos);
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				this.acceptedNanos.add(System.nanoTime());
				if (this.refusing) {
					abort(client);
					continue;
				}
				Pipe pipe = new Pipe(client, new Socket(InetAddress.getLoopbackAddress(), this.targetPort));
				this.open.add(pipe);
				pipe.start();
			}
			catch (IOException ex) {
				// The relay was closed, or the server refused this one connection: keep serving until closed.
			}
		}
	}

	/** One relayed connection: bytes pumped both ways, unless frozen. */
	private final class Pipe {

		private final Socket client;

		private final Socket server;

		private volatile boolean frozen;

		Pipe(Socket client, Socket server) {
			this.client = client;
			this.server = server;
		}

		void start() {
			daemon(() -> pump(this.client, this.server), "embedded-neuro-relay-up").start();
			daemon(() -> pump(this.server, this.client), "embedded-neuro-relay-down").start();
		}

		private void pump(Socket from, Socket to) {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) != -1) {
					// Frozen: read and drop, so that neither side sees a close or a full buffer.
					if (!this.frozen) {
						out.write(buffer, 0, read);
						out.flush();
					}
				}
			}
			catch (IOException ex) {
				// One side went away.
			}
			finally {
				cut();
				TcpRelay.this.open.remove(this);
			}
		}

		void cut() {
			abort(this.client);
			abort(this.server);
		}

	}

	/** Close at once, with a reset: what a crash or a pulled cable looks like to the other side. */
	private static void abort(Socket socket) {
		try {
			socket.setSoLinger(true, 0);
			socket.close();
		}
		catch (IOException ex) {
			// Closed already.
		}
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	@Override
	public void close() {
		try {
			this.listener.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
		cutAll();
	}

}
