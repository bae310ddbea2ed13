package io.github.neurospringboot.testing;

import io.github.neurospringboot.schema.NeuroSchemaDialect;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every schema the test suite generated (recorded in {@link SchemaAudit}) and proves each is in
 * Neuro's dialect: an action's root is {@code "type": "object"}, and no schema holds a {@code $ref} or a keyword
 * Neuro does not support. Ordered last (see {@code junit-platform.properties}), so that it sees the whole suite.
 */
@Order(Integer.MAX_VALUE)
class EverySchemaTests {

	@Test
	void everySchemaOfTheSuiteIsInNeurosDialect() {
		assertThat(SchemaAudit.recorded()).as("schemas recorded by the suite").hasSizeGreaterThan(20);
		for (SchemaAudit.Entry entry : SchemaAudit.recorded()) {
			if (entry.root()) {
				assertThat(entry.schema().path("type").asString()).as("root type of %s: %s", entry.origin(),
						entry.schema()).isEqualTo("object");
			}
			assertThat(NeuroSchemaDialect.unsupportedKeywords(entry.schema()))
				.as("unsupported keywords in %s: %s", entry.origin(), entry.schema())
				.isEmpty();
		}
	}

}
