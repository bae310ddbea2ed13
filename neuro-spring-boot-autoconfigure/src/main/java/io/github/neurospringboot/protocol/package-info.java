/**
 * The wire model of the Neuro Game API and its codec: the messages a game sends to Neuro
 * ({@link io.github.neurospringboot.protocol.OutgoingMessage}), the messages Neuro sends to the game
 * ({@link io.github.neurospringboot.protocol.IncomingMessage}) and the
 * {@link io.github.neurospringboot.protocol.NeuroMessageCodec} that turns them into websocket text frames and back.
 */
@NullMarked
package io.github.neurospringboot.protocol;

import org.jspecify.annotations.NullMarked;
