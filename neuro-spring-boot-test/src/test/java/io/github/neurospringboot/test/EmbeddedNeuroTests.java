package io.github.neurospringboot.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.neurospringboot.action.NeuroActionException;
import io.github.neurospringboot.annotation.NeuroAction;
import io.github.neurospringboot.autoconfigure.NeuroAutoConfiguration;
import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.connection.NeuroConnection;
import io.github.neurospringboot.event.NeuroEvent;
import io.github.neurospringboot.event.NeuroShutdownRequestedEvent;
import io.github.neurospringboot.event.NeuroSpeechFinishedEvent;
import io.github.neurospringboot.protocol.ActionDefinition;
import io.github.neurospringboot.test.lint.LintFinding;
import io.github.neurospringboot.testlogging.ExpectedLogs;
import io.github.neurospringboot.window.ActionWindows;
import io.github.neurospringboot.client.Force;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The test kit itself: a game using the starter, connected to an {@link EmbeddedNeuro} run by the JUnit extension.
 */
class EmbeddedNeuroTests {

	@RegisterExtension
	static final ExpectedLogs logs = ExpectedLogs.from(NeuroConnection.class);

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	static EmbeddedNeuroExtension neuro = new EmbeddedNeuroExtension(
			EmbeddedNeuro.builder().autoPlay(true).autoPlayDelay(Duration.ZERO).seed(42));

	private ApplicationContextRunner game() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					ValidationAutoConfiguration.class, NeuroAutoConfiguration.class))
			.withBean(Dice.class)
			.withBean(Events.class)
			.withPropertyValues("neuro.game=Dice", "neuro.url=" + neuro.get().url(),
					"neuro.reconnect.initial-interval=100ms", "neuro.reconnect.jitter=0ms");
	}

	@Test
	void recordsTheGamesFramesAndItsActions() {
		game().run((context) -> {
			EmbeddedNeuro server = neuro.get();
			assertThat(server.awaitFrame("startup", WAIT).json().path("game").asString()).isEqualTo("Dice");
			server.awaitActionRegistered("roll", WAIT);
			assertThat(server.registeredActions()).contains("roll");
			assertThat(server.registeredAction("roll").orElseThrow().path("description").asString())
				.isEqualTo("Roll some dice.");
			server.assertNoLintErrors();
		});
	}

	@Test
	void executesActionsAndReturnsTheirResults() {
		game().run((context) -> {
			EmbeddedNeuro server = neuro.get();
			server.awaitActionRegistered("roll", WAIT);
			assertThat(server.execute("roll", "{\"dice\":2}").assertSuccess().message()).isEqualTo("Rolled 2 dice.");
			server.execute("roll", "{\"dice\":7}").assertFailure("'dice' must be at most 6, but was 7.");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> server.execute("roll", "{\"dice\":7}").assertSuccess())
				.withMessageContaining("but it failed");
		});
	}

	@Test
	void playsOnItsOwnWhenForced() {
		game().run((context) -> {
			EmbeddedNeuro server = neuro.get();
			server.awaitActionRegistered("roll", WAIT);
			long before = server.forcesPlayed();
			context.getBean(ActionWindows.class).window().actions("roll").force(Force.query("Roll!")).open();
			await().atMost(WAIT).until(() -> server.forcesPlayed() == before + 1);
			assertThat(context.getBean(Dice.class).rolls).isNotEmpty()
				.allSatisfy((dice) -> assertThat(dice).isBetween(1, 6));
		});
	}

	@Test
	void retriesAFailedForceOnlyWithCallsTheGameHasNotRefused() {
		game().withBean(Safe.class).run((context) -> {
			EmbeddedNeuro server = neuro.get();
			server.awaitActionRegistered("try_code", WAIT);
			Safe safe = context.getBean(Safe.class);
			// Six codes and five retries: with no code tried twice in a force, every force is played. Random tries
			// would repeat a refused code in more than half of the forces.
			for (int round = 0; round < 10; round++) {
				safe.codes.clear();
				long before = server.forcesPlayed();
				context.getBean(ActionWindows.class).window().actions("try_code").force(Force.query("Open the safe."))
					.open();
				await().atMost(WAIT).until(() -> server.forcesPlayed() == before + 1);
				assertThat(safe.codes).doesNotHaveDuplicates().endsWith(Safe.CODE);
			}
		});
	}

	@Test
	void lintFindingsAreVisibleToTheTest() {
		game().run((context) -> {
			EmbeddedNeuro server = neuro.get();
			server.awaitActionRegistered("roll", WAIT);
			ObjectNode schema = (ObjectNode) JsonMapper.shared()
				.readTree("{\"type\":\"object\",\"title\":\"Bad\",\"properties\":{}}");
			context.getBean(NeuroClient.class).registerWithoutHandler(new ActionDefinition("titled", "Has a title.", schema));
			server.awaitActionRegistered("titled", WAIT);
			assertThat(server.lintFindings()).anySatisfy((finding) -> {
				assertThat(finding.action()).isEqualTo("titled");
				assertThat(finding.severity()).isEqualTo(LintFinding.Severity.ERROR);
				assertThat(finding.message()).contains("title");
			});
			assertThatExceptionOfType(AssertionError.class).isThrownBy(server::assertNoLintErrors)
				.withMessageContaining("titled");
		});
	}

	@Test
	void sendsWhatNeuroSends() {
		game().run((context) -> {
			EmbeddedNeuro server = neuro.get();
			server.awaitActionRegistered("roll", WAIT);
			NeuroClient client = context.getBean(NeuroClient.class);
			server.sendStartupAcknowledgement(NeuroCharacter.EVIL);
			await().atMost(WAIT).until(() -> client.session().isPresent());
			assertThat(client.session().orElseThrow().displayName()).isEqualTo("Evil Neuro");

			int registrations = countOf(server, "actions/register");
			server.sendReregisterAll();
			await().atMost(WAIT).until(() -> countOf(server, "actions/register") == registrations + 1);

			Events events = context.getBean(Events.class);
			server.sendSpeechFinished(true);
			server.sendGracefulShutdown(true);
			server.sendImmediateShutdown();
			await().atMost(WAIT).until(() -> events.events.size() == 3);
			assertThat(events.events.get(0)).isInstanceOf(NeuroSpeechFinishedEvent.class);
			assertThat(events.events.get(2)).isInstanceOfSatisfying(NeuroShutdownRequestedEvent.class,
					(event) -> assertThat(event.isImmediate()).isTrue());
		});
	}

	@Test
	void sendsGarbageAndFailsTheNetworkOnRequest() {
		game().run((context) -> {
			EmbeddedNeuro server = neuro.get();
			server.awaitActionRegistered("roll", WAIT);
			int connections = server.connectionCount();
			server.sendText("not json at all");
			server.sendBinary(new byte[] { 0, 1, 2 });
			server.execute("roll", "{\"dice\":1}").assertSuccess();

			server.refuseConnections(true);
			await().atMost(WAIT).until(() -> !context.getBean(NeuroClient.class).isConnected());
			server.refuseConnections(false);
			server.awaitConnections(connections + 1, WAIT);
			server.dropConnections();
			server.awaitConnections(connections + 2, WAIT);
			server.awaitActionRegistered("roll", WAIT);
			server.execute("roll", "{\"dice\":3}").assertSuccess();
		});
	}

	@Test
	void recordsHowTheGameClosed() {
		game().run((context) -> {
			// Closed before it connected, the game would leave no connection to close.
			neuro.get().awaitActionRegistered("roll", WAIT);
			context.close();
		});
		neuro.get().awaitCloseCode(1001, WAIT);
	}

	private static int countOf(EmbeddedNeuro server, String command) {
		return (int) server.frames().stream().filter((frame) -> frame.command().equals(command)).count();
	}

	static class Dice {

		final List<Integer> rolls = new CopyOnWriteArrayList<>();

		@NeuroAction(description = "Roll some dice.")
		String roll(@Min(1) @Max(6) int dice) {
			this.rolls.add(dice);
			return "Rolled " + dice + " dice.";
		}

	}

	static class Safe {

		static final int CODE = 4;

		final List<Integer> codes = new CopyOnWriteArrayList<>();

		@NeuroAction(description = "Try a code on the safe's dial.")
		void tryCode(@Min(1) @Max(6) int code) {
			this.codes.add(code);
			if (code != CODE) {
				throw new NeuroActionException("Code " + code + " does not open the safe. Try another one.");
			}
		}

	}

	static class Events implements ApplicationListener<NeuroEvent> {

		final List<NeuroEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(NeuroEvent event) {
			if (event instanceof NeuroSpeechFinishedEvent || event instanceof NeuroShutdownRequestedEvent) {
				this.events.add(event);
			}
		}

	}

}
