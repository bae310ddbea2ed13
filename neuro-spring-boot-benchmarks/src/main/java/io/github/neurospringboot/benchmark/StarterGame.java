package io.github.neurospringboot.benchmark;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.connection.NeuroConnection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The starter's contender: a real Spring Boot application with the starter and Bean Validation, whose one
 * {@code @NeuroAction} is {@code placeMark(@Min(0) @Max(8) int cell)}, declared {@code blocking = false} unless
 * {@value #BLOCKING_PROPERTY} is {@code true}. Everything is on, as in a game: the schema check, Bean Validation
 * (which has nothing to add to the schema's bounds on a whole number, and knows it), the result deadline, the ordered
 * writer; the connection's settings are the defaults (reconnecting included) unless properties given here change
 * them.
 *
 * <p>The context lives for the whole run, so that its code stays warm; {@link #connect()} and {@link #disconnect()}
 * start and stop its {@link NeuroConnection}, as the application's lifecycle does.
 */
final class StarterGame implements LoadGame {

	/** {@code true} declares the action as a method that may block (the default), which runs on the executor. */
	static final String BLOCKING_PROPERTY = "benchmark.action.blocking";

	private final ConfigurableApplicationContext context;

	private final NeuroConnection connection;

	private final NeuroClient client;

	StarterGame(URI url, String game, List<String> properties) {
		List<String> all = new ArrayList<>(List.of("neuro.url=" + url, "neuro.game=" + game,
				// Connected only while measured, by connect().
				"neuro.auto-startup=false"));
		all.addAll(StartupApp.QUIET);
		all.addAll(properties);
		this.context = new SpringApplicationBuilder(Application.class).properties(all.toArray(String[]::new)).run();
		this.connection = this.context.getBean(NeuroConnection.class);
		this.client = this.context.getBean(NeuroClient.class);
	}

	@Override
	public void connect() throws Exception {
		this.connection.start();
		// Completes once startup and actions/register are handed to the socket.
		this.client.whenConnected().get(10, TimeUnit.SECONDS);
	}

	@Override
	public void disconnect() {
		this.connection.stop();
	}

	@Override
	public void close() {
		this.context.close();
	}

	/** The application: auto-configuration and the game. */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ TicTacToe.class, PooledTicTacToe.class })
	static class Application {

	}

	/**
	 * The game's one action, checked by the schema and by Bean Validation, and always a success; it never blocks, as
	 * it says, so it runs on the thread that read the call.
	 */
	@ConditionalOnProperty(name = BLOCKING_PROPERTY, havingValue = "false", matchIfMissing = true)
	static class TicTacToe {

		@NeuroAction(description = "Place your mark on an empty cell.", blocking = false)
		@Nullable String placeMark(@Min(0) @Max(8) int cell) {
			// null is a success without a message, the cheapest result to send.
			return null;
		}

	}

	/** The same action declared as most are, as a method that may block: it runs on the task executor. */
	@ConditionalOnProperty(name = BLOCKING_PROPERTY, havingValue = "true")
	static class PooledTicTacToe {

		@NeuroAction(description = "Place your mark on an empty cell.")
		@Nullable String placeMark(@Min(0) @Max(8) int cell) {
			return null;
		}

	}

}
