package io.github.neurospringboot.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.neurospringboot.client.Force;
import io.github.neurospringboot.client.NeuroClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page, in a real browser, over a game built on the starter that runs the console in its own process
 * ({@code neuro.console.enabled=true}): what a person sees and does reaches the game, and what the game does shows.
 */
class ConsolePageTests {

	@RegisterExtension
	static final Chromium browser = new Chromium();

	private static ConfigurableApplicationContext game;

	private static URI url;

	private ConsolePage page;

	@BeforeAll
	static void startGame() {
		game = new SpringApplicationBuilder(ConsoleTestGame.class).bannerMode(Banner.Mode.OFF)
			.properties("neuro.game=Dice Game", "neuro.console.enabled=true", "neuro.console.port=0")
			.run();
		url = game.getBean(NeuroConsole.class).url();
	}

	@AfterAll
	static void stopGame() {
		game.close();
	}

	@BeforeEach
	void openPage() {
		ConsoleTestGame.calls.clear();
		ConsoleTestGame.events.clear();
		this.page = ConsolePage.open(browser.driver(), url).game("Dice Game");
	}

	@Test
	void theGameAndItsActionsAppear() {
		String description = this.page.await((d) -> this.page.awaitAction("roll_dice")
			.findElement(By.className("action-description"))
			.getText(), "its description");
		assertThat(description).isEqualTo("Roll a die with that many sides.");
		this.page.awaitAction("pick");
		this.page.selectAction("pick");
		assertThat(browser.driver().findElement(By.id("editor-schema")).getDomProperty("textContent"))
			.contains("\"enum\"", "\"RED\"");
	}

	@Test
	void aClickExecutesTheActionAndItsResultShows() throws InterruptedException {
		this.page.selectAction("roll_dice");
		assertThat(this.page.awaitEditorData()).contains("\"sides\"");
		this.page.editorData("{\"sides\": 6}").click("execute");
		assertThat(this.page.awaitResult()).startsWith("Success after ").endsWith(": You rolled a die of 6 sides.");
		assertThat(ConsoleTestGame.calls.poll(10, TimeUnit.SECONDS)).isEqualTo("roll_dice 6");
	}

	@Test
	void regenerateMakesNewValidParametersAndTheLastOnesAreRemembered() {
		this.page.selectAction("roll_dice");
		this.page.editorData("{\"sides\": 12}");
		this.page.click("execute").awaitResult();
		this.page.selectAction("pick");
		this.page.selectAction("roll_dice");
		assertThat(this.page.awaitEditorData()).isEqualTo("{\"sides\": 12}");
		this.page.click("regenerate");
		this.page.await((d) -> !this.page.awaitEditorData().equals("{\"sides\": 12}"), "new parameters");
		assertThat(this.page.awaitEditorData()).matches("(?s)\\{\\s*\"sides\" : -?\\d+\\s*}");
	}

	@Test
	void invalidParametersAreCaughtUnlessSentOnPurpose() throws InterruptedException {
		this.page.selectAction("roll_dice");
		this.page.editorData("{\"sides\": \"six\"}").click("execute");
		assertThat(this.page.awaitProblems()).containsExactly("'sides' must be an integer, but was the string \"six\".");
		this.page.click("send-unchecked");
		assertThat(this.page.awaitResult()).startsWith("Failure after ")
			.endsWith(": Action failed: invalid parameters for 'roll_dice'. 'sides' must be an integer, but was the"
					+ " string \"six\".");
		this.page.editorData("six sides, please").click("send-unchecked");
		this.page.await((d) -> this.page.awaitResult().contains("were not valid JSON"), "the JSON failure");
		assertThat(ConsoleTestGame.calls).isEmpty();
	}

	@Test
	void aForceShowsAsNeuroSeesItAndIsAnsweredByHand() throws InterruptedException {
		game.getBean(NeuroClient.class)
			.forceActions(Force.query("Pick the color of your piece.").state("Board: empty").ephemeral(), "pick");
		assertThat(this.page.awaitForce("force-query")).isEqualTo("Forced: Pick the color of your piece.");
		assertThat(this.page.awaitForce("force-state")).isEqualTo("Board: empty");
		assertThat(this.page.awaitForce("force-flags")).startsWith("ephemeral context: yes");
		this.page.clickForce("force-action");
		this.page.await((d) -> d.findElement(By.id("editor-action")).getText().equals("pick"), "the forced action");
		this.page.editorData("{\"color\": \"GREEN\"}").click("execute");
		assertThat(this.page.awaitResult()).endsWith(": You picked GREEN.");
		this.page.awaitNoForce();
		assertThat(ConsoleTestGame.calls.poll(10, TimeUnit.SECONDS)).isEqualTo("pick GREEN");
	}

	@Test
	void aForceCanBeIgnored() throws InterruptedException {
		game.getBean(NeuroClient.class).forceActions(Force.query("Roll, please."), "roll_dice");
		this.page.clickForce("ignore-force");
		this.page.awaitNoForce();
		assertThat(ConsoleTestGame.calls).isEmpty();
		// The game still waits for an answer, and forces nothing else until it has one
		this.page.selectAction("roll_dice").editorData("{\"sides\": 4}").click("execute").awaitResult();
		assertThat(ConsoleTestGame.calls.poll(10, TimeUnit.SECONDS)).isEqualTo("roll_dice 4");
	}

	@Test
	void eachMessageOfNeuroReachesTheGame() throws Exception {
		assertEvent("STARTUP_EVIL", "startup evil");
		assertEvent("STARTUP_NEURO", "startup neuro");
		assertEvent("SPEECH_FINISHED", "speech_finished cancelled=false");
		assertEvent("SPEECH_CANCELLED", "speech_finished cancelled=true");
		assertEvent("GRACEFUL_SHUTDOWN", "shutdown/graceful wants=true");
		assertEvent("CANCEL_SHUTDOWN", "shutdown/graceful wants=false");
		assertEvent("IMMEDIATE_SHUTDOWN", "shutdown/immediate");
		// actions/reregister_all raises no event: the game answers with its registration
		long registrations = registrationsNow();
		this.page.send("REREGISTER_ALL");
		this.page.await((d) -> registrationsNow() > registrations, "a new registration");
	}

	@Test
	void screenshotForTheReadme() throws IOException {
		game.getBean(NeuroClient.class).sendContext("The board is empty; your opponent waits.", false);
		this.page.selectAction("roll_dice");
		this.page.editorData("{\"sides\": 20}").click("execute").awaitResult();
		game.getBean(NeuroClient.class)
			.forceActions(Force.query("Pick the color of your piece.").state("## Board\n\nempty"), "pick");
		this.page.awaitForce("force-query");
		this.page.selectAction("pick");
		this.page.awaitEditorData();
		byte[] png = browser.driver().getScreenshotAs(OutputType.BYTES);
		Path target = Path.of(System.getProperty("neuro.console.screenshot", "target/console.png"));
		Files.createDirectories(target.toAbsolutePath().getParent());
		Files.write(target, png);
		assertThat(png).hasSizeGreaterThan(10_000);
		this.page.editorData("{\"color\": \"RED\"}").click("execute").awaitResult();
		this.page.awaitNoForce();
	}

	private void assertEvent(String message, String event) throws InterruptedException {
		this.page.send(message);
		assertThat(ConsoleTestGame.events.poll(10, TimeUnit.SECONDS)).isEqualTo(event);
	}

	private long registrationsNow() {
		try {
			String log = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(url.resolve("/api/log")).timeout(Duration.ofSeconds(10)).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
			return log.split("actions/register", -1).length - 1;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
