/**
 * Spring application events about the connection to Neuro and what Neuro tells the game. Listen with
 * {@code @EventListener}; events are published in order on one dedicated thread, never on the websocket thread.
 * They are not meant to be serialized.
 *
 * @serial exclude
 */
@NullMarked
package io.github.neurospringboot.event;

import org.jspecify.annotations.NullMarked;
