package io.github.neurospringboot.virtualthreads;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.neurospringboot.action.NeuroActionException;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import io.github.neurospringboot.test.ActionOutcome;
import io.github.neurospringboot.test.EmbeddedNeuroExtension;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.threads.virtual.enabled=true}, actions run on virtual threads of the application task executor,
 * and nothing on their way, from the executor through the dispatcher to the result sent on the link, pins a virtual
 * thread to its carrier. Proven over a real websocket: more actions than there are carriers block until all of them
 * run (pinned, they could not all run), and JFR records no pinning ({@code jdk.VirtualThreadPinned}) meanwhile.
 */
class VirtualThreadActionsIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	/** More than the carriers of any machine this runs on, so that pinned threads would starve the others. */
	private static final int PLAYERS = 4 * Runtime.getRuntime().availableProcessors() + 4;

	@RegisterExtension
	final EmbeddedNeuroExtension neuro = new EmbeddedNeuroExtension().failOnLintErrors();

	@Test
	void actionsRunOnVirtualThreadsThatBlockWithoutPinningTheirCarrier() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class,
					JacksonAutoConfiguration.class, NeuroAutoConfiguration.class))
			.withPropertyValues("spring.threads.virtual.enabled=true", "neuro.game=Waiting Game",
					"neuro.url=" + this.neuro.get().url())
			.withBean(WaitingGame.class)
			.run((context) -> {
				this.neuro.get().awaitFrame("actions/register", WAIT);
				// A first round loads and initialises the classes on the way: the JVM pins a virtual thread that
				// waits for a class another one is loading, once per class, which is no pinning that matters
				playRound();
				List<RecordedEvent> pinned = new CopyOnWriteArrayList<>();
				try (RecordingStream pinning = new RecordingStream()) {
					pinning.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
					pinning.onEvent("jdk.VirtualThreadPinned", pinned::add);
					pinning.startAsync();
					playRound();
					// Delivers every event recorded until now before it returns
					pinning.stop();
				}
				assertThat(pinned)
					.as(() -> pinned.stream().map(RecordedEvent::toString).collect(Collectors.joining("\n")))
					.isEmpty();
				assertThat(context.getBean(WaitingGame.class).threads).hasSize(2 * PLAYERS)
					.allSatisfy((thread) -> assertThat(thread.isVirtual()).as(thread.toString()).isTrue());
			});
	}

	/** Every player calls the action at once; each call returns once all of them are running. */
	private void playRound() throws Exception {
		List<CompletableFuture<ActionOutcome>> outcomes = IntStream.range(0, PLAYERS)
			.mapToObj((player) -> this.neuro.get().executeAsync("wait_for_the_others", null))
			.toList();
		for (CompletableFuture<ActionOutcome> outcome : outcomes) {
			assertThat(outcome.get(WAIT.toSeconds(), TimeUnit.SECONDS).assertSuccess().message())
				.isEqualTo("Everyone is here.");
		}
	}

	/** An action that blocks until every player of the round has called it. */
	static class WaitingGame {

		final CyclicBarrier round = new CyclicBarrier(PLAYERS);

		final List<Thread> threads = new CopyOnWriteArrayList<>();

		@NeuroAction(description = "Wait until the other players are here.")
		String waitForTheOthers() throws Exception {
			this.threads.add(Thread.currentThread());
			try {
				this.round.await(WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (TimeoutException ex) {
				throw new NeuroActionException("Only " + this.round.getNumberWaiting() + " players came.");
			}
			return "Everyone is here.";
		}

	}

}
