package io.capdex.caption.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capdex.caption.CaptionReader;
import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Line;
import io.capdex.caption.Origin;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import io.capdex.caption.ProblemCode;
import io.capdex.caption.Problems;
import io.capdex.caption.Region;
import io.capdex.caption.Run;
import io.capdex.caption.Severity;
import io.capdex.caption.Source;
import io.capdex.caption.Style;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Track;
import io.capdex.caption.Word;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads capdex's JSON view ({@link JsonWriter}'s shape) back into a track, so the view can serve as an
 * interchange format. Unknown fields are ignored (the shape only grows); a cue that cannot be read is skipped
 * with an error at its line. Stateless and thread-safe.
 */
public final class JsonReader implements CaptionReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public ParseResult read(CharSequence text) {
        return readView(text).result();
    }

    /** The track and, separately, the problems the view recorded about the file it was made from. */
    public JsonView readView(CharSequence input) {
        Problems problems = new Problems();
        boolean bom = input.length() > 0 && input.charAt(0) == '\uFEFF';
        String text = input.toString();
        if (bom) {
            problems.add(1, ProblemCode.BOM, "byte order mark at the start of the file; skipped");
            text = text.substring(1);
        }
        int lineCount = lineCount(text);
        String lineEndings = Origin.lineEndingsOf(input);
        Reading r = new Reading(problems, lineCount);
        if (text.isBlank()) {
            problems.add(1, ProblemCode.EMPTY_FILE, "the file holds no text; no cues");
        } else {
            try (JsonParser p = MAPPER.createParser(new StringReader(text))) {
                r.readDocument(p);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                problems.add(r.clamp(at == null ? 1 : at.getLineNr()), ProblemCode.BAD_JSON, "malformed JSON: "
                        + e.getOriginalMessage() + "; " + (r.cues.isEmpty() ? "nothing read"
                        : "the cues before it were kept"));
            } catch (IOException e) {
                // a StringReader does not fail; anything else here is a bug worth seeing
                throw new java.io.UncheckedIOException(e);
            }
        }
        // the view's own BOM and line endings count only when it does not record the original file's
        Origin origin = new Origin(r.format, r.encoding != null ? r.encoding : "UTF-8", r.bom != null ? r.bom : bom,
                r.lineEndings != null ? r.lineEndings : lineEndings);
        Track track = new Track(r.language, r.source, r.cues, r.regions, r.styles, origin);
        return new JsonView(new ParseResult(track, problems.toList()), r.recorded);
    }

    /**
     * The file's lines, as every reader numbers them: a line end closes a line, and the end of the file after one
     * starts none (a parser at the end of {@code "{\n"} says line 2, which the file does not have).
     */
    private static int lineCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        boolean open = !s.isEmpty() && s.charAt(s.length() - 1) != '\n' && s.charAt(s.length() - 1) != '\r';
        return Math.max(1, open ? n + 1 : n);
    }

    /** One read in progress: what has been found so far. */
    private static final class Reading {
        private final Problems problems;
        private final int lineCount;
        Format format = Format.JSON;
        @Nullable String encoding;
        String language = Track.UNDETERMINED;
        Source source = Source.ASR;
        @Nullable Boolean bom;
        @Nullable String lineEndings;
        final List<Cue> cues = new ArrayList<>();
        final List<Region> regions = new ArrayList<>();
        final List<String> styles = new ArrayList<>();
        final List<ParseProblem> recorded = new ArrayList<>();

        Reading(Problems problems, int lineCount) {
            this.problems = problems;
            this.lineCount = lineCount;
        }

        int clamp(int line) {
            return Math.max(1, Math.min(line, lineCount));
        }

        private int line(JsonParser p) {
            return clamp(p.currentTokenLocation().getLineNr());
        }

        void readDocument(JsonParser p) throws IOException {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                problems.add(line(p), ProblemCode.BAD_JSON, "the document is not a JSON object with \"cues\"; "
                        + "nothing read");
                return;
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                int at = line(p);
                switch (name) {
                    case "format" -> {
                        String id = string(p);
                        if (id != null) {
                            format = Format.fromId(id).orElse(Format.JSON);
                        }
                    }
                    case "encoding" -> encoding = string(p);
                    case "language" -> {
                        String l = string(p);
                        language = l == null || l.isBlank() ? Track.UNDETERMINED : l;
                    }
                    case "source" -> {
                        String s = string(p);
                        source = s == null ? Source.ASR : Source.fromId(s).orElse(Source.ASR);
                    }
                    case "bom" -> bom = t.isBoolean() ? t == JsonToken.VALUE_TRUE : null;
                    case "lineEndings" -> lineEndings = string(p);
                    case "cues" -> readArray(p, at, "cues", this::readCue);
                    case "regions" -> readArray(p, at, "regions", this::readRegion);
                    case "styles" -> readArray(p, at, "styles", this::readStyle);
                    case "problems" -> readArray(p, at, "problems", this::readProblem);
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                problems.add(line(p), ProblemCode.BAD_JSON, "unexpected " + t + "; the rest was ignored");
            }
        }

        private @Nullable String string(JsonParser p) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            if (t.isScalarValue()) {
                return p.getText();
            }
            p.skipChildren();
            return null;
        }

        private interface ItemReader {
            void read(JsonNode node, int line);
        }

        private void readArray(JsonParser p, int at, String name, ItemReader items) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                problems.add(at, ProblemCode.BAD_JSON, "\"" + name + "\" is not an array; ignored");
                p.skipChildren();
                return;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                int line = line(p);
                JsonNode node = MAPPER.readTree(p);
                items.read(node, line);
            }
        }

        private void readCue(JsonNode n, int line) {
            if (!n.isObject()) {
                problems.add(line, ProblemCode.BAD_JSON, "a cue is not an object; skipped");
                return;
            }
            long start = millis(n.get("startMs"));
            long end = millis(n.get("endMs"));
            if (start < 0 || end < 0) {
                problems.add(line, ProblemCode.BAD_TIMING, "cue without a whole, non-negative \"startMs\" and "
                        + "\"endMs\" (" + n.get("startMs") + ", " + n.get("endMs") + "); cue skipped");
                return;
            }
            if (end < start) {
                problems.add(line, ProblemCode.END_BEFORE_START, "end before start (" + start + " ms to " + end
                        + " ms); cue skipped");
                return;
            }
            List<Line> lines = styledLines(n.get("styledLines"), line);
            if (lines == null) {
                lines = plainLines(n, line);
            }
            List<Word> words = new ArrayList<>();
            JsonNode ws = n.get("words");
            if (ws != null && ws.isArray()) {
                for (JsonNode w : ws) {
                    long ws0 = millis(w.get("startMs"));
                    long we = millis(w.get("endMs"));
                    JsonNode wt = w.get("text");
                    if (ws0 < 0 || we < ws0 || wt == null || !wt.isTextual()) {
                        problems.add(line, ProblemCode.BAD_TIMING, "bad word " + w + "; word skipped");
                        continue;
                    }
                    words.add(new Word(ws0, we, wt.asText()));
                }
            }
            String speaker = text(n.get("speaker"));
            String id = text(n.get("id"));
            cues.add(new Cue(new TimeSpan(start, end), id, lines, speaker, words, stringMap(n.get("settings"))));
        }

        private List<Line> plainLines(JsonNode n, int line) {
            JsonNode ls = n.get("lines");
            if (ls != null && ls.isArray()) {
                List<Line> out = new ArrayList<>(ls.size());
                for (JsonNode l : ls) {
                    // a line break inside one line is two lines, whatever the writer meant
                    String t = l.isTextual() ? l.asText().replace("\r\n", "\n").replace('\r', '\n') : l.toString();
                    out.addAll(t.isEmpty() ? List.of(Line.plain("")) : Cue.linesOf(t));
                }
                return out;
            }
            String t = text(n.get("text"));
            if (t == null) {
                problems.add(line, ProblemCode.EMPTY_CUE, "cue with neither \"lines\" nor \"text\"; kept empty");
                return List.of();
            }
            return Cue.linesOf(t.replace("\r\n", "\n").replace('\r', '\n'));
        }

        /** The styled lines, or null when absent or unreadable (then the plain lines are used). */
        private @Nullable List<Line> styledLines(@Nullable JsonNode sl, int line) {
            if (sl == null || sl.isNull()) {
                return null;
            }
            if (!sl.isArray()) {
                problems.add(line, ProblemCode.BAD_JSON, "\"styledLines\" is not an array; plain lines used");
                return null;
            }
            List<Line> out = new ArrayList<>(sl.size());
            for (JsonNode l : sl) {
                if (!l.isArray()) {
                    problems.add(line, ProblemCode.BAD_JSON, "a styled line is not an array of runs; plain lines used");
                    return null;
                }
                List<Run> runs = new ArrayList<>(l.size());
                for (JsonNode r : l) {
                    String t = r.isObject() ? text(r.get("text")) : null;
                    if (t == null || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
                        problems.add(line, ProblemCode.BAD_JSON,
                                "a run without one line of \"text\"; plain lines used");
                        return null;
                    }
                    List<String> classes = new ArrayList<>();
                    JsonNode cs = r.get("classes");
                    if (cs != null && cs.isArray()) {
                        for (JsonNode c : cs) {
                            classes.add(c.asText());
                        }
                    }
                    Style s = new Style(r.path("italic").asBoolean(false), r.path("bold").asBoolean(false),
                            r.path("underline").asBoolean(false), text(r.get("color")), text(r.get("voice")), classes,
                            text(r.get("lang")));
                    runs.add(new Run(t, s));
                }
                out.add(new Line(runs));
            }
            return out;
        }

        private void readRegion(JsonNode n, int line) {
            String id = n.isObject() ? text(n.get("id")) : null;
            if (id == null) {
                problems.add(line, ProblemCode.BAD_REGION, "region without an \"id\"; ignored");
                return;
            }
            regions.add(new Region(id, stringMap(n.get("settings"))));
        }

        private void readStyle(JsonNode n, int line) {
            if (n.isTextual()) {
                styles.add(n.asText());
            } else {
                problems.add(line, ProblemCode.BAD_STYLE, "a style is not a string of CSS; ignored");
            }
        }

        private void readProblem(JsonNode n, int line) {
            String code = n.isObject() ? text(n.get("code")) : null;
            String message = n.isObject() ? text(n.get("message")) : null;
            if (code == null || message == null) {
                problems.add(line, ProblemCode.BAD_JSON,
                        "a recorded problem without \"code\" and \"message\"; ignored");
                return;
            }
            long l = millis(n.get("line"));
            Severity severity = "error".equals(text(n.get("severity"))) ? Severity.ERROR : Severity.WARNING;
            recorded.add(new ParseProblem((int) Math.max(0, Math.min(l, Integer.MAX_VALUE)), severity, code, message));
        }

        private static @Nullable String text(@Nullable JsonNode n) {
            return n == null || n.isNull() ? null : n.isValueNode() ? n.asText() : n.toString();
        }

        /** A whole non-negative number of ms, or -1. */
        private static long millis(@Nullable JsonNode n) {
            if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
                return -1;
            }
            long v = n.asLong();
            return v < 0 ? -1 : v;
        }

        private static Map<String, String> stringMap(@Nullable JsonNode n) {
            if (n == null || !n.isObject()) {
                return Map.of();
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                String v = text(e.getValue());
                if (v != null) {
                    out.put(e.getKey(), v);
                }
            }
            return out;
        }
    }
}
