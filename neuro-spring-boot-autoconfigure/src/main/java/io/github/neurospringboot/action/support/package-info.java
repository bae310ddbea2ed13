/**
 * How annotated methods become executable actions: detection, parameter binding through spring-messaging's
 * handler-method infrastructure, and return value conversion.
 */
@NullMarked
package io.github.neurospringboot.action.support;

import org.jspecify.annotations.NullMarked;
