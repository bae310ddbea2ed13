package io.github.neurospringboot.sample;

import java.net.InetAddress;
import java.net.ServerSocket;

import io.github.neurospringboot.client.NeuroClient;
import io.github.neurospringboot.protocol.ActionDefinition;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample, as its users start it: with only the starter on the classpath.
 */
class SampleApplicationTests {

	@Test
	void startsWithoutAWebServerAndWithoutWaitingForNeuro() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		// Tomcat's websocket client brings the servlet API, but no web server module: nothing can listen.
		assertThat(ClassUtils.isPresent("org.springframework.boot.web.server.WebServer", null)).isFalse();
		// Nothing listens there on purpose: the warning that Neuro cannot be reached is expected, and silenced.
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
				"--neuro.url=ws://127.0.0.1:" + closedPort + "/",
				"--logging.level.io.github.neurospringboot.connection.NeuroConnection=error")) {
			assertThat(context).isNotInstanceOf(WebApplicationContext.class);
			NeuroClient neuro = context.getBean(NeuroClient.class);
			assertThat(neuro.game()).isEqualTo("Tic Tac Toe");
			assertThat(neuro.isConnected()).isFalse();
			// place_mark matters all game long: registered at startup, before any game or connection.
			assertThat(neuro.registeredActions()).extracting(ActionDefinition::name).containsExactly("place_mark");
		}
	}

}
