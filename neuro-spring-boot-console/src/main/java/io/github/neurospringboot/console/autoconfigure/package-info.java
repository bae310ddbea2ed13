/**
 * The console inside a Spring Boot game in development: with {@code neuro.console.enabled=true} and no Neuro URL
 * configured, the game starts the console in its own process and connects to it
 * ({@link io.github.neurospringboot.console.autoconfigure.NeuroConsoleStarter}).
 */
@NullMarked
package io.github.neurospringboot.console.autoconfigure;

import org.jspecify.annotations.NullMarked;
