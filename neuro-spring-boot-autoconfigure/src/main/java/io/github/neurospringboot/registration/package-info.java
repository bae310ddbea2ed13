/**
 * What Neuro is told the game can do: {@link io.github.neurospringboot.registration.Registrations}, the actions the
 * game wants registered and who wants each (kept across reconnects), and
 * {@link io.github.neurospringboot.registration.LinkRegistrations}, what one connection has been told, which it
 * keeps in step with the wanted set.
 */
@NullMarked
package io.github.neurospringboot.registration;

import org.jspecify.annotations.NullMarked;
