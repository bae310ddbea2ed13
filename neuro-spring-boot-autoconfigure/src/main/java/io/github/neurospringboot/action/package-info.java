/**
 * Executing the actions Neuro calls: the registry of executable actions, the dispatcher that validates, invokes and
 * answers each call exactly once, and the types an action method works with.
 */
@NullMarked
package io.github.neurospringboot.action;

import org.jspecify.annotations.NullMarked;
