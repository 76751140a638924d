package io.capdex.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.search.SearchBenchmark;
import io.capdex.search.SearchRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench serve} on a tiny corpus: it runs, every request answers 200, and the figures add up. */
class ServeBenchIT {
    @Test
    void measuresTheSearchApiUnderConcurrentLoad(@TempDir Path dir) throws Exception {
        ServeBench.Figures f = ServeBench.run(dir, 5, 2, Duration.ofMillis(500), Duration.ofSeconds(1));
        assertTrue(f.requests() > 0, f.toString());
        assertEquals(0, f.errors(), f.toString());
        assertEquals(f.requests() / f.seconds(), f.requestsPerSecond(), 1e-6);
        assertTrue(f.p50Ms() <= f.p95Ms() && f.p95Ms() <= f.p99Ms() && f.p99Ms() <= f.maxMs(), f.toString());
        assertTrue(f.meanResponseKb() > 0.1, "answers carry results: " + f);
    }

    @Test
    void turnsBenchmarkRequestsIntoApiPaths() {
        SearchRequest q = SearchRequest.of("\"bone marrow\"").withSoundsLike(true)
                .withFilters(SearchRequest.Filters.NONE.withLang("es").withCollection("kids"));
        assertEquals("/api/search?q=%22bone%20marrow%22&lang=es&collection=kids&soundsLike=true&limit=10",
                ServeBench.path(q));
        assertEquals(350, SearchBenchmark.queryMix(20).size());
    }
}
