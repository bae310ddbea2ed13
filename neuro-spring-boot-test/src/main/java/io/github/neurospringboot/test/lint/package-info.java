/**
 * Lint for what a game sends, one message at a time: {@link io.github.neurospringboot.test.lint.MessageLint} reads a
 * message as the Neuro API defines it, {@link io.github.neurospringboot.test.lint.SchemaLint} reads an
 * {@code actions/register} as the real Neuro server would, and each problem is a
 * {@link io.github.neurospringboot.test.lint.LintFinding} of a {@link io.github.neurospringboot.test.lint.LintRule}
 * that says how to fix it. The diagnostics engine lints every message the embedded Neuro receives with them.
 */
@NullMarked
package io.github.neurospringboot.test.lint;

import org.jspecify.annotations.NullMarked;
