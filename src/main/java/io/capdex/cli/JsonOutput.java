package io.capdex.cli;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.Severity;
import java.io.IOException;
import java.io.PrintWriter;

/** Prints one JSON document on stdout for {@code --json}: records serialise by their component names. */
final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .addMixIn(ParseProblem.class, ProblemMixIn.class)
            .registerModule(new SimpleModule("capdex")
                    .addSerializer(Severity.class, new SeveritySerializer())
                    // paths as the user wrote them, not as file:// URIs
                    .addSerializer(java.nio.file.Path.class, new com.fasterxml.jackson.databind.ser.std.ToStringSerializer()));

    /** The model stays free of Jackson: what JSON leaves out of a problem is said here. */
    private abstract static class ProblemMixIn {
        @JsonIgnore
        abstract boolean isError();
    }

    /** Severities are lower-case in JSON ({@code "warning"}), as in the human output. */
    private static final class SeveritySerializer extends StdSerializer<Severity> {
        SeveritySerializer() {
            super(Severity.class);
        }

        @Override
        public void serialize(Severity value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.id());
        }
    }

    private JsonOutput() {}

    static void print(PrintWriter out, Object document) {
        try {
            out.println(MAPPER.writeValueAsString(document));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + document.getClass().getSimpleName(), e);
        }
    }
}
