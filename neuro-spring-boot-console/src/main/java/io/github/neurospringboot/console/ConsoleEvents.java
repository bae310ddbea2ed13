package io.github.neurospringboot.console;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The pages' event streams (server-sent events): each page gets a snapshot of the console first, then every change,
 * in order. A page that falls too far behind is let go; its browser reconnects and starts from a new snapshot.
 */
final class ConsoleEvents {

	/** How many events may wait for one page before it is let go. */
	private static final int BACKLOG_LIMIT = 50_000;

	/** How often an idle stream sends a comment, so that a page that went away is found out. */
	private static final long KEEP_ALIVE_SECONDS = 15;

	private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

	/**
	 * Send an event to every page; the caller holds the console's lock, so that events keep their order.
	 * @param json the event
	 */
	void publish(String json) {
		for (Subscriber subscriber : this.subscribers) {
			subscriber.offer(json);
		}
	}

	/**
	 * A new page: it gets the snapshot, then what {@link #publish} sends from now on. The caller holds the console's
	 * lock, so that nothing falls between the snapshot and the events.
	 * @param snapshot the snapshot event
	 * @return the page's stream, to run on its request's thread
	 */
	Subscriber subscribe(String snapshot) {
		Subscriber subscriber = new Subscriber();
		subscriber.offer(snapshot);
		this.subscribers.add(subscriber);
		return subscriber;
	}

	/** Every stream ends. */
	void close() {
		this.subscribers.forEach(Subscriber::end);
	}

	/** One page's stream. */
	final class Subscriber {

		/** Events, and an empty string that wakes the stream up when it ends. */
		private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();

		private volatile boolean ended;

		private void offer(String json) {
			if (this.queue.size() < BACKLOG_LIMIT) {
				this.queue.add(json);
			}
			else {
				end();
			}
		}

		private void end() {
			ConsoleEvents.this.subscribers.remove(this);
			this.ended = true;
			this.queue.add("");
		}

		/**
		 * Write events until the console closes, the page goes away, or it falls too far behind.
		 * @param out the response
		 * @throws InterruptedException if the thread is interrupted
		 */
		void stream(OutputStream out) throws InterruptedException {
			try {
				out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
				out.flush();
				List<String> batch = new ArrayList<>();
				while (true) {
					String first = this.queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
					if (first == null) {
						out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
						out.flush();
						continue;
					}
					batch.add(first);
					this.queue.drainTo(batch);
					StringBuilder text = new StringBuilder();
					for (String event : batch) {
						if (!event.isEmpty()) {
							text.append("data: ").append(event).append("\n\n");
						}
					}
					batch.clear();
					write(out, text);
					if (this.ended) {
						return;
					}
				}
			}
			catch (IOException ex) {
				// The page went away.
			}
			finally {
				ConsoleEvents.this.subscribers.remove(this);
			}
		}

		private static void write(OutputStream out, CharSequence text) throws IOException {
			out.write(text.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
		}

	}

}
