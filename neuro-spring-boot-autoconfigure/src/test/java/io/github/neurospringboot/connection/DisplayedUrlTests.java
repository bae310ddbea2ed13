package io.github.neurospringboot.connection;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is shown of a URL: never its user-info, query or fragment, whether it is a valid URL or not.
 */
class DisplayedUrlTests {

	@Test
	void ofDropsUserInfoAndQuery() {
		assertThat(DisplayedUrl.of(URI.create("wss://player:hunter2@neuro.example:8443/game?token=s3cr3t")))
			.isEqualTo("wss://neuro.example:8443/game");
	}

	@Test
	void maskKeepsWhatHoldsNoSecret() {
		assertThat(DisplayedUrl.mask("ws://localhost:8000/game")).isEqualTo("ws://localhost:8000/game");
		assertThat(DisplayedUrl.mask("http://localhost:8000")).isEqualTo("http://localhost:8000");
		assertThat(DisplayedUrl.mask("localhost:8000")).isEqualTo("localhost:8000");
		assertThat(DisplayedUrl.mask("")).isEmpty();
	}

	@Test
	void maskHidesUserInfoQueryAndFragmentOfAValidUrl() {
		assertThat(DisplayedUrl.mask("wss://player:hunter2@neuro.example:8443/game?token=s3cr3t#k3y"))
			.isEqualTo("wss://******@neuro.example:8443/game?******#******");
	}

	@Test
	void maskHidesUserInfoAndQueryOfAValueThatIsNoUrl() {
		assertThat(DisplayedUrl.mask("ws://player:hunter2@bad host/?token=s3cr3t"))
			.isEqualTo("ws://******@bad host/?******");
		assertThat(DisplayedUrl.mask("ws://player:hunter2@[bad?token=s3cr3t")).isEqualTo("ws://******@[bad?******");
	}

	@Test
	void maskTakesUserInfoUpToTheLastAtSign() {
		assertThat(DisplayedUrl.mask("ws://player:hun@ter2@localhost/")).isEqualTo("ws://******@localhost/");
	}

}
