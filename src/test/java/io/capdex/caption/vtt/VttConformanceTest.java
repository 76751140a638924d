package io.capdex.caption.vtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capdex.caption.Cue;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import io.capdex.caption.Region;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The web-platform-tests WebVTT file-parsing cases (src/test/resources/conformance/webvtt-wpt), checked twice:
 * against {@link VttReader#parse} (what a browser sees) and against the model {@link VttReader#read} returns
 * (settings through {@link VttCueSettings}, regions through {@link VttRegionSettings}, cue text through
 * {@link VttWriter#cueText}). The model cannot hold a cue that ends before it starts: such cues (kept by browsers)
 * must be exactly the ones the reader skips with an {@code end-before-start} error, and model checks on them are
 * not run.
 *
 * <p>{@code document.styleSheets}: in the .test-format cases the harness exposes the VTT file's style sheets, so
 * they are the track's STYLE blocks; the one html-era case ({@code stylesheets}) asserts on the host page's
 * sheets, which VTT STYLE blocks never join, so there it is always empty.
 */
class VttConformanceTest {
    private static final String ROOT = "/conformance/webvtt-wpt/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CUE_PATH = Pattern.compile("cues\\[(\\d+)]\\.(\\w+)(?:\\.(\\w+))?");
    private static final VttReader READER = new VttReader();
    private static final VttWriter WRITER = new VttWriter();

    @TestFactory
    Stream<DynamicTest> everyOkAndInferredCasePasses() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : index().get("cases")) {
            String status = c.get("status").asText();
            if (status.equals("ok") || status.equals("inferred")) {
                tests.add(DynamicTest.dynamicTest(c.get("name").asText() + " (" + status + ")", () -> {
                    Score s = score(c, false);
                    assertTrue(s.failures.isEmpty(), String.join("\n", s.failures));
                    assertEquals(c.get("n_checks").asInt(), s.passed / 2, "checks scored on both views");
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void passesAll381ChecksOfThe35OkCases() throws IOException {
        int cases = 0;
        int passed = 0;
        int total = 0;
        List<String> failures = new ArrayList<>();
        for (JsonNode c : index().get("cases")) {
            if (!c.get("status").asText().equals("ok")) {
                continue;
            }
            cases++;
            total += c.get("n_checks").asInt();
            Score s = score(c, false);
            passed += s.passed / 2;
            failures.addAll(s.failures);
        }
        System.out.printf("WebVTT conformance (web-platform-tests): %d of %d checks passed in %d ok cases"
                + " (each on the browser view and the model view)%n", passed, total, cases);
        assertEquals(35, cases);
        assertEquals(381, total);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(total, passed);
    }

    @TestFactory
    Stream<DynamicTest> upstreamBugCasesPassTheirConsistentChecks() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : index().get("cases")) {
            if (c.get("status").asText().equals("upstream-bug")) {
                tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                    Score s = score(c, true);
                    assertTrue(s.failures.isEmpty(), String.join("\n", s.failures));
                    assertTrue(s.passed >= 2, "at least the cue count is scored");
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> unscoredInputsParse() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode u : index().get("unscored")) {
            String path = u.asText();
            tests.add(DynamicTest.dynamicTest(path, () -> {
                String text = resource(path);
                VttDocument doc = READER.parse(text);
                ParseResult result = READER.read(text);
                assertEquals(doc.cues().size(), result.track().cues().size());
                assertTrue(doc.cues().size() > 0, "both files hold cues");
            }));
        }
        return tests.stream();
    }

    @Test
    void unscoredCommentCaseKeepsNoteTextInCuesAndDropsRealComments() throws IOException {
        ParseResult r = READER.read(resource("unscored/comment-in-cue-text.vtt"));
        List<String> texts = r.track().cues().stream().map(Cue::text).toList();
        assertEquals(List.of("NOTE text", "NOTE text\nNOTE text2"), texts.subList(0, 2));
    }

    /** Scores one case on both views; each check counts twice when it passes on both. */
    private static Score score(JsonNode c, boolean upstreamBug) throws IOException {
        String name = c.get("name").asText();
        String text = resource(c.get("vtt").asText());
        JsonNode expected = JSON.readTree(resource(c.get("expected").asText()));
        boolean htmlHost = expected.path("expected_source").path("path").asText().endsWith(".html");
        VttDocument doc = READER.parse(text);
        ParseResult result = READER.read(text);
        View browser = View.of(doc, htmlHost);
        View model = View.of(doc, result, htmlHost);
        Map<String, Integer> seen = new HashMap<>();
        if (upstreamBug) {
            for (JsonNode check : expected.get("checks")) {
                seen.merge(check.get("path").asText(), 1, Integer::sum);
            }
        }
        Score s = new Score();
        for (JsonNode check : expected.get("checks")) {
            String path = check.get("path").asText();
            if (upstreamBug && !upstreamScored(path, seen)) {
                continue;
            }
            for (View view : List.of(browser, model)) {
                String failure = evaluate(view, check);
                if (failure == null) {
                    s.passed++;
                } else {
                    s.failures.add(name + " [" + view.name + "] " + failure);
                }
            }
        }
        return s;
    }

    /** In the contradictory upstream cases: the cue count, and checks on cues 0-4 asserted only once. */
    private static boolean upstreamScored(String path, Map<String, Integer> seen) {
        if (path.equals("cues.length")) {
            return true;
        }
        Matcher m = CUE_PATH.matcher(path);
        return m.matches() && Integer.parseInt(m.group(1)) <= 4 && seen.get(path) == 1;
    }

    private static String evaluate(View view, JsonNode check) {
        String path = check.get("path").asText();
        String op = check.get("op").asText();
        Object actual;
        try {
            actual = view.resolve(path);
        } catch (Skip skip) {
            return null; // a cue the model rightly does not hold; counted as checked through the problem list
        } catch (RuntimeException e) {
            return path + ": " + e;
        }
        switch (op) {
            case "equals" -> {
                JsonNode exp = check.get("expected");
                return matches(actual, exp) ? null : path + ": expected " + exp + " but was " + show(actual);
            }
            case "not_null" -> {
                return actual != null ? null : path + ": expected not null";
            }
            case "same", "not_same" -> {
                Object other;
                try {
                    other = view.resolve(check.get("other").asText());
                } catch (Skip skip) {
                    return null;
                }
                boolean same = actual == other;
                return same == op.equals("same") ? null : path + ": expected " + op + " as " + check.get("other");
            }
            default -> {
                return path + ": unknown op " + op;
            }
        }
    }

    private static boolean matches(Object actual, JsonNode exp) {
        if (exp.isNull()) {
            return actual == null;
        }
        if (exp.isNumber()) {
            return actual instanceof Number n && n.doubleValue() == exp.asDouble();
        }
        if (exp.isBoolean()) {
            return Objects.equals(actual, exp.asBoolean());
        }
        return Objects.equals(actual, exp.asText());
    }

    private static String show(Object o) {
        return o instanceof String s ? '"' + s.replace("\n", "\\n") + '"' : String.valueOf(o);
    }

    /** The browser attributes, read from one of the two results. */
    private static final class View {
        final String name;
        final List<String> ids = new ArrayList<>();
        final List<Double> starts = new ArrayList<>();
        final List<Double> ends = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        final List<Map<String, String>> settings = new ArrayList<>();
        final List<Boolean> present = new ArrayList<>();
        List<Region> regions = List.of();
        List<String> styles = List.of();
        int length;

        View(String name) {
            this.name = name;
        }

        static View of(VttDocument doc, boolean htmlHost) {
            View v = new View("browser");
            for (VttDocument.RawCue c : doc.cues()) {
                v.add(c.id(), c.startMs(), c.endMs(), c.text(), c.settings());
            }
            v.length = doc.cues().size();
            v.regions = doc.regions();
            v.styles = htmlHost ? List.of() : doc.styles();
            return v;
        }

        /** The model view, aligned with the document's cues (cues ending before they start are absent). */
        static View of(VttDocument doc, ParseResult result, boolean htmlHost) {
            View v = new View("model");
            List<Cue> cues = result.track().cues();
            int k = 0;
            int skipped = 0;
            for (VttDocument.RawCue raw : doc.cues()) {
                if (raw.endMs() < raw.startMs()) {
                    v.absent();
                    skipped++;
                    continue;
                }
                Cue c = cues.get(k++);
                v.add(c.id(), c.startMs(), c.endMs(), WRITER.cueText(c), c.settings());
            }
            assertEquals(k, cues.size(), "model holds every other cue");
            long reported = result.problems().stream().map(ParseProblem::code)
                    .filter("end-before-start"::equals).count();
            assertEquals(skipped, reported, "each skipped cue is reported");
            // the model's cue count plus the reported skips is what the browser counts
            v.length = cues.size() + (int) reported;
            v.regions = result.track().regions();
            v.styles = htmlHost ? List.of() : result.track().styles();
            return v;
        }

        private void add(String id, long startMs, long endMs, String text, Map<String, String> s) {
            ids.add(id == null ? "" : id);
            starts.add(startMs / 1000.0);
            ends.add(endMs / 1000.0);
            texts.add(text);
            settings.add(s);
            present.add(true);
        }

        private void absent() {
            ids.add(null);
            starts.add(null);
            ends.add(null);
            texts.add(null);
            settings.add(null);
            present.add(false);
        }

        Object resolve(String path) {
            if (path.equals("cues.length")) {
                return length;
            }
            if (path.startsWith("document.styleSheets")) {
                return styleSheets(path);
            }
            Matcher m = CUE_PATH.matcher(path);
            if (!m.matches()) {
                throw new IllegalArgumentException("unknown path " + path);
            }
            int i = Integer.parseInt(m.group(1));
            if (i >= present.size()) {
                throw new IndexOutOfBoundsException("no cue " + i + " (" + present.size() + " cues)");
            }
            if (!present.get(i)) {
                throw new Skip();
            }
            VttCueSettings cs = VttCueSettings.of(settings.get(i));
            String attr = m.group(2);
            if (m.group(3) != null) {
                Region region = region(cs);
                assertNotNull(region, path + ": cue has no region");
                VttRegionSettings rs = VttRegionSettings.of(region.settings());
                return switch (m.group(3)) {
                    case "id" -> region.id();
                    case "width" -> rs.width();
                    case "lines" -> rs.lines();
                    case "regionAnchorX" -> rs.regionAnchorX();
                    case "regionAnchorY" -> rs.regionAnchorY();
                    case "viewportAnchorX" -> rs.viewportAnchorX();
                    case "viewportAnchorY" -> rs.viewportAnchorY();
                    case "scroll" -> rs.scroll();
                    default -> throw new IllegalArgumentException("unknown region attribute " + path);
                };
            }
            return switch (attr) {
                case "id" -> ids.get(i);
                case "startTime" -> starts.get(i);
                case "endTime" -> ends.get(i);
                case "text" -> texts.get(i);
                case "vertical" -> cs.vertical();
                case "snapToLines" -> cs.snapToLines();
                case "line" -> cs.line() == null ? "auto" : cs.line();
                case "lineAlign" -> cs.lineAlign();
                case "position" -> cs.position() == null ? "auto" : cs.position();
                case "positionAlign" -> cs.positionAlign();
                case "size" -> cs.size();
                case "align" -> cs.align();
                case "region" -> region(cs);
                default -> throw new IllegalArgumentException("unknown cue attribute " + path);
            };
        }

        /** The last region with the cue's region id: the same object for the same id, as in a browser. */
        private Region region(VttCueSettings cs) {
            Region found = null;
            for (Region r : regions) {
                if (r.id().equals(cs.region())) {
                    found = r;
                }
            }
            return found;
        }

        private Object styleSheets(String path) {
            if (path.equals("document.styleSheets.length")) {
                return styles.size();
            }
            Matcher m = Pattern.compile("document\\.styleSheets\\[(\\d+)]\\.cssRules(?:\\.length|\\[(\\d+)]\\.(\\w+))")
                    .matcher(path);
            if (!m.matches()) {
                throw new IllegalArgumentException("unknown path " + path);
            }
            List<String> selectors = selectors(styles.get(Integer.parseInt(m.group(1))));
            if (m.group(2) == null) {
                return selectors.size();
            }
            String selector = selectors.get(Integer.parseInt(m.group(2)));
            return m.group(3).equals("type") ? "CSSRule.STYLE_RULE" : selector;
        }
    }

    /** The selectors of a style sheet's top-level rules: comments removed, one per {@code {…}} block. */
    static List<String> selectors(String css) {
        String s = css.replaceAll("(?s)/\\*.*?\\*/", " ");
        List<String> out = new ArrayList<>();
        int i = 0;
        while (true) {
            int open = s.indexOf('{', i);
            if (open < 0) {
                return out;
            }
            out.add(s.substring(i, open).strip().replaceAll("\\s+", " "));
            int depth = 0;
            int j = open;
            for (; j < s.length(); j++) {
                if (s.charAt(j) == '{') {
                    depth++;
                } else if (s.charAt(j) == '}' && --depth == 0) {
                    break;
                }
            }
            i = j + 1;
        }
    }

    private static final class Score {
        int passed;
        final List<String> failures = new ArrayList<>();
    }

    /** Thrown for a cue the model view does not hold. */
    private static final class Skip extends RuntimeException {
        Skip() {
            super(null, null, false, false);
        }
    }

    private static JsonNode index() throws IOException {
        return JSON.readTree(resource("INDEX.json"));
    }

    static String resource(String path) throws IOException {
        try (InputStream in = VttConformanceTest.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                fail("missing test resource " + ROOT + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
