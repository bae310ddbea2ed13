package io.github.neurospringboot.protocol;

/**
 * The optional acknowledgement of {@code startup}, which reuses the command name {@code startup}. Never wait for it.
 *
 * @param session the session Neuro reports
 */
public record StartupAcknowledgement(NeuroSession session) implements IncomingMessage {

}
