/**
 * JSON schemas for action parameters, in the simple dialect Neuro understands: generated from Java types with
 * victools ({@link io.github.neurospringboot.schema.ActionSchemaGenerator}), adjustable through
 * {@link io.github.neurospringboot.schema.SchemaGeneratorCustomizer} beans, and checked against the keywords Neuro
 * does not support ({@link io.github.neurospringboot.schema.NeuroSchemaDialect}).
 */
@NullMarked
package io.github.neurospringboot.schema;

import org.jspecify.annotations.NullMarked;
