package io.github.neurospringboot.event;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Publishes {@link NeuroEvent}s in order on one dedicated thread, so that a slow listener never stalls the websocket.
 */
public final class NeuroEventPublisher implements DisposableBean {

	private static final Log logger = LogFactory.getLog(NeuroEventPublisher.class);

	private final ApplicationEventPublisher delegate;

	private final ExecutorService executor = Executors
		.newSingleThreadExecutor(new CustomizableThreadFactory("neuro-events-"));

	/**
	 * Create a publisher.
	 * @param delegate where events go, usually the application context
	 */
	public NeuroEventPublisher(ApplicationEventPublisher delegate) {
		this.delegate = delegate;
	}

	/**
	 * Publish an event after every event published before it.
	 * @param event the event
	 */
	public void publish(NeuroEvent event) {
		try {
			this.executor.execute(() -> deliver(event));
		}
		catch (RejectedExecutionException ex) {
			logger.debug("Not published after shutdown: " + event.getClass().getSimpleName());
		}
	}

	private void deliver(NeuroEvent event) {
		try {
			this.delegate.publishEvent(event);
		}
		catch (RuntimeException ex) {
			logger.warn("A listener of " + event.getClass().getSimpleName() + " failed", ex);
		}
	}

	/**
	 * Deliver what is queued (for a moment at most), then stop.
	 */
	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdown();
		if (!this.executor.awaitTermination(2, TimeUnit.SECONDS)) {
			this.executor.shutdownNow();
		}
	}

}
