package io.capdex.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The result of verifying several files: DESIGN.md §3's {@code verify} JSON,
 * {@code {"files":[{"path","kind","stamped","where"}],"missing"}} ({@code detail} added per file).
 *
 * @param missing how many files lack the warning; {@code verify} exits 3 when it is above 0
 */
public record VerifyReport(List<VerifyResult> files, int missing) {
    public VerifyReport {
        files = List.copyOf(files);
    }

    public static VerifyReport of(List<VerifyResult> files) {
        return new VerifyReport(files, (int) files.stream().filter(f -> !f.stamped()).count());
    }

    public boolean allStamped() {
        return missing == 0;
    }

    /** The report as one JSON document (pretty-printed, LF, ending in a newline). */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("files");
            for (VerifyResult f : files) {
                g.writeStartObject();
                g.writeStringField("path", f.path().toString());
                g.writeStringField("kind", f.kind());
                g.writeBooleanField("stamped", f.stamped());
                g.writeArrayFieldStart("where");
                for (String w : f.where()) {
                    g.writeString(w);
                }
                g.writeEndArray();
                g.writeStringField("detail", f.detail());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("missing", missing);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString().replace("\r\n", "\n") + "\n";
    }
}
