package io.github.neurospringboot.test.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live threads and open sockets of this JVM at one moment, to find what a run left behind: those alive
 * after it that were not before.
 *
 * <p>One thread is not counted: {@code CompletableFutureDelayScheduler}, the JDK's timer thread behind
 * {@code CompletableFuture.orTimeout} (with which the starter bounds a connection attempt), created on first use and
 * kept for the life of the JVM. Every other thread counts: the starter's ({@code neuro-*}), the embedded Neuro's
 * server threads, and the thread pool of Tomcat's websocket client ({@code WebSocketClient-AsyncIO-*} and its unnamed
 * event thread), which Tomcat ends when the last client container of the JVM is destroyed, as the starter's is when
 * its application closes. A run closes the game and the embedded Neuro before the census is checked.
 *
 * <p>Sockets are counted where the JVM can list its own files (Linux, through {@code /proc/self}): every socket but
 * Unix ones (the client's channel group keeps one while it lives), so that a socket the game never closed shows, whether its peer
 * closed it or reset it. Where the JVM cannot, only threads are counted, and the server's count of open connections
 * stands for the sockets.
 */
final class LeakCensus {

	private static final String JDK_TIMER = "CompletableFutureDelayScheduler";

	/**
	 * How long threads and sockets of a closed game may take to finish what they were doing: longer than Tomcat's
	 * websocket close timeout (30 s). When the embedded Neuro is closed just before its reply to the game's close
	 * frame reaches the game, the game's client session waits that long before it lets go of its socket and of
	 * Tomcat's {@code WebSocket background processing} thread ({@link #awaitNoSocketTo} avoids it where it can).
	 */
	private static final Duration SETTLE = Duration.ofSeconds(40);

	private static final Path OWN_FILES = Path.of("/proc/self/fd");

	private final Set<Long> threadsBefore;

	private final Set<String> socketsBefore;

	private LeakCensus(Set<Long> threadsBefore, Set<String> socketsBefore) {
		this.threadsBefore = threadsBefore;
		this.socketsBefore = socketsBefore;
	}

	static LeakCensus take() {
		Set<Long> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
		return new LeakCensus(threads, openSockets().keySet());
	}

	/**
	 * Wait until every thread started and every socket opened since the census has ended, and fail naming
	 * those that do not.
	 */
	void assertNothingLeftBehind() {
		// Polled on this thread: a polling thread of Awaitility's would be a new thread itself.
		await().pollInSameThread().atMost(SETTLE).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			assertThat(newThreads()).as("threads left behind").isEmpty();
			assertThat(newSockets()).as("sockets left open").isEmpty();
		});
	}

	/** The threads alive now that were not at the census, the JDK's timer aside: names, states and where they are. */
	private List<String> newThreads() {
		return Thread.getAllStackTraces()
			.entrySet()
			.stream()
			.filter((thread) -> !this.threadsBefore.contains(thread.getKey().getId()))
			.filter((thread) -> !thread.getKey().getName().equals(JDK_TIMER))
			.map((thread) -> thread.getKey().getName() + " (" + thread.getKey().getState() + ") at "
					+ Arrays.stream(thread.getValue()).limit(8).map(String::valueOf).collect(Collectors.joining(" < ")))
			.sorted()
			.toList();
	}

	/**
	 * Wait until no socket of this JVM is connected to a port any more. Waiting until the game has closed its end of
	 * every connection to the embedded Neuro, close handshake included, before closing the embedded Neuro, keeps the
	 * close timeout described at {@link #SETTLE} out of a run. Where the JVM cannot list its sockets, this returns at
	 * once.
	 * @param port the port
	 */
	static void awaitNoSocketTo(int port) {
		ReliabilityRun.waiting().untilAsserted(() -> assertThat(openSockets().values())
			.as("sockets connected to port %d", port)
			.noneMatch((socket) -> socket.remotePort() == port));
	}

	/** The sockets open now that were not at the census. */
	private List<OpenSocket> newSockets() {
		return openSockets().entrySet()
			.stream()
			.filter((socket) -> !this.socketsBefore.contains(socket.getKey()))
			.map(Map.Entry::getValue)
			.toList();
	}

	/**
	 * This JVM's open sockets, but Unix ones.
	 * @return each by inode; none where the JVM cannot list its files
	 */
	private static Map<String, OpenSocket> openSockets() {
		if (!Files.isDirectory(OWN_FILES)) {
			return Map.of();
		}
		Set<String> inodes;
		try (Stream<Path> files = Files.list(OWN_FILES)) {
			inodes = files.map(LeakCensus::socketInode)
				.filter((inode) -> !inode.isEmpty())
				.collect(Collectors.toCollection(HashSet::new));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		inodes.removeAll(table("unix", 6).keySet());
		Map<String, String[]> tcp = table("tcp", 9);
		tcp.putAll(table("tcp6", 9));
		return inodes.stream()
			.collect(Collectors.toMap((inode) -> inode, (inode) -> OpenSocket.of(inode, tcp.get(inode))));
	}

	/**
	 * A table of the kernel's sockets.
	 * @param name the table in {@code /proc/self/net}
	 * @param inodeField the index of the inode among a line's fields
	 * @return each socket's line, split into fields, by inode
	 */
	private static Map<String, String[]> table(String name, int inodeField) {
		Path table = Path.of("/proc/self/net", name);
		if (!Files.isReadable(table)) {
			return new HashMap<>();
		}
		try (Stream<String> lines = Files.lines(table)) {
			return lines.skip(1)
				.map((line) -> line.trim().split("\\s+"))
				.filter((fields) -> fields.length > inodeField)
				.collect(Collectors.toMap((fields) -> fields[inodeField], (fields) -> fields, (one, other) -> one,
						HashMap::new));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The inode of an open file that is a socket ({@code socket:[123]}), or empty; a file closed meanwhile is none. */
	private static String socketInode(Path file) {
		try {
			String target = Files.readSymbolicLink(file).toString();
			return target.startsWith("socket:[") ? target.substring(8, target.length() - 1) : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * An open socket, as the kernel lists it.
	 *
	 * @param inode its inode
	 * @param local its local address, {@code <ip in hex>:<port in hex>}, empty when it is no longer connected
	 * @param remote its remote address, likewise
	 * @param state its TCP state, in hex ({@code 01} established, {@code 08} close-wait…)
	 */
	private record OpenSocket(String inode, String local, String remote, String state) {

		static OpenSocket of(String inode, String @Nullable [] tcpFields) {
			return (tcpFields != null) ? new OpenSocket(inode, tcpFields[1], tcpFields[2], tcpFields[3])
					: new OpenSocket(inode, "", "", "");
		}

		int remotePort() {
			return this.remote.isEmpty() ? -1
					: Integer.parseInt(this.remote.substring(this.remote.indexOf(':') + 1), 16);
		}

		@Override
		public String toString() {
			return this.remote.isEmpty() ? "socket " + this.inode + ", no longer connected"
					: "socket " + this.inode + " " + this.local + " -> " + this.remote + " in state " + this.state;
		}

	}

}
