/**
 * Benchmarks of the starter beside baselines: the per-action cost with JMH, and end to end against a Neuro of its own
 * in another process, each contender in a process of its own ({@link io.github.neurospringboot.benchmark.Benchmarks}).
 */
@NullMarked
package io.github.neurospringboot.benchmark;

import org.jspecify.annotations.NullMarked;
