package io.github.neurospringboot.connection;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * Why a connection attempt failed, told without secrets. The websocket client's own exception names the URL as it
 * was given, credentials and query included; this one names it, and the causes, with those masked, and keeps the
 * original's stack trace. Its cause is the rest of the original chain (an {@code SSLHandshakeException}, a
 * {@code ConnectException}), from the first exception on that holds no secret.
 */
public final class NeuroUnreachableException extends Exception {

	private static final long serialVersionUID = 1L;

	/** The root cause's message, masked likewise: the short answer to why. */
	private final String reason;

	private NeuroUnreachableException(String description, String reason, @Nullable Throwable cause,
			StackTraceElement[] stackTrace) {
		super(description, cause);
		this.reason = reason;
		setStackTrace(stackTrace);
	}

	/**
	 * Tell a failure without the secrets of the URL it was connecting to.
	 * @param failure what the websocket client reported
	 * @param url the URL, with any user-info and query
	 * @return the failure, told safely
	 */
	static NeuroUnreachableException of(Throwable failure, URI url) {
		Throwable kept = failure.getCause();
		while (kept != null && holdsSecret(kept, url)) {
			kept = kept.getCause();
		}
		return new NeuroUnreachableException(DisplayedUrl.scrub(WebSocketLink.describe(failure), url),
				DisplayedUrl.scrub(WebSocketLink.reason(failure), url), kept, failure.getStackTrace());
	}

	/** Whether the exception or one of its causes says a secret of the URL. */
	private static boolean holdsSecret(Throwable failure, URI url) {
		for (Throwable link = failure; link != null; link = link.getCause()) {
			String message = String.valueOf(link.getMessage());
			if (!DisplayedUrl.scrub(message, url).equals(message)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Why, in short: the message of the original's root cause (such as {@code Connection refused}), masked.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

}
