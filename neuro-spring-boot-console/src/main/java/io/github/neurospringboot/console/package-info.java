/**
 * The Neuro console: an embedded Neuro with a face in the browser, where a person watches what games send and plays
 * as Neuro. {@link io.github.neurospringboot.console.NeuroConsole} runs one; {@link ConsoleMain} runs one on its own
 * for a game of any SDK.
 */
@NullMarked
package io.github.neurospringboot.console;

import org.jspecify.annotations.NullMarked;
