package io.github.neurospringboot.test;

import java.nio.file.Path;

/**
 * A PKCS#12 trust store holding the certificate of a secure embedded Neuro
 * ({@link EmbeddedNeuro.Builder#secure(boolean)}), so that a game can be told to trust it, typically through an SSL
 * bundle: {@code spring.ssl.bundle.jks.<name>.truststore.location} (the path as a {@code file:} URL),
 * {@code ...truststore.password}, {@code ...truststore.type=PKCS12}, and {@code neuro.websocket.ssl-bundle=<name>}.
 *
 * @param path where the trust store is
 * @param password its password
 */
public record TrustStore(Path path, String password) {

}
