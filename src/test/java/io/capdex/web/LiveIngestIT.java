package io.capdex.web;

import static io.capdex.web.SampleArchive.get;
import static io.capdex.web.SampleArchive.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server keeps answering while ingests run beside it, and sees each one's interviews once committed. */
class LiveIngestIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void seesInterviewsIngestedAfterItStarted(@TempDir Path root) throws Exception {
        Path data = root.resolve("data");
        Files.createDirectories(data);
        try (WebServer server = WebServer.start(ServeOptions.defaults(data).withPort(0).withPages("testweb"))) {
            JsonNode nothing = JSON.readTree(get(server, "/api/search?q=donor").body());
            assertEquals(0, nothing.get("total").asInt(), "no index yet: no results, no error");

            ingest(root, "stem-cell-donor", data);
            JsonNode donor = waitFor(server, "/api/search?q=donor", "stem-cell-donor");
            assertEquals(200, get(server, "/api/interviews/stem-cell-donor").statusCode());
            assertTrue(donor.get("results").get(0).get("moments").size() > 0);

            ingest(root, "cart-therapy", data); // the index is open now: a new commit must show too
            waitFor(server, "/api/search?q=linfocitos", "cart-therapy");
            assertEquals(200, get(server, "/captions/cart-therapy/es.vtt").statusCode());
            JsonNode recent = JSON.readTree(get(server, "/api/search?q=").body()).get("recent");
            assertEquals(2, recent.size(), recent.toString());
        }
    }

    private static void ingest(Path root, String id, Path data) throws Exception {
        Path in = root.resolve("in-" + id);
        Files.createDirectories(in);
        try (Stream<Path> files = Files.list(SampleArchive.SAMPLES)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(id + ".")
                    && !f.getFileName().toString().endsWith(".truth.json")).toList()) {
                Files.copy(f, in.resolve(f.getFileName()));
            }
        }
        String[] run = SampleArchive.cli("--data", data.toString(), "ingest", "--no-sync", in.toString());
        assertEquals("0", run[0], run[2]);
    }

    /** Polls until the search lists the interview: the searcher refreshes at most once a second. */
    private static JsonNode waitFor(WebServer server, String path, String id) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            var r = get(server, path);
            assertEquals(200, r.statusCode(), text(r));
            last = text(r);
            JsonNode n = JSON.readTree(r.body());
            for (JsonNode hit : n.get("results")) {
                if (hit.get("interview").asText().equals(id)) {
                    return n;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(id + " did not show up in " + path + " within 10 s: " + last);
    }
}
