package io.capdex.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One caption track as the batch layer hands it to the index: identity, facets, the interview page's metadata
 * (repeated on every track of the interview, so any track hit can show it) and the cues.
 *
 * @param interviewId the interview ID shared by all its tracks
 * @param title the interview's title (shown in results)
 * @param lang BCP 47 tag of the track's language, e.g. {@code en}, {@code pt-BR}
 * @param source {@code asr}, {@code mt}, {@code edited} or {@code aligned}
 * @param speakers speakers of the interview (cue speakers are added automatically)
 * @param collection collection name, or null
 * @param year recording year, or null
 * @param contentHash hash of the inputs; an upsert with the stored hash is skipped
 * @param cues the cues in time order
 * @param page interview page metadata; {@link Page#NONE} when there is no page
 */
public record TrackDocument(
        String interviewId,
        String title,
        String lang,
        String source,
        List<String> speakers,
        @Nullable String collection,
        @Nullable Integer year,
        String contentHash,
        List<Cue> cues,
        Page page) {

    /** The sources whose text was made by a machine and carries the AI-accuracy warning. */
    public static final Set<String> AI_SOURCES = Set.of("asr", "mt");

    public TrackDocument {
        if (interviewId.isBlank() || interviewId.contains("|")) {
            throw new IllegalArgumentException("interview ID must be non-blank without '|': " + interviewId);
        }
        if (lang.isBlank() || lang.contains("|") || source.isBlank() || source.contains("|")) {
            throw new IllegalArgumentException("bad lang/source: " + lang + "/" + source);
        }
        source = source.toLowerCase(Locale.ROOT);
        speakers = List.copyOf(speakers);
        cues = List.copyOf(cues);
    }

    /** The track's key in the index: {@code ID|lang|source}. */
    public String trackId() {
        return trackId(interviewId, lang, source);
    }

    /** The key of a track: {@code ID|lang|source}. */
    public static String trackId(String interviewId, String lang, String source) {
        return interviewId + "|" + lang + "|" + source.toLowerCase(Locale.ROOT);
    }

    /** Whether this track's text is AI-made ({@code asr} or {@code mt}). */
    public boolean aiText() {
        return AI_SOURCES.contains(source);
    }

    /** The given speakers plus every cue speaker, in first-seen order. */
    public List<String> allSpeakers() {
        Set<String> all = new LinkedHashSet<>(speakers);
        for (Cue c : cues) {
            if (c.speaker() != null && !c.speaker().isBlank()) {
                all.add(c.speaker());
            }
        }
        return List.copyOf(all);
    }

    /** One cue: when it is on screen, its plain text (lines joined with {@code \n}) and its speaker if known. */
    public record Cue(long startMs, long endMs, String text, @Nullable String speaker) {
        public Cue {
            if (startMs < 0 || endMs < startMs) {
                throw new IllegalArgumentException(startMs + ".." + endMs);
            }
        }
    }

    /** What the interview page says about the interview; every part may be null. */
    public record Page(@Nullable String speakerName, @Nullable String affiliation, @Nullable String date,
            @Nullable String summary) {
        /** No page. */
        public static final Page NONE = new Page(null, null, null, null);
    }
}
