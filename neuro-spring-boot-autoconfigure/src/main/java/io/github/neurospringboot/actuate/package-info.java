/**
 * Production support for the connection to Neuro: an Actuator health indicator and endpoint, and Micrometer meters
 * of the actions she calls, each active only when its library is on the classpath.
 */
@NullMarked
package io.github.neurospringboot.actuate;

import org.jspecify.annotations.NullMarked;
