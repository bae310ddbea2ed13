/**
 * Auto-configuration of the Neuro connection, client and events, and the {@code neuro.*} configuration properties.
 */
@NullMarked
package io.github.neurospringboot.autoconfigure;

import org.jspecify.annotations.NullMarked;
