package io.github.neurospringboot.console;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's page in a browser, as a person uses it.
 */
final class ConsolePage {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final WebDriver driver;

	private ConsolePage(WebDriver driver) {
		this.driver = driver;
	}

	static ConsolePage open(WebDriver driver, URI url) {
		driver.get(url.toString());
		ConsolePage page = new ConsolePage(driver);
		page.await((d) -> d.findElement(By.id("stream-status")).getText().equals("live"), "the event stream");
		return page;
	}

	WebDriver driver() {
		return this.driver;
	}

	/** Select a game by its name, once it is there. */
	ConsolePage game(String name) {
		WebElement button = await((d) -> d.findElements(By.cssSelector("#games button"))
			.stream()
			.filter((candidate) -> candidate.getText().contains(name) && !candidate.getText().contains("(closed)"))
			.findFirst()
			.orElse(null), "game " + name);
		button.click();
		await((d) -> d.findElement(By.id("game-title")).getText().contains(name), "game " + name + " selected");
		return this;
	}

	List<WebElement> actions() {
		return this.driver.findElements(By.cssSelector("#actions li"));
	}

	WebElement awaitAction(String name) {
		return await((d) -> actions().stream()
			.filter((item) -> item.findElement(By.className("action-name")).getText().equals(name))
			.findFirst()
			.orElse(null), "action " + name);
	}

	/** Click an action, and wait for the editor to hold its parameters. */
	ConsolePage selectAction(String name) {
		// Clicked again if the list was drawn anew meanwhile
		await((d) -> {
			awaitAction(name).click();
			return true;
		}, "a click on " + name);
		await((d) -> d.findElement(By.id("editor-action")).getText().equals(name), "the editor of " + name);
		return this;
	}

	String awaitEditorData() {
		return await((d) -> {
			String data = d.findElement(By.id("editor-data")).getDomProperty("value");
			return (data != null && !data.isBlank()) ? data : null;
		}, "parameters in the editor");
	}

	ConsolePage editorData(String data) {
		((JavascriptExecutor) this.driver).executeScript(
				"const area = document.getElementById('editor-data'); area.value = arguments[0];"
						+ " area.dispatchEvent(new Event('input'));",
				data);
		return this;
	}

	/** Click a button by its id. */
	ConsolePage click(String id) {
		this.driver.findElement(By.id(id)).click();
		return this;
	}

	/** Wait for the result of what the editor sent, and read it. */
	String awaitResult() {
		return await((d) -> d.findElements(By.cssSelector("#editor-result .result:not(.waiting)"))
			.stream()
			.findFirst()
			.map(WebElement::getText)
			.orElse(null), "a result");
	}

	List<String> awaitProblems() {
		return await((d) -> {
			List<String> problems = d.findElements(By.cssSelector("#editor-problems li"))
				.stream()
				.map(WebElement::getText)
				.toList();
			return problems.isEmpty() ? null : problems;
		}, "problems");
	}

	void send(String message) {
		this.driver.findElement(By.cssSelector("#send-as-neuro button[data-message='" + message + "']")).click();
	}

	/** Wait for a force, and read a part of it, such as {@code force-query}. */
	String awaitForce(String part) {
		return await((d) -> d.findElements(By.cssSelector("#forces .force ." + part))
			.stream()
			.findFirst()
			.map(WebElement::getText)
			.orElse(null), "a force");
	}

	/** Click a button of the force, such as {@code ignore-force}. */
	void clickForce(String button) {
		await((d) -> {
			d.findElement(By.cssSelector("#forces .force ." + button)).click();
			return true;
		}, "a click on " + button);
	}

	void awaitNoForce() {
		await((d) -> d.findElements(By.cssSelector("#forces .force")).isEmpty() ? true : null, "no force");
	}

	void tab(String name) {
		this.driver.findElement(By.cssSelector(".tabs button[data-tab='" + name + "']")).click();
	}

	<T> T await(ExpectedCondition<T> condition, String what) {
		// The page draws its parts anew on every change: an element found a moment ago may be gone
		return new WebDriverWait(this.driver, WAIT).withMessage("waiting for " + what)
			.ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

}
