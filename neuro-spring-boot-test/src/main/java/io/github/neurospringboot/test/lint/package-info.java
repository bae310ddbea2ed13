/**
 * Lint for action registrations: {@link io.github.neurospringboot.test.lint.SchemaLint} reads an
 * {@code actions/register} as the real Neuro server would, and reports each problem as a
 * {@link io.github.neurospringboot.test.lint.LintFinding} that says how to fix it. The embedded Neuro lints every
 * registration it receives with it.
 */
@NullMarked
package io.github.neurospringboot.test.lint;

import org.jspecify.annotations.NullMarked;
