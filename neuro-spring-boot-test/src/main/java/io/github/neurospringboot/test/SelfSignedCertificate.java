package io.github.neurospringboot.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away certificate for {@code 127.0.0.1}, made with the JDK's own {@code keytool} so that no library is
 * needed: a key store for the server and a trust store for the game.
 *
 * @param keyStore the server's PKCS#12 key store, holding the key under {@link #ALIAS}
 * @param trustStore the trust store with the certificate alone
 */
record SelfSignedCertificate(Path keyStore, TrustStore trustStore) {

	static final String ALIAS = "embedded-neuro";

	private static final String PASSWORD = "embedded-neuro";

	/**
	 * Make the key pair, the certificate (valid for two days) and the trust store.
	 * @param directory where to write the stores
	 * @return the stores
	 */
	static SelfSignedCertificate create(Path directory) {
		Path keyStore = directory.resolve("server.p12");
		Path certificate = directory.resolve("server.pem");
		TrustStore trustStore = new TrustStore(directory.resolve("trust.p12"), PASSWORD);
		keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
				"CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
				"-storepass", PASSWORD, "-keypass", PASSWORD);
		keytool("-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keyStore.toString(), "-storepass", PASSWORD,
				"-file", certificate.toString());
		keytool("-importcert", "-noprompt", "-alias", ALIAS, "-file", certificate.toString(), "-storetype", "PKCS12",
				"-keystore", trustStore.path().toString(), "-storepass", PASSWORD);
		return new SelfSignedCertificate(keyStore, trustStore);
	}

	/**
	 * The password of the key store and of the key in it.
	 * @return the password
	 */
	String keyStorePassword() {
		return PASSWORD;
	}

	/** Run the keytool next to the running JVM. */
	private static void keytool(String... arguments) {
		boolean windows = System.getProperty("os.name").startsWith("Windows");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", windows ? "keytool.exe" : "keytool").toString());
		command.addAll(List.of(arguments));
		try {
			Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
			// keytool gets no input: a prompt fails at once instead of waiting forever.
			keytool.getOutputStream().close();
			String output = new String(keytool.getInputStream().readAllBytes());
			if (keytool.waitFor() != 0) {
				throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
