/**
 * The websocket transport to Neuro: one {@link io.github.neurospringboot.connection.NeuroConnection} that connects,
 * reconnects with back-off, detects dead sockets with pings, and hands every decoded message to a
 * {@link io.github.neurospringboot.connection.NeuroLinkHandler}.
 */
@NullMarked
package io.github.neurospringboot.connection;

import org.jspecify.annotations.NullMarked;
