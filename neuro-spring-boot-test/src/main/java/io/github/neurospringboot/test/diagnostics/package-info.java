/**
 * Diagnostics of what a game does on its connections to Neuro, shared by the test kit's embedded Neuro and the
 * console: {@link io.github.neurospringboot.test.diagnostics.DiagnosticsEngine}, fed the frames of each connection
 * both ways through a {@link io.github.neurospringboot.test.diagnostics.ConnectionFeed}, raises a
 * {@link io.github.neurospringboot.test.diagnostics.Diagnostic} for each rule a game breaks (the
 * {@link io.github.neurospringboot.test.diagnostics.DiagnosticRule}s of the conversation and the
 * {@link io.github.neurospringboot.test.lint.LintRule}s of each message), with the thresholds of
 * {@link io.github.neurospringboot.test.diagnostics.DiagnosticSettings}.
 */
@NullMarked
package io.github.neurospringboot.test.diagnostics;

import org.jspecify.annotations.NullMarked;
