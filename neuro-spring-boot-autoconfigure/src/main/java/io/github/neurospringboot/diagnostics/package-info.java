/**
 * Startup failures: the mistakes in an application's configuration or code that stop it at startup, and their
 * failure analysis, which Spring Boot prints as the description of what is wrong and the action that fixes it.
 */
@NullMarked
package io.github.neurospringboot.diagnostics;

import org.jspecify.annotations.NullMarked;
