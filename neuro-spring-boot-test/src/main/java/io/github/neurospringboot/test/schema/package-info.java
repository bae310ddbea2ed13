/**
 * Random parameters that satisfy an action's schema, as Neuro's mock server sends when it plays on its own:
 * {@link io.github.neurospringboot.test.schema.SchemaDataGenerator}, with a sampler that builds strings matching a
 * {@code pattern}. The embedded Neuro's auto-play calls the game's actions with them.
 */
@NullMarked
package io.github.neurospringboot.test.schema;

import org.jspecify.annotations.NullMarked;
