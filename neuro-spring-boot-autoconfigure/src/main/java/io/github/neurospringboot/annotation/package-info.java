/**
 * Annotations that turn a bean's method into an action Neuro can execute.
 */
@NullMarked
package io.github.neurospringboot.annotation;

import org.jspecify.annotations.NullMarked;
