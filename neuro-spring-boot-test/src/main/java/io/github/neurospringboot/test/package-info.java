/**
 * An embedded Neuro for tests and demos: {@link io.github.neurospringboot.test.EmbeddedNeuro}, a real websocket server
 * on loopback that records and lints what the game sends, executes actions on request, and plays on its own when
 * forced; {@link io.github.neurospringboot.test.EnableEmbeddedNeuro} to start one for a Spring test context, and
 * {@link io.github.neurospringboot.test.EmbeddedNeuroExtension} for plain JUnit tests.
 */
@NullMarked
package io.github.neurospringboot.test;

import org.jspecify.annotations.NullMarked;
