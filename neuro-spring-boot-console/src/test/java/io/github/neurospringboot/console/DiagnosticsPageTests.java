package io.github.neurospringboot.console;

import java.util.List;

import io.github.neurospringboot.test.diagnostics.SloppyGame;
import io.github.neurospringboot.test.diagnostics.SloppyGame.Mistake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit's diagnostics, live on the page: a deliberately sloppy game raises what each of its mistakes breaks, and a
 * person dismisses a diagnostic or silences a rule for the game.
 */
class DiagnosticsPageTests {

	@RegisterExtension
	static final Chromium browser = new Chromium();

	@RegisterExtension
	static final RunningConsole running = new RunningConsole();

	@Test
	void aSloppyGameRaisesItsDiagnosticsWhichCanBeDismissedAndSilenced() {
		try (SloppyGame game = SloppyGame.connect(running.get().neuroUrl(), "Sloppy")) {
			game.startup().register("act", "Do something.");
			ConsolePage page = ConsolePage.open(browser.driver(), running.get().url()).game("Sloppy");
			game.commit(Mistake.NOT_JSON).commit(Mistake.INVALID_NAME).commit(Mistake.TWO_FORCES)
				.commit(Mistake.LATE_RESULT);
			page.selectAction("act").click("execute");
			page.tab("diagnostics");
			List<String> rules = List.of(Mistake.NOT_JSON.rule(), Mistake.INVALID_NAME.rule(),
					Mistake.TWO_FORCES.rule(), Mistake.LATE_RESULT.rule());
			page.await((d) -> rulesShown(page).containsAll(rules) ? true : null, "the diagnostics " + rules);
			String twoForces = page.await((d) -> diagnostic(d, Mistake.TWO_FORCES.rule()).getText(), "several-forces");
			assertThat(twoForces).startsWith("ERROR " + Mistake.TWO_FORCES.rule()).contains("#1 Sloppy");

			click(page, Mistake.TWO_FORCES.rule(), "dismiss");
			page.await((d) -> !rulesShown(page).contains(Mistake.TWO_FORCES.rule()) ? true : null, "the dismissal");

			click(page, Mistake.NOT_JSON.rule(), "silence");
			page.await((d) -> !rulesShown(page).contains(Mistake.NOT_JSON.rule()) ? true : null, "the silence");
			String silenced = page.await((d) -> d.findElements(By.cssSelector("#silenced li"))
				.stream()
				.findFirst()
				.map(WebElement::getText)
				.orElse(null), "the silenced rule");
			assertThat(silenced).startsWith("Silenced: " + Mistake.NOT_JSON.rule() + " for Sloppy");
			game.commit(Mistake.NOT_JSON);
			game.commit(Mistake.UNKNOWN_COMMAND);
			page.await((d) -> rulesShown(page).contains(Mistake.UNKNOWN_COMMAND.rule()) ? true : null,
					"a diagnostic after the silenced one");
			assertThat(rulesShown(page)).doesNotContain(Mistake.NOT_JSON.rule());
			page.driver().findElement(By.cssSelector("#silenced li .unsilence")).click();
			page.await((d) -> d.findElements(By.cssSelector("#silenced li")).isEmpty() ? true : null, "hearing again");
		}
	}

	/** Read at once: the list is drawn anew on every change. */
	@SuppressWarnings("unchecked")
	private static List<String> rulesShown(ConsolePage page) {
		return (List<String>) ((JavascriptExecutor) page.driver()).executeScript(
				"return [...document.querySelectorAll('#diagnostics li')].map((item) => item.dataset.rule);");
	}

	private static WebElement diagnostic(WebDriver driver, String rule) {
		return driver.findElement(By.cssSelector("#diagnostics li[data-rule='" + rule + "']"));
	}

	/** Clicked again if the list was drawn anew meanwhile. */
	private static void click(ConsolePage page, String rule, String button) {
		page.await((d) -> {
			diagnostic(d, rule).findElement(By.className(button)).click();
			return true;
		}, "a click on " + button + " of " + rule);
	}

}
