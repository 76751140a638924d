package io.capdex.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes an {@link IngestReport} in the {@code ingest} JSON shape of DESIGN.md §3:
 * {@code {"interviews":[{"id","status","video","tracks":[{"lang","source","path","cues","problems","sync","wer"}],
 * "messages"}],"totals"}}, plus added fields (an interview's {@code collection} and {@code title}; top-level
 * {@code unpaired}, {@code conflicts}, {@code problems}, {@code startedAt}, {@code finishedAt}). Stateless and
 * thread-safe.
 */
public final class ReportJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private ReportJson() {
    }

    /** The report as one pretty-printed JSON document ending in a newline. */
    public static String write(IngestReport report) {
        StringWriter out = new StringWriter();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter never throws
        }
        return out.toString();
    }

    /** Writes the report to {@code out}, which stays open. */
    public static void write(IngestReport report, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("interviews");
            for (ReportInterview i : report.interviews()) {
                interview(g, i);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("totals");
            for (Map.Entry<String, Integer> e : report.totals().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("unpaired");
            for (IgnoredFile f : report.unpaired()) {
                g.writeStartObject();
                g.writeStringField("path", f.path().toString());
                g.writeStringField("reason", f.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("conflicts");
            for (Conflict c : report.conflicts()) {
                g.writeStartObject();
                g.writeStringField("id", c.id());
                paths(g, "folders", c.folders());
                paths(g, "paths", c.paths());
                g.writeStringField("message", c.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("problems");
            for (Diagnostic d : report.problems()) {
                g.writeString(d.toString());
            }
            g.writeEndArray();
            g.writeStringField("startedAt", report.startedAt().toString());
            g.writeStringField("finishedAt", report.finishedAt().toString());
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void interview(JsonGenerator g, ReportInterview i) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", i.id());
        g.writeStringField("status", i.status().id());
        g.writeStringField("video", i.video());
        g.writeArrayFieldStart("tracks");
        for (ReportTrack t : i.tracks()) {
            track(g, t);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("messages");
        for (String m : i.messages()) {
            g.writeString(m);
        }
        g.writeEndArray();
        g.writeStringField("collection", i.collection());
        g.writeStringField("title", i.title());
        g.writeEndObject();
    }

    private static void track(JsonGenerator g, ReportTrack t) throws IOException {
        g.writeStartObject();
        g.writeStringField("lang", t.lang());
        g.writeStringField("source", t.source());
        g.writeStringField("path", t.path());
        g.writeNumberField("cues", t.cues());
        g.writeObjectFieldStart("problems");
        g.writeNumberField("errors", t.errors());
        g.writeNumberField("warnings", t.warnings());
        g.writeObjectFieldStart("codes");
        for (Map.Entry<String, Integer> e : t.problemCodes().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
        SyncFacts sync = t.sync();
        if (sync == null) {
            g.writeNullField("sync");
        } else {
            g.writeObjectFieldStart("sync");
            g.writeBooleanField("applied", sync.applied());
            g.writeNumberField("confidence", sync.confidence());
            g.writeNumberField("scale", sync.scale());
            g.writeArrayFieldStart("segments");
            for (SyncFacts.Segment s : sync.segments()) {
                g.writeStartObject();
                g.writeNumberField("fromMs", s.fromMs());
                g.writeNumberField("offsetMs", s.offsetMs());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("dropped", sync.dropped());
            g.writeStringField("reason", sync.reason());
            g.writeStringField("summary", sync.summary());
            g.writeEndObject();
        }
        if (t.wer() == null) {
            g.writeNullField("wer");
        } else {
            g.writeNumberField("wer", t.wer());
        }
        g.writeEndObject();
    }

    private static void paths(JsonGenerator g, String name, java.util.List<Path> paths) throws IOException {
        g.writeArrayFieldStart(name);
        for (Path p : paths) {
            g.writeString(p.toString());
        }
        g.writeEndArray();
    }
}
