package io.github.neurospringboot.event;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Neuro sent a command the starter does not handle: a tool's vendor-prefixed command (such as
 * {@code neuro-relay/...}) or one from a later version of the API. The starter neither answers it nor treats it as an
 * error; a game or a library that knows the command can react to it here.
 */
public final class NeuroUnknownCommandEvent extends NeuroEvent {

	private final String command;

	private final @Nullable JsonNode data;

	/**
	 * Create an event.
	 * @param source the publisher
	 * @param command the command as received
	 * @param data the command's {@code data} as received, when the frame has any
	 */
	public NeuroUnknownCommandEvent(Object source, String command, @Nullable JsonNode data) {
		super(source);
		this.command = command;
		this.data = data;
	}

	/**
	 * The command as received, such as {@code neuro-relay/ping}.
	 * @return the command
	 */
	public String getCommand() {
		return this.command;
	}

	/**
	 * The command's {@code data} as received: any JSON value. Every listener gets the same tree, so read it without
	 * changing it.
	 * @return the data, or empty when the frame has none (or {@code null})
	 */
	public Optional<JsonNode> getData() {
		return Optional.ofNullable(this.data);
	}

}
