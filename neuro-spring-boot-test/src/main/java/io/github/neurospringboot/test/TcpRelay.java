package io.github.neurospringboot.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The embedded Neuro's front door: a TCP relay to its websocket server, so that it can fail the way a network fails.
 * It can cut every connection without a close frame, freeze the open ones (they stay open and carry nothing, as a
 * half-open connection does), delay what they carry, and refuse new ones for a while. It relays bytes, so TLS passes
 * through.
 *
 * <p>When the port is shared with plain HTTP (a tool's page beside the games), it reads the head of each new
 * connection's first request: only a websocket upgrade is a game, and only games suffer the faults.
 */
final class TcpRelay implements AutoCloseable {

	/** The longest request head read to tell a game from a web page. */
	private static final int MAX_HEAD = 16 * 1024;

	/** How long a new connection on a shared port may take to send its request head. */
	private static final int HEAD_TIMEOUT_MILLIS = 10_000;

	private final ServerSocket listener;

	private final int targetPort;

	private final boolean sharedWithHttp;

	/** The games' connections being relayed; guarded by itself. */
	private final List<Pipe> open = new ArrayList<>();

	/** The plain HTTP connections being relayed, which no fault touches; guarded by {@link #open}. */
	private final List<Pipe> web = new ArrayList<>();

	/** How many times {@link #cutAll} ran; guarded by {@link #open}. */
	private long cuts;

	private final List<Long> acceptedNanos = new CopyOnWriteArrayList<>();

	private volatile boolean refusing;

	private volatile long latencyNanos;

	/**
	 * Listen and relay.
	 * @param address the address to listen on
	 * @param port the port to listen on, 0 for a free one
	 * @param targetPort where the websocket server listens, on loopback
	 * @param sharedWithHttp whether plain HTTP requests share the port, and must be told from games
	 */
	TcpRelay(InetAddress address, int port, int targetPort, boolean sharedWithHttp) {
		this.targetPort = targetPort;
		this.sharedWithHttp = sharedWithHttp;
		try {
			this.listener = new ServerSocket();
			this.listener.setReuseAddress(true);
			this.listener.bind(new InetSocketAddress(address, port));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen on " + address.getHostAddress() + ":" + port, ex);
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

	/**
	 * Delay what the games' connections carry, each way.
	 * @param latency the delay, zero for none
	 */
	void latency(Duration latency) {
		this.latencyNanos = latency.toNanos();
	}

	/** When each game's connection was accepted ({@link System#nanoTime()}), refused ones included. */
	List<Long> acceptedNanos() {
		return List.copyOf(this.acceptedNanos);
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				long acceptedAt = System.nanoTime();
				long cutsBefore;
				synchronized (this.open) {
					cutsBefore = this.cuts;
				}
				if (this.sharedWithHttp) {
					daemon(() -> sort(client, acceptedAt, cutsBefore), "embedded-neuro-relay-accept").start();
				}
				else {
					relayGame(client, acceptedAt, cutsBefore, new byte[0]);
				}
			}
			catch (IOException ex) {
				// The relay was closed, or the server refused this one connection: keep serving until closed.
			}
		}
	}

	/** A game or a web page: read the head of the first request to tell. */
	private void sort(Socket client, long acceptedAt, long cutsBefore) {
		try {
			byte[] head = RequestHead.read(client, MAX_HEAD, HEAD_TIMEOUT_MILLIS);
			if (RequestHead.isWebSocketUpgrade(head)) {
				relayGame(client, acceptedAt, cutsBefore, head);
			}
			else {
				Pipe pipe = new Pipe(client, new Socket(InetAddress.getLoopbackAddress(), this.targetPort), head,
						false);
				synchronized (this.open) {
					this.web.add(pipe);
				}
				pipe.start();
			}
		}
		catch (IOException ex) {
			abort(client);
		}
	}

	private void relayGame(Socket client, long acceptedAt, long cutsBefore, byte[] head) throws IOException {
		this.acceptedNanos.add(acceptedAt);
		if (this.refusing) {
			abort(client);
			return;
		}
		Pipe pipe = new Pipe(client, new Socket(InetAddress.getLoopbackAddress(), this.targetPort), head, true);
		synchronized (this.open) {
			if (this.cuts != cutsBefore) {
				// Accepted before a cut that ran while it was being relayed: cut too.
				pipe.cut();
				return;
			}
			this.open.add(pipe);
		}
		pipe.start();
	}

	/** One relayed connection: bytes pumped both ways, unless frozen, and late if a game's is delayed. */
	private final class Pipe {

		private final Socket client;

		private final Socket server;

		/** What was read of the client's first request before relaying began. */
		private final byte[] head;

		private final boolean game;

		private volatile boolean frozen;

		/** Guarded by this pipe: whether the game's side is not read for now. */
		private boolean upstreamStalled;

		Pipe(Socket client, Socket server, byte[] head, boolean game) throws IOException {
			this.client = client;
			this.server = server;
			this.head = head;
			this.game = game;
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
				DelayLine line = new DelayLine(out);
				if (upstream && this.head.length > 0) {
					line.write(this.head, this.head.length);
				}
				int read;
				while (true) {
					if (upstream) {
						awaitUnstalled();
					}
					read = in.read(buffer);
					if (read == -1) {
						// What is still due (a close frame, say) goes out before this side closes.
						line.awaitDrained();
						break;
					}
					// Frozen: read and drop, so that neither side sees a close or a full buffer.
					if (!this.frozen) {
						line.write(buffer, read);
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
					TcpRelay.this.web.remove(this);
				}
			}
		}

		void cut() {
			abort(this.client);
			abort(this.server);
		}

		/**
		 * One direction's writes, each made the injected latency after it was read, in order. Without latency, and
		 * with nothing delayed still due, a write is made at once.
		 */
		private final class DelayLine {

			private final OutputStream out;

			/** Guarded by this line. */
			private final ArrayDeque<Chunk> due = new ArrayDeque<>();

			/** Guarded by this line: whether a thread writes what is due. */
			private boolean draining;

			DelayLine(OutputStream out) {
				this.out = out;
			}

			void write(byte[] bytes, int length) throws IOException {
				long latency = Pipe.this.game ? TcpRelay.this.latencyNanos : 0;
				synchronized (this) {
					if (latency == 0 && !this.draining) {
						this.out.write(bytes, 0, length);
						this.out.flush();
						return;
					}
					this.due.add(new Chunk(Arrays.copyOf(bytes, length), System.nanoTime() + latency));
					if (!this.draining) {
						this.draining = true;
						daemon(this::drain, "embedded-neuro-relay-latency").start();
					}
				}
			}

			synchronized void awaitDrained() throws InterruptedException {
				while (this.draining) {
					wait(100);
				}
			}

			private void drain() {
				try {
					while (true) {
						Chunk chunk;
						synchronized (this) {
							chunk = this.due.poll();
							if (chunk == null) {
								this.draining = false;
								notifyAll();
								return;
							}
						}
						TimeUnit.NANOSECONDS.sleep(Math.max(0, chunk.dueNanos() - System.nanoTime()));
						this.out.write(chunk.bytes());
						this.out.flush();
					}
				}
				catch (IOException ex) {
					cut();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					cut();
				}
			}

		}

	}

	/** Bytes to write, and when. */
	private record Chunk(byte[] bytes, long dueNanos) {

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
		synchronized (this.open) {
			this.web.forEach(Pipe::cut);
			this.web.clear();
		}
	}

}
