package io.github.neurospringboot.connection;

/**
 * Why a connection attempt failed, told without secrets: its message describes the original exception and its
 * causes with the URL's user-info and query masked, and it keeps the original's stack trace. The original chain is
 * not kept, since the websocket client's messages hold the URL as it was given, credentials and all.
 */
public final class NeuroUnreachableException extends Exception {

	private static final long serialVersionUID = 1L;

	/** The root cause's message, masked likewise: the short answer to why. */
	private final String reason;

	NeuroUnreachableException(String description, String reason, Throwable original) {
		super(description);
		this.reason = reason;
		setStackTrace(original.getStackTrace());
	}

	/**
	 * Why, in short: the message of the original's root cause (such as {@code Connection refused}), masked.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

}
