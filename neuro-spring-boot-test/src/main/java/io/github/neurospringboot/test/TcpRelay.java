package io.github.neurospringboot.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
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

	/** The connections being relayed; guarded by itself. */
	private final List<Pipe> open = new ArrayList<>();

	/** How many times {@link #cutAll} ran; guarded by {@link #open}. */
	private long cuts;

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

	/**
	 * Cut every connection, including one accepted while this runs: a connection accepted before the cut began is
	 * cut as soon as it is relayed, so that none slips through.
	 */
	void cutAll() {
		synchronized (this.open) {
			this.cuts++;
			this.open.forEach(Pipe::cut);
			this.open.clear();
		}
	}

	void freezeAll(boolean frozen) {
		synchronized (this.open) {
			this.open.forEach((pipe) -> pipe.frozen = frozen);
		}
	}

	/** Stop, or resume, reading what the games send on the open connections: their sends pile up and then block. */
	void stallUpstream(boolean stalled) {
		synchronized (this.open) {
			this.open.forEach((pipe) -> pipe.stall(stalled));
		}
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
				long cutsBefore;
				synchronized (this.open) {
					cutsBefore = this.cuts;
				}
				if (this.refusing) {
					abort(client);
					continue;
				}
				Pipe pipe = new Pipe(client, new Socket(InetAddress.getLoopbackAddress(), this.targetPort));
				synchronized (this.open) {
					if (this.cuts != cutsBefore) {
						// Accepted before a cut that ran while it was being relayed: cut too.
						pipe.cut();
						continue;
					}
					this.open.add(pipe);
				}
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

		/** Guarded by this pipe: whether the game's side is not read for now. */
		private boolean upstreamStalled;

		Pipe(Socket client, Socket server) throws IOException {
			this.client = client;
			this.server = server;
			// A relay must not add a Nagle delay of its own between frames.
			client.setTcpNoDelay(true);
			server.setTcpNoDelay(true);
		}

		void start() {
			daemon(() -> pump(this.client, this.server, true), "embedded-neuro-relay-up").start();
			daemon(() -> pump(this.server, this.client, false), "embedded-neuro-relay-down").start();
		}

		synchronized void stall(boolean stalled) {
			this.upstreamStalled = stalled;
			notifyAll();
		}

		private synchronized void awaitUnstalled() throws InterruptedException {
			while (this.upstreamStalled && !this.client.isClosed()) {
				wait(100);
			}
		}

		private void pump(Socket from, Socket to, boolean upstream) {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while (true) {
					if (upstream) {
						awaitUnstalled();
					}
					read = in.read(buffer);
					if (read == -1) {
						break;
					}
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
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				cut();
				synchronized (TcpRelay.this.open) {
					TcpRelay.this.open.remove(this);
				}
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
