package io.github.neurospringboot.test.diagnostics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.github.neurospringboot.test.lint.LintRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's "Diagnostics" section lists every rule with its severity, so that what users read is what the engine
 * raises.
 */
class RuleCatalogueTests {

	@Test
	void readmeListsEveryRuleWithItsSeverity() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		String diagnostics = readme.substring(readme.indexOf("## Diagnostics"), readme.indexOf("## A session"));
		Arrays.stream(LintRule.values())
			.forEach((rule) -> assertThat(diagnostics).contains("| `" + rule.id() + "` | " + rule.severity() + " |"));
		Arrays.stream(DiagnosticRule.values())
			.forEach((rule) -> assertThat(diagnostics).contains("| `" + rule.id() + "` | " + rule.severity() + " |"));
	}

}
