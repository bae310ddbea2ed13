/**
 * Ahead-of-time processing: the runtime hints that {@code @NeuroAction} methods and the wire protocol need in a
 * native image, contributed through Spring's AOT contracts ({@code META-INF/spring/aot.factories}).
 */
@NullMarked
package io.github.neurospringboot.aot;

import org.jspecify.annotations.NullMarked;
