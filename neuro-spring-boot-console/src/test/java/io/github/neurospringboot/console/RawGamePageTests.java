package io.github.neurospringboot.console;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page over games written without the starter (a raw websocket client): what they send is shown as text, however
 * it looks, and the page stays usable under hundreds of actions and thousands of frames.
 */
class RawGamePageTests {

	@RegisterExtension
	static final Chromium browser = new Chromium();

	@RegisterExtension
	static final RunningConsole running = new RunningConsole();

	@Test
	void markupAGameSendsIsShownAsText() throws Exception {
		try (RawGame game = RawGame.connect("<i>Markup</i> Game", running.get().neuroUrl())) {
			game.register(RawGame.action("<b>x</b>", "<img src=x onerror=\"document.title='owned'\">", null));
			game.send("context", JsonMapper.shared().createObjectNode().put("message", "<script>alert(1)</script>"));
			ConsolePage page = ConsolePage.open(browser.driver(), running.get().url()).game("<i>Markup</i> Game");
			String description = page.await((d) -> page.awaitAction("<b>x</b>")
				.findElement(By.className("action-description"))
				.getText(), "its description");
			assertThat(description).isEqualTo("<img src=x onerror=\"document.title='owned'\">");
			assertThat(browser.driver().findElements(By.cssSelector("#actions b, #actions img, #games i"))).isEmpty();
			page.await((d) -> d.findElement(By.id("feed-list")).getText().contains("<script>alert(1)</script>"),
					"the context in the feed");
			assertThat(browser.driver().findElements(By.cssSelector("#feed-list script"))).isEmpty();
			assertThat(browser.driver().getTitle()).isEqualTo("Neuro console");
			page.selectAction("<b>x</b>").click("execute");
			JsonNode call = game.awaitFrame("action");
			assertThat(call.path("data").path("name").asString()).isEqualTo("<b>x</b>");
			assertThat(page.awaitResult()).endsWith(": Done.");
		}
	}

	@Test
	void twoHundredActionsAndTenThousandFramesLeaveThePageUsable() throws Exception {
		try (RawGame game = RawGame.connect("Busy Game", running.get().neuroUrl())) {
			List<JsonNode> actions = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				actions.add(RawGame.action(String.format("action_%03d", i), "Action number " + i + ".",
						"{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\",\"minimum\":" + i
								+ ",\"maximum\":" + i + "}},\"required\":[\"n\"]}"));
			}
			game.register(actions.toArray(JsonNode[]::new));
			ConsolePage page = ConsolePage.open(browser.driver(), running.get().url()).game("Busy Game");
			page.awaitAction("action_199");
			for (int i = 0; i < 10_000; i++) {
				game.send("context", JsonMapper.shared().createObjectNode().put("message", "Tick " + i + "."));
			}
			page.tab("frames");
			page.await((d) -> d.findElement(By.id("frame-count")).getText().equals("(10000)") ? true : null,
					"10,000 frames on the page");
			// The log keeps the latest 10,000 frames, and is virtual: only the rows in view are on the page
			// (read at once: the list is drawn anew on every scroll and every frame)
			List<String> rows = page.await((d) -> {
				@SuppressWarnings("unchecked")
				List<String> texts = (List<String>) ((JavascriptExecutor) d).executeScript(
						"return [...document.querySelectorAll('#frame-list .row')].map((row) => row.textContent);");
				return texts.get(texts.size() - 1).contains("Tick 9999.") ? texts : null;
			}, "the newest frame in view");
			assertThat(rows).hasSizeBetween(5, 60);
			((JavascriptExecutor) browser.driver())
				.executeScript("document.getElementById('frame-list').scrollTop = 0;");
			page.await((d) -> d.findElements(By.cssSelector("#frame-list .row"))
				.stream()
				.anyMatch((row) -> row.getText().endsWith("Tick 4.\"}}")), "the oldest frame kept in view");
			// The actions still answer: filter, select, execute
			WebElement filter = browser.driver().findElement(By.id("action-filter"));
			filter.sendKeys("action_19");
			page.await((d) -> page.actions().size() == 10 ? true : null, "the filtered actions");
			page.selectAction("action_199");
			assertThat(page.awaitEditorData()).contains("199");
			page.click("execute");
			assertThat(game.awaitFrame("action").path("data").path("data").asString()).contains("199");
			assertThat(page.awaitResult()).endsWith(": Done.");
			filter.clear();
		}
	}

}
