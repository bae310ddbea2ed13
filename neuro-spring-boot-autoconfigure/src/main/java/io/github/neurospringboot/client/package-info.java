/**
 * What a game uses during play: {@link io.github.neurospringboot.client.NeuroClient} to send context, register,
 * unregister and force actions; and the components that keep Neuro's view of the game's actions in sync across
 * reconnects and route what Neuro sends.
 */
@NullMarked
package io.github.neurospringboot.client;

import org.jspecify.annotations.NullMarked;
