/**
 * The figures {@code capdex bench NAME} prints: each benchmark builds its own workload (generated, never
 * committed), runs the real code paths, and reports {@link io.capdex.bench.Metric}s.
 *
 * <p>May use every package below {@code cli}; nothing imports it except {@code cli}.
 */
@NullMarked
package io.capdex.bench;

import org.jspecify.annotations.NullMarked;
