package io.github.neurospringboot.benchmark;

import java.net.URI;

import io.github.neurospringboot.connection.NeuroLink;
import io.github.neurospringboot.protocol.NeuroMessageCodec;
import io.github.neurospringboot.protocol.OutgoingMessage;
import org.jspecify.annotations.Nullable;

/**
 * A {@link NeuroLink} whose socket is memory: it encodes each message as the real link does and keeps the last
 * frame, so that a benchmark measures the starter's own work per frame and nothing of the network.
 */
final class EncodingLink implements NeuroLink {

	private static final URI URL = URI.create("ws://127.0.0.1/");

	private final NeuroMessageCodec codec;

	private volatile @Nullable String lastFrame;

	EncodingLink(NeuroMessageCodec codec) {
		this.codec = codec;
	}

	@Nullable String lastFrame() {
		return this.lastFrame;
	}

	@Override
	public boolean send(OutgoingMessage message) {
		this.lastFrame = this.codec.encode(message);
		return true;
	}

	@Override
	public boolean isOpen() {
		return true;
	}

	@Override
	public URI url() {
		return URL;
	}

	@Override
	public String id() {
		return "in-memory";
	}

}
