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
 * network fails. It can cut every connection without a close frame, and refuse new ones for a while.
 */
final class TcpRelay implements AutoCloseable {

	private final ServerSocket listener;

	private final int targetPort;

	private final List<Socket> open = new CopyOnWriteArrayList<>();

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
		this.open.forEach(TcpRelay::abort);
		this.open.clear();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				if (this.refusing) {
					abort(client);
					continue;
				}
				Socket server = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.open.add(client);
				this.open.add(server);
				daemon(() -> pump(client, server), "embedded-neuro-relay-up").start();
				daemon(() -> pump(server, client), "embedded-neuro-relay-down").start();
			}
			catch (IOException ex) {
				// The relay was closed, or the server refused this one connection: keep serving until closed.
			}
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[8192];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// One side went away.
		}
		finally {
			abort(from);
			abort(to);
			this.open.remove(from);
			this.open.remove(to);
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
