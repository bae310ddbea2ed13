package io.github.neurospringboot.connection;

import java.net.URI;

/**
 * The Neuro URL as shown in logs, health and the actuator endpoint: without user-info and query, where credentials
 * hide (a websocket URL often carries its token in the query, since browsers cannot set headers on the handshake).
 */
public final class DisplayedUrl {

	private static final String MASK = "******";

	private DisplayedUrl() {
	}

	/**
	 * The URL without its user-info and query.
	 * @param url the configured URL
	 * @return the URL to show
	 */
	public static String of(URI url) {
		StringBuilder shown = new StringBuilder().append(url.getScheme()).append("://").append(url.getHost());
		if (url.getPort() != -1) {
			shown.append(':').append(url.getPort());
		}
		if (url.getRawPath() != null) {
			shown.append(url.getRawPath());
		}
		return shown.toString();
	}

	/**
	 * A text, such as an exception message, with the URL's user-info and query masked.
	 * @param text the text
	 * @param url the configured URL
	 * @return the text, safe to show
	 */
	public static String scrub(String text, URI url) {
		String scrubbed = text;
		for (String secret : new String[] { url.getRawUserInfo(), url.getUserInfo(), url.getRawQuery(),
				url.getQuery() }) {
			if (secret != null && !secret.isEmpty()) {
				scrubbed = scrubbed.replace(secret, MASK);
			}
		}
		return scrubbed;
	}

}
