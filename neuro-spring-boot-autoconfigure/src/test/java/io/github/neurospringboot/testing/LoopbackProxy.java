package io.github.neurospringboot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback between the game and a {@link FakeNeuroServer}, to make the network misbehave the way real
 * networks do: cut every connection abruptly (no close frame), freeze connections so that they look open but carry
 * nothing (a half-open socket), or refuse new connections for a while (a server that is down).
 */
public final class LoopbackProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final int targetPort;

	private final List<Pipe> pipes = new CopyOnWriteArrayList<>();

	private final List<Long> acceptedNanos = new CopyOnWriteArrayList<>();

	private volatile boolean refusing;

	private LoopbackProxy(ServerSocket listener, int targetPort) {
		this.listener = listener;
		this.targetPort = targetPort;
	}

	/**
	 * Start a proxy to a local port.
	 * @param targetPort where to forward
	 * @return the proxy
	 */
	public static LoopbackProxy to(int targetPort) {
		try {
			ServerSocket listener = new ServerSocket();
			listener.setReuseAddress(true);
			listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			LoopbackProxy proxy = new LoopbackProxy(listener, targetPort);
			Thread acceptor = new Thread(proxy::acceptLoop, "loopback-proxy-accept");
			acceptor.setDaemon(true);
			acceptor.start();
			return proxy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The URL that reaches the target through this proxy.
	 * @return a ws:// URL on loopback
	 */
	public URI url() {
		return URI.create("ws://127.0.0.1:" + this.listener.getLocalPort() + "/");
	}

	/**
	 * When each TCP connection was accepted ({@link System#nanoTime()}), refused ones included.
	 * @return the times, in order
	 */
	public List<Long> acceptedNanos() {
		return List.copyOf(this.acceptedNanos);
	}

	/**
	 * Cut every open connection at once, without a websocket close frame, as a crash or a pulled cable does.
	 */
	public void cutAll() {
		for (Pipe pipe : this.pipes) {
			pipe.cut();
		}
		this.pipes.clear();
	}

	/**
	 * Freeze the open connections: they stay open, and everything sent on them is lost. New connections still work.
	 */
	public void freezeOpenConnections() {
		for (Pipe pipe : this.pipes) {
			pipe.frozen = true;
		}
	}

	/**
	 * Refuse new connections (accept and close at once) until {@link #restore()}; cuts the open ones.
	 */
	public void refuse() {
		this.refusing = true;
		cutAll();
	}

	/**
	 * Forward new connections again.
	 */
	public void restore() {
		this.refusing = false;
	}

	private void acceptLoop() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				this.acceptedNanos.add(System.nanoTime());
				if (this.refusing) {
					abort(client);
					continue;
				}
				Pipe pipe = new Pipe(client, new Socket(InetAddress.getLoopbackAddress(), this.targetPort));
				this.pipes.add(pipe);
				pipe.start();
			}
			catch (IOException ex) {
				// The listener was closed, or the target refused: keep going until closed.
			}
		}
	}

	/** One proxied connection: bytes pumped both ways, unless frozen. */
	private static final class Pipe {

		private final Socket client;

		private final Socket server;

		private volatile boolean frozen;

		Pipe(Socket client, Socket server) {
			this.client = client;
			this.server = server;
		}

		void start() {
			pump(this.client, this.server);
			pump(this.server, this.client);
		}

		void cut() {
			abort(this.client);
			abort(this.server);
		}

		private void pump(Socket from, Socket to) {
			Thread pump = new Thread(() -> {
				byte[] buffer = new byte[8192];
				try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
					int read;
					while ((read = in.read(buffer)) != -1) {
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
				}
			}, "loopback-proxy-pump");
			pump.setDaemon(true);
			pump.start();
		}

	}

	private static void abort(Socket socket) {
		try {
			socket.setSoLinger(true, 0);
			socket.close();
		}
		catch (IOException ex) {
			// Already closed.
		}
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
