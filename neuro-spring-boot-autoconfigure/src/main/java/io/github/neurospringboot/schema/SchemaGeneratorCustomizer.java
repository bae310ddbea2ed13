package io.github.neurospringboot.schema;

import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;

/**
 * Lets an application adjust the victools configuration before the {@link ActionSchemaGenerator} is built. Declare
 * one as a bean; every customizer is applied, in order, after the starter's own configuration.
 * <p>
 * A customizer may add keywords, but every generated schema is still checked: one that contains a keyword of
 * {@link NeuroSchemaDialect#UNSUPPORTED_KEYWORDS} (such as {@code title} or {@code description}) is rejected with an
 * {@link UnsupportedSchemaException}.
 */
@FunctionalInterface
public interface SchemaGeneratorCustomizer {

	/**
	 * Customize the configuration that the schema generator is built from.
	 * @param builder the victools configuration builder, already configured for Neuro
	 */
	void customize(SchemaGeneratorConfigBuilder builder);

}
