package io.github.neurospringboot.connection;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * The Neuro URL as shown in logs, health, the actuator endpoint and failure messages: without user-info and query,
 * where credentials hide (a websocket URL often carries its token in the query, since browsers cannot set headers on
 * the handshake).
 */
public final class DisplayedUrl {

	private static final String MASK = "******";

	/**
	 * Any text, split as RFC 3986 (appendix B) splits a URI reference: scheme, authority, path, query, fragment. It
	 * matches every string, so that a value that is no URI at all can still be masked.
	 */
	private static final Pattern PARTS = Pattern.compile("(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(\\?[^#]*)?(#.*)?",
			Pattern.DOTALL);

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
	 * A configured value, valid URL or not, with its user-info, query and fragment masked: for a failure message that
	 * must show the user what they configured. Everything from the authority's start to its last {@code @} is
	 * user-info; a password that holds a raw {@code /}, {@code ?} or {@code #} (which a valid URL encodes) cannot be
	 * told apart from the path, query or fragment that would follow.
	 * @param value the value as configured, such as {@code ws://user:secret@bad host/?token=abc}
	 * @return the value, safe to show, such as {@code ws://******@bad host/?******}
	 */
	public static String mask(String value) {
		Matcher parts = PARTS.matcher(value);
		Assert.state(parts.matches(), "Every text splits into the parts of a URI reference");
		StringBuilder shown = new StringBuilder();
		if (parts.group(1) != null) {
			shown.append(parts.group(1)).append(':');
		}
		String authority = parts.group(2);
		if (authority != null) {
			int userInfoEnd = authority.lastIndexOf('@');
			shown.append("//").append((userInfoEnd != -1) ? MASK + authority.substring(userInfoEnd) : authority);
		}
		shown.append(parts.group(3));
		if (parts.group(4) != null) {
			shown.append('?').append(MASK);
		}
		if (parts.group(5) != null) {
			shown.append('#').append(MASK);
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
