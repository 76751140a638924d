package io.capdex.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capdex.caption.Track;
import io.capdex.caption.json.JsonWriter;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON export: capdex's JSON view of the track (the {@code convert --to json} shape, so
 * {@link io.capdex.caption.json.JsonReader} reads it back) with header fields first: {@code warning},
 * {@code warningLanguage}, {@code warningFellBack}, {@code label}, {@code organisation} and {@code title}.
 */
final class JsonExport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonExport() {
    }

    static String write(Track track, WarningText warning, WarningText label, String organisation,
                        @Nullable String title, String nl) {
        String view = new JsonWriter().write(track, java.util.List.of());
        try {
            JsonNode body = MAPPER.readTree(view);
            ObjectNode out = MAPPER.createObjectNode();
            out.put("warning", warning.text());
            out.put("warningLanguage", warning.language());
            out.put("warningFellBack", warning.fellBack());
            out.put("label", label.text());
            out.put("organisation", organisation);
            if (title != null && !title.isBlank()) {
                out.put("title", title.strip());
            }
            for (Map.Entry<String, JsonNode> e : body.properties()) {
                if (!out.has(e.getKey())) {
                    out.set(e.getKey(), e.getValue());
                }
            }
            // laid out as JsonWriter lays out the view, so both exports read alike
            return MAPPER.writer(JsonWriter.prettyPrinter(nl)).writeValueAsString(out) + nl;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("capdex's own JSON view did not parse", e);
        }
    }
}
