package io.capdex.bench;

import java.util.List;
import java.util.Map;

/** What one benchmark measured, in the DESIGN.md §3 {@code bench} JSON shape. */
public record BenchReport(String name, List<Metric> metrics, Map<String, String> environment) {
    public BenchReport {
        metrics = List.copyOf(metrics);
        environment = Map.copyOf(environment);
    }

    static Map<String, String> currentEnvironment() {
        Runtime rt = Runtime.getRuntime();
        return Map.of(
                "java", System.getProperty("java.version") + " " + System.getProperty("java.vm.name"),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                "cores", Integer.toString(rt.availableProcessors()),
                "maxHeapMb", Long.toString(rt.maxMemory() / (1024 * 1024)));
    }
}
