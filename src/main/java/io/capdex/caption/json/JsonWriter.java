package io.capdex.caption.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.capdex.caption.CaptionWriter;
import io.capdex.caption.Cue;
import io.capdex.caption.Line;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.Region;
import io.capdex.caption.Run;
import io.capdex.caption.Style;
import io.capdex.caption.Track;
import io.capdex.caption.Word;
import io.capdex.caption.WriteOptions;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes capdex's JSON view of a track ({@code convert --to json}, DESIGN.md §3):
 * {@code {"format","encoding","language","cues":[{"startMs","endMs","text","lines","speaker","words","settings"}],
 * "problems"}}, plus added fields ({@code source}, {@code bom}, {@code lineEndings}, a cue's {@code id} and, for
 * cues with styling, {@code styledLines}; {@code regions}, {@code styles}) so that {@link JsonReader} reads back
 * the same track. Streams through Jackson's generator. Stateless and thread-safe.
 */
public final class JsonWriter implements CaptionWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    @Override
    public void write(Track track, Appendable out, WriteOptions options) throws IOException {
        write(track, List.of(), out, options);
    }

    /** The view with the problems met while reading or checking the track. */
    public void write(Track track, List<ParseProblem> problems, Appendable out) throws IOException {
        write(track, problems, out, WriteOptions.defaults());
    }

    /** The view with problems, as a string with default options. */
    public String write(Track track, List<ParseProblem> problems) {
        StringBuilder sb = new StringBuilder(Math.max(256, track.cues().size() * 256));
        try {
            write(track, problems, sb, WriteOptions.defaults());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder never throws
        }
        return sb.toString();
    }

    /** The layout of capdex's JSON: two-space indents, {@code "key": value}, empty arrays as {@code []}. */
    public static DefaultPrettyPrinter prettyPrinter(String newline) {
        DefaultIndenter indenter = new DefaultIndenter("  ", newline);
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }

    public void write(Track track, List<ParseProblem> problems, Appendable out, WriteOptions options)
            throws IOException {
        Writer writer = out instanceof Writer w ? w : new AppendableWriter(out);
        DefaultPrettyPrinter pretty = prettyPrinter(options.newline());
        try (JsonGenerator g = FACTORY.createGenerator(writer)) {
            // the caller owns the Appendable: flush what was written, never close it
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeStringField("format", track.origin().format().id());
            g.writeStringField("encoding", track.origin().encoding());
            g.writeStringField("language", track.language());
            g.writeStringField("source", track.source().id());
            g.writeBooleanField("bom", track.origin().bom());
            g.writeStringField("lineEndings", track.origin().lineEndings());
            g.writeArrayFieldStart("cues");
            for (Cue cue : track.cues()) {
                writeCue(g, cue);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("regions");
            for (Region r : track.regions()) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                writeMap(g, "settings", r.settings());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("styles");
            for (String css : track.styles()) {
                g.writeString(css);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("problems");
            for (ParseProblem p : problems) {
                g.writeStartObject();
                g.writeNumberField("line", p.line());
                g.writeStringField("severity", p.severity().id());
                g.writeStringField("code", p.code());
                g.writeStringField("message", p.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw(options.newline());
        }
        writer.flush();
    }

    private static void writeCue(JsonGenerator g, Cue cue) throws IOException {
        g.writeStartObject();
        g.writeNumberField("startMs", cue.startMs());
        g.writeNumberField("endMs", cue.endMs());
        g.writeStringField("text", cue.text());
        g.writeArrayFieldStart("lines");
        for (Line line : cue.lines()) {
            g.writeString(line.text());
        }
        g.writeEndArray();
        g.writeStringField("speaker", cue.speaker());
        g.writeArrayFieldStart("words");
        for (Word w : cue.words()) {
            g.writeStartObject();
            g.writeNumberField("startMs", w.startMs());
            g.writeNumberField("endMs", w.endMs());
            g.writeStringField("text", w.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        writeMap(g, "settings", cue.settings());
        g.writeStringField("id", cue.id());
        if (cue.lines().stream().anyMatch(Line::isStyled)) {
            // parallel to "lines": one array of runs per line, written only when some line has styling
            g.writeArrayFieldStart("styledLines");
            for (Line line : cue.lines()) {
                g.writeStartArray();
                for (Run run : line.runs()) {
                    writeRun(g, run);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeRun(JsonGenerator g, Run run) throws IOException {
        Style s = run.style();
        g.writeStartObject();
        g.writeStringField("text", run.text());
        g.writeBooleanField("italic", s.italic());
        g.writeBooleanField("bold", s.bold());
        g.writeBooleanField("underline", s.underline());
        g.writeStringField("color", s.color());
        g.writeStringField("voice", s.voice());
        g.writeArrayFieldStart("classes");
        for (String c : s.classes()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeStringField("lang", s.lang());
        g.writeEndObject();
    }

    private static void writeMap(JsonGenerator g, String name, Map<String, String> map) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, String> e : map.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** Lets Jackson write into any Appendable (a StringBuilder, a PrintStream) without a copy. */
    private static final class AppendableWriter extends Writer {
        private final Appendable out;

        AppendableWriter(Appendable out) {
            this.out = out;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            if (out instanceof StringBuilder sb) {
                sb.append(cbuf, off, len);
            } else {
                out.append(java.nio.CharBuffer.wrap(cbuf, off, len));
            }
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            out.append(str, off, off + len);
        }

        @Override
        public void flush() throws IOException {
            if (out instanceof java.io.Flushable f) {
                f.flush();
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
