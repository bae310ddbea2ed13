/**
 * This project's test logging: a console that shows only the warnings no test expected, and {@link
 * io.github.neurospringboot.testlogging.ExpectedLogs}, with which a test that provokes a fault captures the lines it
 * provokes instead of printing them.
 */
package io.github.neurospringboot.testlogging;
