package io.github.neurospringboot.console.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration properties of the Neuro console inside a game.
 *
 * @param enabled whether to start the console in the game's process and connect the game to it, unless a Neuro URL
 * is configured (neuro.url or NEURO_SDK_WS_URL)
 * @param host the address the console listens on; anything but loopback lets other machines drive the game
 * @param port the port games and the page share; 0 for a free one
 * @param autoPlay whether forces are answered on their own from the start (the page switches it)
 * @param thinkDelay how long auto-play thinks before each call
 * @param forceRetries how many times auto-play retries a force whose call failed, each time with a call not refused
 * before in that force
 * @param seed the seed of auto-play's random choices, to make a run repeatable; random when not set
 * @param diagnostics the thresholds of the diagnostics' timing rules
 */
@ConfigurationProperties("neuro.console")
public record NeuroConsoleProperties(@DefaultValue("false") boolean enabled, @DefaultValue("127.0.0.1") String host,
		@DefaultValue("8000") int port, @DefaultValue("false") boolean autoPlay,
		@DefaultValue("500ms") Duration thinkDelay, @DefaultValue("5") int forceRetries, @Nullable Long seed,
		@DefaultValue Diagnostics diagnostics) {

	/**
	 * The thresholds of the diagnostics' timing rules.
	 *
	 * @param lateStartup a startup later than this after connecting is noted (late-startup)
	 * @param lateResult a result later than this after its action is a warning (late-result)
	 * @param resultTimeout a result that has not come this long after its action is an error (result-timeout)
	 */
	public record Diagnostics(@DefaultValue("500ms") Duration lateStartup, @DefaultValue("500ms") Duration lateResult,
			@DefaultValue("5s") Duration resultTimeout) {

	}

}
