package io.github.neurospringboot.event;

/**
 * The connection to Neuro was lost or closed. Whatever belonged to it (pending action results) is dropped.
 */
public final class NeuroDisconnectedEvent extends NeuroEvent {

	private final int closeCode;

	private final String reason;

	private final boolean willReconnect;

	/**
	 * Create an event.
	 * @param source the publisher
	 * @param closeCode the websocket close code (1006 when the socket died without a close frame)
	 * @param reason why the connection ended, for people
	 * @param willReconnect whether a reconnect is scheduled
	 */
	public NeuroDisconnectedEvent(Object source, int closeCode, String reason, boolean willReconnect) {
		super(source);
		this.closeCode = closeCode;
		this.reason = reason;
		this.willReconnect = willReconnect;
	}

	/**
	 * The websocket close code.
	 * @return the code
	 */
	public int getCloseCode() {
		return this.closeCode;
	}

	/**
	 * Why the connection ended.
	 * @return the reason, possibly empty
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * Whether the client will try to connect again.
	 * @return {@code false} when the application is stopping or reconnecting is disabled
	 */
	public boolean willReconnect() {
		return this.willReconnect;
	}

}
