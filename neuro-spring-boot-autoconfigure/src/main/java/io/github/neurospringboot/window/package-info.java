/**
 * Action windows: the unit of one decision in turn-based play. A window groups context, a set of actions and an
 * optional force, and ends (the actions it registered unregistered, its force withdrawn) when one of its actions is
 * done, when it times out, or when the game ends it.
 */
@NullMarked
package io.github.neurospringboot.window;

import org.jspecify.annotations.NullMarked;
