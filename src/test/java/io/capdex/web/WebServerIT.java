package io.capdex.web;

import static io.capdex.web.SampleArchive.get;
import static io.capdex.web.SampleArchive.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capdex.export.ExportFormat;
import io.capdex.export.Verifier;
import io.capdex.export.WarningTexts;
import io.capdex.media.BrowserVideo;
import io.capdex.media.MediaInfo;
import io.capdex.media.MediaProbe;
import io.capdex.media.StreamType;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every route of {@code capdex serve} over the ingested samples, on a real socket. */
class WebServerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WARNING = WarningTexts.shipped().textFor("en").text();

    @TempDir static Path root;
    static Path data;
    static WebServer server;
    static Map<String, String> before;

    @BeforeAll
    static void start() throws Exception {
        data = SampleArchive.ingest(root);
        before = SampleArchive.fingerprint(root);
        server = WebServer.start(ServeOptions.defaults(data).withPort(0).withPages("testweb"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<byte[]> r = get(server, path);
        assertEquals(200, r.statusCode(), path + ": " + text(r));
        assertEquals("application/json;charset=utf-8", r.headers().firstValue("Content-Type").orElse("")
                .replace(" ", ""));
        return JSON.readTree(r.body());
    }

    private static JsonNode error(String path, int status) throws Exception {
        HttpResponse<byte[]> r = get(server, path);
        assertEquals(status, r.statusCode(), path + ": " + text(r));
        JsonNode n = JSON.readTree(r.body());
        assertEquals(status, n.get("status").asInt());
        assertFalse(n.get("error").asText().isBlank());
        assertFalse(text(r).contains("Exception") || text(r).contains("\tat "), "no stack trace: " + text(r));
        return n;
    }

    // ---- search

    @Test
    void searchAnswersTheSearchShapeWithFacetsTimelineThumbnailsAndLinks() throws Exception {
        JsonNode s = json("/api/search?q=remission&limit=5");
        for (String f : List.of("query", "total", "offset", "results", "facets", "warning")) {
            assertTrue(s.has(f), f + " in " + s);
        }
        assertEquals("remission", s.get("query").asText());
        assertEquals(WARNING, s.get("warning").asText());
        for (String facet : List.of("lang", "source", "speaker", "collection", "year")) {
            assertTrue(s.get("facets").has(facet), facet);
        }
        assertTrue(s.get("facets").get("lang").get("en").asInt() >= 1, s.get("facets").toString());
        JsonNode first = s.get("results").get(0);
        assertEquals("all-remission", first.get("interview").asText());
        for (String f : List.of("interview", "title", "score", "hits", "moments", "speaker", "collection", "year",
                "durationMs", "thumbnail", "timeline", "url")) {
            assertTrue(first.has(f), f + " in " + first);
        }
        assertEquals("Dr Anahit Hakobyan", first.get("speaker").asText());
        assertEquals(2025, first.get("year").asInt());
        assertTrue(Math.abs(first.get("durationMs").asLong() - 87_680) < 100, first.get("durationMs").toString());
        assertEquals("/interviews/all-remission", first.get("url").asText());
        List<Long> timeline = new ArrayList<>();
        first.get("timeline").forEach(t -> timeline.add(t.asLong()));
        assertFalse(timeline.isEmpty());
        List<Long> sorted = new ArrayList<>(timeline);
        sorted.sort(null);
        assertEquals(sorted, timeline, "the timeline is in time order");
        assertEquals(timeline.size(), first.get("momentCount").asInt());
        long firstMoment = timeline.get(0);
        assertEquals("/thumbs/all-remission.jpg?t=" + firstMoment, first.get("thumbnail").asText());
        for (JsonNode m : first.get("moments")) {
            for (String f : List.of("lang", "source", "startMs", "endMs", "text", "snippet", "url")) {
                assertTrue(m.has(f), f + " in " + m);
            }
            assertTrue(timeline.contains(m.get("startMs").asLong()), "every moment is on the timeline: " + m);
            long ms = m.get("startMs").asLong();
            String expected = String.format(java.util.Locale.ROOT, "/interviews/all-remission?t=%d.%d&lang=%s&source=%s",
                    ms / 1000, ms % 1000 / 100, m.get("lang").asText(), m.get("source").asText());
            assertEquals(expected, m.get("url").asText());
        }
    }

    @Test
    void searchGivesTheSameResultsAsTheCommandLine() throws Exception {
        String[] cli = SampleArchive.cli("--data", data.toString(), "search", "--json", "--lang", "en", "remission");
        assertEquals("0", cli[0], cli[2]);
        JsonNode expected = JSON.readTree(cli[1]);
        JsonNode actual = json("/api/search?q=remission&lang=en");
        for (String f : List.of("query", "total", "offset", "facets", "soundsLike")) {
            assertEquals(expected.get(f), actual.get(f), f);
        }
        assertEquals(expected.get("results").size(), actual.get("results").size());
        for (int i = 0; i < expected.get("results").size(); i++) {
            JsonNode e = expected.get("results").get(i);
            JsonNode a = actual.get("results").get(i);
            for (String f : List.of("interview", "title", "score", "hits")) {
                assertEquals(e.get(f), a.get(f), f);
            }
            for (int m = 0; m < e.get("moments").size(); m++) {
                JsonNode em = e.get("moments").get(m);
                JsonNode am = a.get("moments").get(m);
                em.fieldNames().forEachRemaining(f -> assertEquals(em.get(f), am.get(f), f + " of moment " + em));
            }
        }
    }

    @Test
    void searchFiltersPagesAndMatchesBySound() throws Exception {
        JsonNode es = json("/api/search?q=remisi%C3%B3n&lang=es");
        for (JsonNode r : es.get("results")) {
            r.get("moments").forEach(m -> assertEquals("es", m.get("lang").asText()));
        }
        JsonNode page2 = json("/api/search?q=leukaemia&limit=1&offset=1");
        assertEquals(1, page2.get("offset").asInt());
        assertTrue(page2.get("results").size() <= 1);
        JsonNode sounds = json("/api/search?q=leukemia&soundsLike=true");
        assertTrue(sounds.get("total").asInt() >= 1, sounds.toString());
        JsonNode aligned = json("/api/search?q=remission&source=aligned");
        aligned.get("results").forEach(r -> r.get("moments").forEach(m -> assertEquals("aligned", m.get("source").asText())));
        JsonNode few = json("/api/search?q=remission&moments=1");
        few.get("results").forEach(r -> assertTrue(r.get("moments").size() <= 1));
    }

    @Test
    void emptyQueryListsRecentInterviewsAndMatchesNothing() throws Exception {
        JsonNode s = json("/api/search?q=");
        assertEquals(0, s.get("total").asInt());
        assertEquals(0, s.get("results").size());
        assertEquals(3, s.get("recent").size(), s.toString());
        assertEquals(WARNING, s.get("warning").asText());
        JsonNode recent = s.get("recent").get(0);
        assertTrue(recent.has("interview") && recent.has("title") && recent.has("url") && recent.has("durationMs"));
    }

    @Test
    void badQueriesAndParametersAre400() throws Exception {
        assertTrue(error("/api/search?q=%22unclosed", 400).get("error").asText().contains("quote"));
        error("/api/search?q=a&limit=0", 400);
        error("/api/search?q=a&limit=abc", 400);
        error("/api/search?q=a&offset=-1", 400);
        error("/api/search?q=a&source=robot", 400);
        error("/api/search?q=a&year=twenty", 400);
        error("/api/search?q=a&soundsLike=maybe", 400);
        error("/api/search?q=" + "a".repeat(600), 400);
    }

    // ---- interview

    @Test
    void interviewFactsCarryLinksWarningsAndNoLocalPaths() throws Exception {
        HttpResponse<byte[]> raw = get(server, "/api/interviews/all-remission");
        String body = text(raw);
        assertFalse(body.contains(root.toString()), "no absolute local path leaves the server: " + body);
        JsonNode n = JSON.readTree(body);
        assertEquals("all-remission", n.get("id").asText());
        assertTrue(n.get("video").asBoolean());
        assertEquals("/video/all-remission", n.get("videoUrl").asText());
        assertEquals("all-remission.mp4", n.get("videoFile").asText());
        assertTrue(Math.abs(n.get("durationMs").asLong() - 87_680) < 100);
        assertEquals("Dr Anahit Hakobyan", n.get("page").get("speaker").asText());
        for (String f : List.of("schemaVersion", "title", "collection", "year", "spokenLanguage", "inputs", "status",
                "messages", "recipe", "ingestedAt")) {
            assertTrue(n.has(f), f + ", as show --json has it");
        }
        assertEquals(3, n.get("tracks").size());
        for (JsonNode t : n.get("tracks")) {
            String lang = t.get("lang").asText();
            String source = t.get("source").asText();
            assertEquals(source.equals("asr") || source.equals("mt"), t.get("ai").asBoolean(), t.toString());
            assertEquals("/captions/all-remission/" + lang + ".vtt?source=" + source, t.get("vtt").asText());
            assertEquals("/api/interviews/all-remission/cues?lang=" + lang + "&source=" + source, t.get("cuesUrl").asText());
            assertFalse(t.get("warning").get("text").asText().isBlank());
            assertFalse(t.get("path").asText().contains("/"), t.get("path").asText());
        }
        JsonNode es = n.get("warnings").get("es");
        assertEquals("es", es.get("language").asText());
        assertFalse(es.get("fellBack").asBoolean());
        assertFalse(es.get("text").asText().equals(WARNING), "the Spanish track gets the Spanish warning");
        List<String> formats = new ArrayList<>();
        n.get("exports").forEach(e -> {
            formats.add(e.get("format").asText());
            assertTrue(e.get("url").asText().startsWith("/export/all-remission/"), e.toString());
        });
        for (String f : List.of("srt", "vtt", "txt", "html", "docx", "json")) {
            assertTrue(formats.contains(f), f + " in " + formats);
        }
        for (JsonNode in : n.get("inputs")) {
            assertFalse(in.get("path").asText().contains("/"), in.toString());
        }
    }

    @Test
    void unknownInterviewsAre404OnEveryRoute() throws Exception {
        for (String path : List.of("/api/interviews/nobody", "/api/interviews/nobody/cues?lang=en", "/interviews/nobody",
                "/captions/nobody/en.vtt", "/export/nobody/nobody.en.srt", "/video/nobody", "/thumbs/nobody.jpg")) {
            error(path, 404);
        }
        error("/api/interviews/all-remission/cues?lang=de", 404);
        error("/api/interviews/all-remission/cues", 400);
        error("/export/all-remission/all-remission.de.srt", 404);
        error("/no/such/route", 404);
    }

    @Test
    void cuesComeFromTheStoredTrack() throws Exception {
        JsonNode c = json("/api/interviews/all-remission/cues?lang=en&source=asr");
        assertEquals("en", c.get("lang").asText());
        assertEquals("asr", c.get("source").asText());
        assertTrue(c.get("ai").asBoolean());
        JsonNode cues = c.get("cues");
        assertTrue(cues.size() > 10);
        JsonNode first = cues.get(0);
        for (String f : List.of("startMs", "endMs", "text", "speaker")) {
            assertTrue(first.has(f), f);
        }
        for (JsonNode cue : cues) {
            assertFalse(cue.get("text").asText().contains(WARNING.substring(0, 20)), "no warning cue among the cues");
        }
        JsonNode preferred = json("/api/interviews/all-remission/cues?lang=en");
        assertEquals("aligned", preferred.get("source").asText(), "without a source: aligned, else edited, else AI");
        assertFalse(preferred.get("ai").asBoolean());
    }

    // ---- captions and exports

    @Test
    void captionsAreStampedWebVtt() throws Exception {
        HttpResponse<byte[]> r = get(server, "/captions/all-remission/en.vtt?source=asr");
        assertEquals(200, r.statusCode());
        assertEquals("text/vtt;charset=utf-8", r.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        String vtt = text(r);
        assertTrue(vtt.startsWith("WEBVTT"));
        assertTrue(vtt.contains("NOTE "), vtt);
        assertTrue(vtt.matches("(?s).*\\n00:00:00\\.000 --> \\S+ line:0\\n.*"), "a warning cue at 00:00 on top: " + vtt);
        assertTrue(new Verifier(WarningTexts.shipped()).verify(Path.of("all-remission.en.vtt"), r.body()).stamped());
        String defaultSource = text(get(server, "/captions/all-remission/en.vtt"));
        assertTrue(defaultSource.contains("<v Interviewer>"), "the aligned track (with speakers) by default");
        String spanish = text(get(server, "/captions/all-remission/es.vtt"));
        assertTrue(spanish.contains(WarningTexts.shipped().textFor("es").text().substring(0, 30)), spanish);
        error("/captions/all-remission/en.srt", 404);
    }

    @Test
    void exportsAreStampedAttachments() throws Exception {
        Verifier verifier = new Verifier(WarningTexts.shipped());
        for (ExportFormat f : InterviewApi.EXPORTS) {
            String name = io.capdex.export.SafeNames.exportName("all-remission", "en", io.capdex.caption.Source.ASR, f);
            HttpResponse<byte[]> r = get(server, "/export/all-remission/" + name);
            assertEquals(200, r.statusCode(), name + ": " + text(r));
            assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"" + name + "\""));
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(f.mediaType()));
            assertTrue(verifier.verify(Path.of(name), r.body()).stamped(), name);
        }
    }

    // ---- video

    @Test
    void videoHonoursRangesLikeABrowserNeeds() throws Exception {
        byte[] file = Files.readAllBytes(root.resolve("in/all-remission.mp4"));
        HttpResponse<byte[]> whole = get(server, "/video/all-remission");
        assertEquals(200, whole.statusCode());
        assertEquals("video/mp4", whole.headers().firstValue("Content-Type").orElse(""));
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
        assertArrayEquals(file, whole.body());

        HttpResponse<byte[]> head = get(server, "/video/all-remission", "Range", "bytes=0-99");
        assertEquals(206, head.statusCode());
        assertEquals("bytes 0-99/" + file.length, head.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(file, 0, 100), head.body());

        HttpResponse<byte[]> middle = get(server, "/video/all-remission", "Range", "bytes=300000-300999");
        assertEquals(206, middle.statusCode());
        assertEquals("1000", middle.headers().firstValue("Content-Length").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(file, 300_000, 301_000), middle.body());

        HttpResponse<byte[]> open = get(server, "/video/all-remission", "Range", "bytes=690000-");
        assertArrayEquals(Arrays.copyOfRange(file, 690_000, file.length), open.body());

        HttpResponse<byte[]> suffix = get(server, "/video/all-remission", "Range", "bytes=-500");
        assertEquals(206, suffix.statusCode());
        assertEquals("bytes " + (file.length - 500) + "-" + (file.length - 1) + "/" + file.length,
                suffix.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(file, file.length - 500, file.length), suffix.body());

        HttpResponse<byte[]> bad = get(server, "/video/all-remission", "Range", "bytes=" + file.length + "-");
        assertEquals(416, bad.statusCode());
        assertEquals("bytes */" + file.length, bad.headers().firstValue("Content-Range").orElse(""));

        String etag = whole.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get(server, "/video/all-remission", "If-None-Match", etag).statusCode());
        HttpResponse<byte[]> stale = get(server, "/video/all-remission", "Range", "bytes=0-9", "If-Range", "\"other\"");
        assertEquals(200, stale.statusCode(), "a stale If-Range gets the whole file");
        assertEquals(206, get(server, "/video/all-remission", "Range", "bytes=0-9", "If-Range", etag).statusCode());

        HttpResponse<byte[]> headOnly = SampleArchive.HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/video/all-remission"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, headOnly.statusCode());
        assertEquals(Integer.toString(file.length), headOnly.headers().firstValue("Content-Length").orElse(""));
        assertEquals(0, headOnly.body().length);
    }

    @Test
    void mkvVideoIsServedAsACachedPlayableMp4() throws Exception {
        HttpResponse<byte[]> r = get(server, "/video/stem-cell-donor");
        assertEquals(200, r.statusCode(), text(r));
        assertEquals("video/mp4", r.headers().firstValue("Content-Type").orElse(""));
        Path cached = data.resolve("cache/web/stem-cell-donor.mp4");
        assertTrue(Files.isRegularFile(cached));
        assertArrayEquals(Files.readAllBytes(cached), r.body());
        Path copy = root.resolve("downloaded.mp4");
        Files.write(copy, r.body());
        MediaInfo info = MediaProbe.probe(copy);
        assertTrue(BrowserVideo.playable(info), info.toString());
        assertEquals("h264", info.firstStream(StreamType.VIDEO).orElseThrow().codec());
        assertTrue(Math.abs(info.durationMs() - 73_920) < 150, info.durationMs().toString());
        HttpResponse<byte[]> range = get(server, "/video/stem-cell-donor", "Range", "bytes=1000-1999");
        assertEquals(206, range.statusCode());
        assertArrayEquals(Arrays.copyOfRange(r.body(), 1000, 2000), range.body());
        long made = Files.getLastModifiedTime(cached).toMillis();
        get(server, "/video/stem-cell-donor");
        assertEquals(made, Files.getLastModifiedTime(cached).toMillis(), "the remux is made once");
    }

    @Test
    void thumbnailsAreJpegsCachedUnderTheDataFolder() throws Exception {
        HttpResponse<byte[]> r = get(server, "/thumbs/all-remission.jpg?t=9000");
        assertEquals(200, r.statusCode(), text(r));
        assertEquals("image/jpeg", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals((byte) 0xFF, r.body()[0]);
        assertEquals((byte) 0xD8, r.body()[1]);
        try (var walk = Files.walk(data.resolve("cache/thumbs"))) {
            assertTrue(walk.anyMatch(p -> p.getFileName().toString().equals("9000.jpg")));
        }
        HttpResponse<byte[]> late = get(server, "/thumbs/all-remission.jpg?t=99999999");
        assertEquals(200, late.statusCode(), "a time past the end is clamped: " + text(late));
        error("/thumbs/all-remission.jpg?t=-1", 400);
        error("/thumbs/all-remission.png", 404);
    }

    // ---- pages

    @Test
    void pagesAndAssetsComeFromTheClasspathWithTypesAndCaching() throws Exception {
        HttpResponse<byte[]> page = get(server, "/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        assertTrue(text(page).contains("test search page"));
        assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElse(""));
        String etag = page.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get(server, "/", "If-None-Match", etag).statusCode());
        assertTrue(text(get(server, "/?q=leukaemia")).contains("test search page"), "the shareable search URL");
        HttpResponse<byte[]> interview = get(server, "/interviews/all-remission?t=83.5");
        assertEquals(200, interview.statusCode());
        assertTrue(text(interview).contains("test interview page"));
        Map<String, String> types = Map.of("test.css", "text/css", "test.js", "text/javascript", "test.woff2", "font/woff2");
        for (Map.Entry<String, String> e : types.entrySet()) {
            HttpResponse<byte[]> a = get(server, "/assets/" + e.getKey());
            assertEquals(200, a.statusCode(), e.getKey());
            assertTrue(a.headers().firstValue("Content-Type").orElse("").startsWith(e.getValue()), e.getKey());
            assertTrue(a.headers().firstValue("ETag").isPresent());
        }
        error("/assets/missing.js", 404);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/api/search?q=remission", "/api/interviews/all-remission", "/nope",
                "/video/all-remission", "/captions/all-remission/en.vtt", "/api/search?q=%22")) {
            HttpResponse<byte[]> r = get(server, path, "Range", "bytes=0-0");
            assertEquals(WebServer.CSP, r.headers().firstValue("Content-Security-Policy").orElse(null), path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertTrue(r.headers().firstValue("Referrer-Policy").isPresent(), path);
        }
        assertTrue(WebServer.CSP.contains("script-src 'self'") && WebServer.CSP.contains("frame-ancestors 'none'"));
    }

    // ---- security

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            HttpResponse<byte[]> r = SampleArchive.HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/search?q=a"))
                    .method(method, HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(405, r.statusCode(), method);
            assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElse(""), method);
            assertEquals(405, JSON.readTree(r.body()).get("status").asInt());
            assertEquals(WebServer.CSP, r.headers().firstValue("Content-Security-Policy").orElse(null));
        }
    }

    @Test
    void requestSizesAreBounded() throws Exception {
        String longUrl = raw("GET /api/search?q=" + "a".repeat(40_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(longUrl.startsWith("HTTP/1.1 414"), longUrl);
        assertTrue(longUrl.contains("\"status\":414"), longUrl);
        assertTrue(longUrl.contains("Content-Security-Policy: "), longUrl);
        String bigHeader = raw("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(40_000) + "\r\nConnection: close\r\n\r\n");
        assertTrue(bigHeader.startsWith("HTTP/1.1 431"), bigHeader);
        HttpResponse<byte[]> body = SampleArchive.HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/search?q=a"))
                .method("GET", HttpRequest.BodyPublishers.ofString("x".repeat(100_000))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(413, body.statusCode(), text(body));
    }

    @Test
    void pathTraversalIsRejected() throws Exception {
        for (String path : List.of("/video/../../etc/passwd", "/video/..%2f..%2fetc%2fpasswd",
                "/video/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/video/%252e%252e%252fetc%252fpasswd",
                "/video/..%5c..%5cetc%5cpasswd", "/video/..\\..\\etc\\passwd", "/assets/../../pom.xml",
                "/assets/%2e%2e/%2e%2e/pom.xml", "/assets/..%2f..%2fpom.xml", "/thumbs/..%2f..%2fetc%2fpasswd.jpg",
                "/export/all-remission/..%2f..%2f..%2fpom.xml", "/captions/..%2fall-remission/en.vtt",
                "/interviews/..", "/video/.", "/video/%2e%2e", "/api/interviews/%2e%2e%2ftracks")) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            int status = Integer.parseInt(response.substring(9, 12));
            assertTrue(status == 400 || status == 404, path + " -> " + response);
            assertFalse(response.contains("root:") || response.contains("<project"), path + " leaked a file");
        }
    }

    @Test
    void scriptsInCaptionsComeBackAsEscapedTextOnly() throws Exception {
        HttpResponse<byte[]> r = get(server, "/api/interviews/stem-cell-donor/cues?lang=en");
        String raw = text(r);
        assertFalse(raw.contains("<script>") || raw.contains("<img"), "no markup in the JSON body: " + raw);
        JsonNode cues = JSON.readTree(r.body()).get("cues");
        boolean found = false;
        for (JsonNode c : cues) {
            found |= c.get("text").asText().equals("<script>alert(1)</script>\n<img src=x onerror=alert(2)>");
        }
        assertTrue(found, "the cue text itself is kept, as text: " + cues);
        HttpResponse<byte[]> s = get(server, "/api/search?q=alert");
        assertFalse(text(s).contains("<script") || text(s).contains("<img"), text(s));
        JsonNode m = JSON.readTree(s.body()).get("results").get(0).get("moments").get(0);
        assertTrue(m.get("text").asText().contains("<script>"));
        assertTrue(m.get("snippet").asText().contains("&lt;script&gt;"), "snippets are HTML-escaped: " + m);
        assertFalse(text(get(server, "/captions/stem-cell-donor/en.vtt")).contains("<script>"));
        for (String page : List.of("/", "/interviews/stem-cell-donor", "/?q=%3Cscript%3Ealert(1)%3C/script%3E")) {
            assertFalse(text(get(server, page)).contains("alert("), page + " serves no caption text as markup");
        }
        String error = text(get(server, "/api/interviews/%3Cscript%3Ealert(1)%3C%2Fscript%3E"));
        assertFalse(error.contains("<script>"), "an echoed ID is escaped too: " + error);
    }

    @Test
    void nothingOutsideTheCacheIsWritten() throws Exception {
        for (String path : List.of("/api/search?q=remission", "/api/search?q=", "/api/interviews/cart-therapy",
                "/api/interviews/cart-therapy/cues?lang=es", "/captions/cart-therapy/es.vtt", "/video/cart-therapy",
                "/video/stem-cell-donor", "/thumbs/cart-therapy.jpg?t=5000", "/export/cart-therapy/cart-therapy.es.srt",
                "/export/cart-therapy/cart-therapy.es.transcript.docx", "/")) {
            get(server, path);
        }
        Map<String, String> after = SampleArchive.fingerprint(root);
        assertTrue(after.keySet().stream().anyMatch(k -> k.startsWith("data/tracks/")), after.keySet().toString());
        assertTrue(after.keySet().stream().anyMatch(k -> k.startsWith("data/index/")), after.keySet().toString());
        for (String k : before.keySet()) {
            assertEquals(before.get(k), after.get(k), k + " is unchanged");
        }
        assertEquals(before.keySet(), after.keySet(), "no file appeared or vanished outside data/cache");
        assertTrue(Files.isDirectory(data.resolve("cache")));
    }

    @Test
    void refusesAnotherAddressWithoutAToken() throws Exception {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> WebServer.start(ServeOptions.defaults(data).withPort(0).withBind("0.0.0.0")));
        assertTrue(e.getMessage().contains("--token"), e.getMessage());
        String[] cli = SampleArchive.cli("--data", data.toString(), "serve", "--port", "0", "--bind", "0.0.0.0");
        assertEquals("2", cli[0]);
        assertTrue(cli[2].contains("refusing to listen on 0.0.0.0 without a token"), cli[2]);
        assertTrue(WebServer.isLoopback("127.0.0.1") && WebServer.isLoopback("::1") && WebServer.isLoopback("localhost"));
        assertFalse(WebServer.isLoopback("0.0.0.0"));
    }

    @Test
    void saysWhyWhenThePortIsTaken() {
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> WebServer.start(ServeOptions.defaults(data).withPort(server.port())));
        assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + server.port()), e.getMessage());
        assertEquals(URI.create("http://127.0.0.1:" + server.port() + "/"), server.uri());
    }

    /** One request over a plain socket, for what HttpClient will not send (dot segments, huge lines). */
    private static String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = in.read(buf)) > 0) {
                    got.write(buf, 0, n);
                }
            } catch (java.net.SocketException e) {
                // the server may close after an error response; what arrived is the answer
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

}
