/**
 * Sessions that become tests: {@link io.github.neurospringboot.test.replay.SessionRecorder} records what Neuro and a
 * game did on one connection as a {@link io.github.neurospringboot.test.replay.SessionScript} (the actions and their
 * results, the contexts), which reads and writes itself as JSON and which
 * {@link io.github.neurospringboot.test.SessionReplay} replays against a game.
 */
@NullMarked
package io.github.neurospringboot.test.replay;

import org.jspecify.annotations.NullMarked;
