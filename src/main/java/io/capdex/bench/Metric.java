package io.capdex.bench;

/** One measured figure: {@code read throughput = 212.4 MB/s}. */
public record Metric(String name, double value, String unit) {}
