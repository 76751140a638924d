package io.capdex.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capdex.batch.InterviewRecord;
import io.capdex.export.Exporter;
import io.capdex.search.QueryException;
import io.capdex.search.SearchRequest;
import io.capdex.search.SearchResult;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/search}: the {@code search --json} shape (DESIGN.md §3) plus what the search page shows per
 * interview (speaker, collection, year, duration, thumbnail, the timeline of all its matching moments, links).
 * An empty query answers {@code total 0} with the most recently ingested interviews in {@code recent}.
 */
final class SearchApi {
    /** Moments per interview in the timeline strip (all of them up to this many). */
    static final int TIMELINE_MAX = 1000;
    static final int MAX_LIMIT = 100;
    static final int MAX_OFFSET = 10_000;
    static final int MAX_QUERY_CHARS = 500;
    static final int DEFAULT_MOMENTS = 5;

    private final Archive archive;
    private final Exporter exporter;

    SearchApi(Archive archive, Exporter exporter) {
        this.archive = archive;
        this.exporter = exporter;
    }

    void handle(Context ctx) throws IOException {
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        int limit = intParam(ctx, "limit", 10, 1, MAX_LIMIT);
        int offset = intParam(ctx, "offset", 0, 0, MAX_OFFSET);
        int shown = intParam(ctx, "moments", DEFAULT_MOMENTS, 0, TIMELINE_MAX);
        if (q.length() > MAX_QUERY_CHARS) {
            throw WebError.badRequest("the query is longer than " + MAX_QUERY_CHARS + " characters");
        }
        SearchRequest.Filters filters = SearchRequest.Filters.NONE
                .withLang(text(ctx, "lang"))
                .withSource(source(ctx))
                .withSpeaker(text(ctx, "speaker"))
                .withInterview(text(ctx, "interview"))
                .withCollection(text(ctx, "collection"))
                .withYear(year(ctx));
        boolean soundsLike = bool(ctx, "soundsLike");
        ObjectNode body;
        if (q.isEmpty()) {
            body = empty(q, offset, limit);
        } else {
            SearchRequest request = SearchRequest.of(q).withFilters(filters).withSoundsLike(soundsLike)
                    .withLimit(limit).withOffset(offset).withMaxMoments(shown);
            SearchResult result;
            Map<String, long[]> timelines;
            try {
                result = archive.search(request);
                // a second, snippet-free pass over just this page's interviews: moments for a whole strip cost
                // highlighting every matching cue otherwise
                timelines = archive.timelines(request, result.soundsLike(),
                        result.results().stream().map(SearchResult.Hit::interview).toList(), TIMELINE_MAX);
            } catch (QueryException e) {
                throw WebError.badRequest(e.getMessage());
            }
            body = render(result, timelines);
        }
        body.put("warning", exporter.texts().textFor("en").text());
        body.put("warningLabel", exporter.texts().labelFor("en").text());
        WebServer.json(ctx, 200, Json.bytes(body));
    }

    private ObjectNode render(SearchResult result, Map<String, long[]> timelines) {
        ObjectNode body = Json.MAPPER.valueToTree(result);
        ArrayNode results = (ArrayNode) body.get("results");
        for (int i = 0; i < results.size(); i++) {
            ObjectNode r = (ObjectNode) results.get(i);
            SearchResult.Hit hit = result.results().get(i);
            decorate(r, hit.interview(), hit.moments(), timelines.getOrDefault(hit.interview(), new long[0]));
            ArrayNode moments = (ArrayNode) r.get("moments");
            for (int m = 0; m < moments.size(); m++) {
                SearchResult.Moment mo = hit.moments().get(m);
                ((ObjectNode) moments.get(m)).put("url", Links.moment(hit.interview(), mo.startMs(), mo.lang(),
                        mo.source()));
            }
        }
        return body;
    }

    /**
     * Adds the interview's facts, thumbnail and timeline to one result; the thumbnail shows the first moment on
     * the timeline (else the first shown).
     */
    private void decorate(ObjectNode r, String id, List<SearchResult.Moment> shown, long[] timeline) {
        Optional<InterviewRecord> record = archive.record(id);
        r.put("url", Links.interview(id));
        r.put("speaker", record.map(x -> x.page().speaker()).filter(s -> !s.isEmpty()).orElse(null));
        r.put("collection", record.map(InterviewRecord::collection).orElse(null));
        if (record.isPresent() && record.get().year() != null) {
            r.put("year", record.get().year());
        } else {
            r.putNull("year");
        }
        Long duration = record.map(archive::durationMs).orElse(null);
        if (duration != null) {
            r.put("durationMs", duration);
        } else {
            r.putNull("durationMs");
        }
        boolean video = record.isPresent() && record.get().video() != null;
        r.put("video", video);
        long first = timeline.length > 0 ? timeline[0]
                : shown.stream().mapToLong(SearchResult.Moment::startMs).min().orElse(0);
        r.put("thumbnail", video ? Links.thumbnail(id, first) : null);
        ArrayNode strip = r.putArray("timeline");
        for (long t : timeline) {
            strip.add(t);
        }
        // the places it is said (distinct cue starts, capped like the strip); the moments shown may repeat a
        // place in another track (the aligned and the AI text of the same cue)
        r.put("momentCount", timeline.length > 0 ? timeline.length : shown.size());
    }

    /** No query: nothing matches; the page shows the newest interviews instead. */
    private ObjectNode empty(String q, int offset, int limit) {
        ObjectNode body = Json.object();
        body.put("query", q);
        body.put("total", 0);
        body.put("offset", offset);
        body.putArray("results");
        ObjectNode facets = body.putObject("facets");
        for (String f : List.of("lang", "source", "speaker", "collection", "year")) {
            facets.putObject(f);
        }
        body.put("soundsLike", false);
        List<InterviewRecord> records = new ArrayList<>();
        for (String id : archive.ids()) {
            archive.record(id).ifPresent(records::add);
        }
        records.sort(Comparator.comparing(InterviewRecord::ingestedAt).reversed().thenComparing(InterviewRecord::id));
        ArrayNode recent = body.putArray("recent");
        for (InterviewRecord rec : records.subList(0, Math.min(limit, records.size()))) {
            ObjectNode r = recent.addObject();
            r.put("interview", rec.id());
            r.put("title", rec.title());
            r.put("ingestedAt", rec.ingestedAt());
            decorate(r, rec.id(), List.of(), new long[0]);
        }
        return body;
    }

    static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw WebError.badRequest(name + " must be between " + min + " and " + max + " (got " + n + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw WebError.badRequest(name + " must be a whole number (got '" + v + "')");
        }
    }

    private static @Nullable String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static @Nullable String source(Context ctx) {
        String v = text(ctx, "source");
        if (v != null && !List.of("asr", "mt", "edited", "aligned").contains(v)) {
            throw WebError.badRequest("source must be asr, mt, edited or aligned (got '" + v + "')");
        }
        return v;
    }

    private static @Nullable Integer year(Context ctx) {
        String v = text(ctx, "year");
        if (v == null) {
            return null;
        }
        if (!v.matches("\\d{1,4}")) {
            throw WebError.badRequest("year must be a year such as 2024 (got '" + v + "')");
        }
        return Integer.parseInt(v);
    }

    static boolean bool(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return false;
        }
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "on", "yes" -> true;
            case "false", "0", "off", "no" -> false;
            default -> throw WebError.badRequest(name + " must be true or false (got '" + v + "')");
        };
    }
}
