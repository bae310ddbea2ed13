/**
 * Micrometer observations of the actions Neuro calls: one per action, current on the thread that runs its method,
 * so that a tracer makes a span of each and the game's own spans nest under it.
 */
@NullMarked
package io.github.neurospringboot.observation;

import org.jspecify.annotations.NullMarked;
