package io.capdex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParseBenchTest {
    @Test
    void reportsThroughputForEveryFormat() {
        BenchReport report = new ParseBench(500, 1).run();
        assertEquals("parse", report.name());
        List<String> names = report.metrics().stream().map(Metric::name).toList();
        for (String f : new String[] {"srt", "vtt", "sbv", "ttml"}) {
            assertTrue(names.contains(f + ".read"), names.toString());
            assertTrue(names.contains(f + ".write"), names.toString());
        }
        for (Metric m : report.metrics()) {
            assertTrue(m.value() > 0, m.toString());
        }
    }

    @Test
    void workloadsAreDeterministic() {
        assertEquals(Workloads.interview(50, 3), Workloads.interview(50, 3));
        assertTrue(!Workloads.interview(50, 3).equals(Workloads.interview(50, 4)));
    }
}
