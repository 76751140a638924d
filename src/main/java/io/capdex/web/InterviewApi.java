package io.capdex.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capdex.batch.InputHash;
import io.capdex.batch.InterviewRecord;
import io.capdex.batch.StoredInterview;
import io.capdex.batch.StoredTrack;
import io.capdex.batch.TrackFacts;
import io.capdex.caption.Cue;
import io.capdex.caption.Source;
import io.capdex.caption.Track;
import io.capdex.export.ExportFormat;
import io.capdex.export.Exported;
import io.capdex.export.Exporter;
import io.capdex.export.SafeNames;
import io.capdex.export.WarningText;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One interview: its facts ({@code /api/interviews/ID}), a track's cues ({@code …/cues}), the stamped WebVTT the
 * player loads ({@code /captions/ID/LANG.vtt}) and stamped exports made on demand ({@code /export/ID/FILE}).
 * Local paths never leave the server: only file names do.
 */
final class InterviewApi {
    /** The exports the interview page links to, per track. */
    static final List<ExportFormat> EXPORTS = List.of(ExportFormat.SRT, ExportFormat.VTT, ExportFormat.TXT,
            ExportFormat.HTML, ExportFormat.DOCX, ExportFormat.JSON);

    private final Archive archive;
    private final Exporter exporter;

    InterviewApi(Archive archive, Exporter exporter) {
        this.archive = archive;
        this.exporter = exporter;
    }

    void interview(Context ctx) {
        InterviewRecord r = archive.require(ctx.pathParam("id"));
        String id = r.id();
        ObjectNode n = Json.object();
        n.put("schemaVersion", r.schemaVersion());
        n.put("id", id);
        n.put("title", r.title());
        n.put("collection", r.collection());
        if (r.year() == null) {
            n.putNull("year");
        } else {
            n.put("year", r.year());
        }
        Optional<Path> video = archive.video(r);
        n.put("video", video.isPresent());
        n.put("videoFile", r.video() == null ? null : fileName(r.video()));
        n.put("videoUrl", video.isPresent() ? Links.video(id) : null);
        Long duration = archive.durationMs(r);
        if (duration == null) {
            n.putNull("durationMs");
        } else {
            n.put("durationMs", duration);
        }
        n.put("spokenLanguage", r.spokenLanguage());
        n.set("page", Json.MAPPER.valueToTree(r.page()));
        ArrayNode inputs = n.putArray("inputs");
        for (InputHash in : r.inputs()) {
            ObjectNode i = inputs.addObject();
            i.put("path", fileName(in.path()));
            i.put("role", in.role());
            i.put("sizeBytes", in.sizeBytes());
            i.put("modifiedMs", in.modifiedMs());
            i.put("sha256", in.sha256());
        }
        Map<String, String> preferred = preferredSources(r.tracks());
        ArrayNode tracks = n.putArray("tracks");
        ObjectNode warnings = Json.object();
        ArrayNode exports = Json.MAPPER.createArrayNode();
        for (TrackFacts t : r.tracks()) {
            ObjectNode tn = Json.MAPPER.valueToTree(t);
            tn.put("path", fileName(t.path()));
            boolean ai = Source.fromId(t.source()).map(Source::isAiMade).orElse(true);
            tn.put("ai", ai);
            tn.put("preferred", t.source().equals(preferred.get(t.lang())));
            tn.put("vtt", Links.captions(id, t.lang(), t.source()));
            tn.put("cuesUrl", Links.cues(id, t.lang(), t.source()));
            ObjectNode w = warning(t.lang());
            tn.set("warning", w);
            warnings.set(t.lang(), w);
            tracks.add(tn);
            Optional<Source> source = Source.fromId(t.source());
            for (ExportFormat f : EXPORTS) {
                String name;
                try {
                    name = SafeNames.exportName(id, t.lang(), source.orElse(Source.ASR), f);
                } catch (IllegalArgumentException e) {
                    continue; // an ID no file can be named after: no export links
                }
                ObjectNode e = exports.addObject();
                e.put("format", f.id());
                e.put("lang", t.lang());
                e.put("source", t.source());
                e.put("name", name);
                e.put("url", Links.export(id, name));
            }
        }
        n.set("warnings", warnings);
        n.set("exports", exports);
        n.put("status", r.status());
        ArrayNode messages = n.putArray("messages");
        for (String m : r.messages()) {
            messages.add(withoutPaths(m, r));
        }
        n.put("recipe", r.recipe());
        n.put("ingestedAt", r.ingestedAt());
        n.put("url", Links.interview(id));
        WebServer.json(ctx, 200, Json.bytes(n));
    }

    void cues(Context ctx) {
        StoredInterview interview = archive.interview(ctx.pathParam("id"));
        StoredTrack t = track(interview, ctx.queryParam("lang"), ctx.queryParam("source"));
        Track track = exporter.stamp().unstamped(t.track());
        ObjectNode n = Json.object();
        n.put("interview", interview.id());
        n.put("lang", track.language());
        n.put("source", track.source().id());
        n.put("ai", track.source().isAiMade());
        n.set("warning", warning(track.language()));
        ArrayNode cues = n.putArray("cues");
        for (Cue c : track.cues()) {
            ObjectNode cn = cues.addObject();
            cn.put("startMs", c.startMs());
            cn.put("endMs", c.endMs());
            cn.put("text", c.text());
            cn.put("speaker", c.speaker());
        }
        WebServer.json(ctx, 200, Json.bytes(n));
    }

    void captions(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(".vtt")) {
            throw WebError.notFound("captions are served as LANG.vtt (got '" + file + "')");
        }
        StoredInterview interview = archive.interview(ctx.pathParam("id"));
        StoredTrack t = track(interview, file.substring(0, file.length() - 4), ctx.queryParam("source"));
        Exported e = exporter.export(t.track(), ExportFormat.VTT, interview.record().title());
        ctx.status(200);
        ctx.contentType("text/vtt; charset=utf-8");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Content-Length", Integer.toString(e.content().length));
        ctx.result(e.content());
    }

    void export(Context ctx) {
        StoredInterview interview = archive.interview(ctx.pathParam("id"));
        String file = ctx.pathParam("file");
        for (StoredTrack t : interview.tracks()) {
            for (ExportFormat f : EXPORTS) {
                String name;
                try {
                    name = SafeNames.exportName(interview.id(), t.facts().lang(), t.track().source(), f);
                } catch (IllegalArgumentException e) {
                    throw WebError.notFound("interview '" + interview.id() + "' has no exportable name");
                }
                if (name.equals(file)) {
                    Exported e = exporter.export(t.track(), f, interview.record().title());
                    ctx.status(200);
                    ctx.contentType(f.mediaType() + (f == ExportFormat.DOCX ? "" : "; charset=utf-8"));
                    ctx.header("Content-Disposition", "attachment; filename=\"" + asciiName(name)
                            + "\"; filename*=UTF-8''" + Links.segment(name));
                    ctx.header("Cache-Control", "no-cache");
                    ctx.header("Content-Length", Integer.toString(e.content().length));
                    ctx.result(e.content());
                    return;
                }
            }
        }
        throw WebError.notFound("interview '" + interview.id() + "' has no export named '" + file + "'");
    }

    /**
     * The track of a language and source; without a source, the one export picks: aligned, else edited, else the
     * AI track.
     */
    static StoredTrack track(StoredInterview interview, @Nullable String lang, @Nullable String source) {
        if (lang == null || lang.isBlank()) {
            throw WebError.badRequest("lang is required (one of " + languages(interview) + ")");
        }
        StoredTrack best = null;
        for (StoredTrack t : interview.tracks()) {
            if (!t.facts().lang().equalsIgnoreCase(lang)) {
                continue;
            }
            if (source != null && !source.isBlank()) {
                if (t.facts().source().equalsIgnoreCase(source)) {
                    return t;
                }
                continue;
            }
            if (best == null || rank(t.track().source()) > rank(best.track().source())) {
                best = t;
            }
        }
        if (best == null) {
            throw WebError.notFound("interview '" + interview.id() + "' has no " + lang
                    + (source == null || source.isBlank() ? "" : " " + source) + " track (it has "
                    + languages(interview) + ")");
        }
        return best;
    }

    private static String languages(StoredInterview interview) {
        List<String> out = new ArrayList<>();
        for (StoredTrack t : interview.tracks()) {
            out.add(t.facts().lang() + "/" + t.facts().source());
        }
        return out.isEmpty() ? "no tracks" : String.join(", ", out);
    }

    private static Map<String, String> preferredSources(List<TrackFacts> tracks) {
        Map<String, String> best = new LinkedHashMap<>();
        for (TrackFacts t : tracks) {
            String current = best.get(t.lang());
            int rank = Source.fromId(t.source()).map(InterviewApi::rank).orElse(0);
            if (current == null || rank > Source.fromId(current).map(InterviewApi::rank).orElse(0)) {
                best.put(t.lang(), t.source());
            }
        }
        return best;
    }

    private static int rank(Source s) {
        return switch (s) {
            case ALIGNED -> 3;
            case EDITED -> 2;
            case ASR, MT -> 1;
        };
    }

    /** The warning for text in {@code lang}: its own text when configured, else English with the fallback flag. */
    private ObjectNode warning(String lang) {
        WarningText w = exporter.texts().textFor(lang);
        ObjectNode n = Json.object();
        n.put("language", w.language());
        n.put("text", w.text());
        n.put("label", exporter.texts().labelFor(w.language()).text());
        n.put("fellBack", w.fellBack());
        return n;
    }

    static String fileName(String path) {
        if (path.isEmpty()) {
            return path;
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash >= 0 ? path.substring(slash + 1) : path;
    }

    /** A report message with every input's folder taken out ({@code /home/x/in/a.srt: …} → {@code a.srt: …}). */
    static String withoutPaths(String message, InterviewRecord r) {
        String m = message;
        List<String> paths = new ArrayList<>();
        r.inputs().forEach(i -> paths.add(i.path()));
        r.tracks().forEach(t -> paths.add(t.path()));
        if (r.video() != null) {
            paths.add(r.video());
        }
        paths.sort((a, b) -> b.length() - a.length());
        for (String p : paths) {
            if (!p.isEmpty()) {
                m = m.replace(p, fileName(p));
            }
        }
        return m;
    }

    /** The name for the plain {@code filename=} parameter: ASCII without quotes or backslashes. */
    private static String asciiName(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
        }
        return sb.toString();
    }
}
