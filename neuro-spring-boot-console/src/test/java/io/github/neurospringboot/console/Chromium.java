package io.github.neurospringboot.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium for a test class, driven by Selenium: Debian's {@code chromium} and {@code chromium-driver}
 * packages, or the binaries named by the system properties {@code neuro.console.chromium} and
 * {@code neuro.console.chromedriver}. A missing browser fails the tests: they are never skipped.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback {

	private static final String BROWSER = System.getProperty("neuro.console.chromium", "/usr/bin/chromium");

	private static final String DRIVER = System.getProperty("neuro.console.chromedriver", "/usr/bin/chromedriver");

	/**
	 * Held so that the level sticks. The tests use no DevTools feature, so that Selenium's DevTools lag behind the
	 * browser (a warning each time a browser starts) does not matter.
	 */
	private static final Logger CDP_LOGGER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

	static {
		CDP_LOGGER.setLevel(Level.SEVERE);
	}

	private ChromeDriver driver;

	private Path profile;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		if (!new File(BROWSER).canExecute() || !new File(DRIVER).canExecute()) {
			throw new AssertionError("The console's browser tests need Chromium and its driver at " + BROWSER
					+ " and " + DRIVER + ": install Debian's chromium and chromium-driver packages (apt-get install"
					+ " chromium chromium-driver), or name them with -Dneuro.console.chromium=... and"
					+ " -Dneuro.console.chromedriver=...");
		}
		this.profile = Files.createTempDirectory("neuro-console-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1400,1350", "--user-data-dir=" + this.profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		if (this.driver != null) {
			this.driver.quit();
		}
		if (this.profile != null) {
			try (var files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> {
					try {
						Files.deleteIfExists(file);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			}
		}
	}

	ChromeDriver driver() {
		return this.driver;
	}

}
