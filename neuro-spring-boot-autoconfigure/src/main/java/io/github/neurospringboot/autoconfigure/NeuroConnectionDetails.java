package io.github.neurospringboot.autoconfigure;

import java.net.URI;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where Neuro is. Defined from {@code neuro.url} by default; declare a bean of this type to point the game elsewhere
 * (a test server, for example).
 */
@FunctionalInterface
public interface NeuroConnectionDetails extends ConnectionDetails {

	/**
	 * The Neuro websocket URL.
	 * @return a {@code ws://} or {@code wss://} URL
	 */
	URI getUrl();

}
