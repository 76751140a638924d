package io.capdex.sync;

import io.capdex.caption.Cue;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Track;
import io.capdex.caption.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a sync: the timing map that was found, how sure the fit is, and whether it was applied.
 *
 * <p>Matches the {@code sync} JSON of DESIGN.md §3: a caption time {@code t} at or after a segment's
 * {@code fromMs} (and before the next segment's) maps to {@code t * scale + offsetMs}. When {@code applied} is
 * false the segments still show the best fit found (all zero when the captions were already in sync), and
 * {@link #apply} returns the track unchanged.
 *
 * @param confidence how sure the fit is, 0–1 (see {@link Synchronizer})
 * @param scale the caption-to-video time ratio, 1 unless a frame-rate mismatch was found
 * @param segments the piecewise offsets in caption time, first {@code fromMs} 0; one segment without splits
 * @param dropped cues {@link #apply} removes because their material was cut from the video or they would end at or
 *     before 0; 0 when not applied
 * @param reason why the result was or was not applied, for people
 * @param droppedSpans caption-time ranges [fromMs, toMs) cut from the video; a cue starting inside one is dropped
 * @param fitBefore how well the captions matched the speech before (intersection over union of activity, 0–1)
 * @param fitAfter the same after the correction
 */
public record SyncResult(boolean applied, double confidence, double scale, List<Segment> segments, int dropped,
                         String reason, List<Span> droppedSpans, double fitBefore, double fitAfter) {

    /** From caption time {@code fromMs} on, times move by {@code offsetMs} after scaling. */
    public record Segment(long fromMs, long offsetMs) {
    }

    /** A caption-time range [fromMs, toMs). */
    public record Span(long fromMs, long toMs) {
        public boolean contains(long timeMs) {
            return timeMs >= fromMs && timeMs < toMs;
        }
    }

    public SyncResult {
        Objects.requireNonNull(reason, "reason");
        segments = List.copyOf(segments);
        droppedSpans = List.copyOf(droppedSpans);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("at least one segment");
        }
    }

    /** A result that changes nothing because no fit was tried (e.g. the media has no audio), with the reason. */
    public static SyncResult notApplied(String reason) {
        return unchanged(reason, 0, 0);
    }

    /** A result that changes nothing, with the reason. */
    static SyncResult unchanged(String reason, double confidence, double fit) {
        return new SyncResult(false, confidence, 1, List.of(new Segment(0, 0)), 0, reason, List.of(), fit, fit);
    }

    /** The offset for a caption time, from the segment it falls in. */
    public long offsetAtMs(long captionTimeMs) {
        long offset = segments.get(0).offsetMs();
        for (Segment s : segments) {
            if (captionTimeMs >= s.fromMs()) {
                offset = s.offsetMs();
            }
        }
        return offset;
    }

    /** Where caption time {@code t} lands on the video, before clamping at 0. */
    public long mapMs(long captionTimeMs) {
        return Math.round(captionTimeMs * scale) + offsetAtMs(captionTimeMs);
    }

    /**
     * The corrected track: each cue (and its word timings) moved by its segment's mapping; cues inside a
     * dropped span or ending at or before 0 removed; a cue straddling 0 starts at 0. Returns the track itself
     * when the result was not applied.
     */
    public Track apply(Track track) {
        if (!applied) {
            return track;
        }
        List<Cue> out = new ArrayList<>(track.cues().size());
        for (Cue cue : track.cues()) {
            Cue moved = map(cue);
            if (moved != null) {
                out.add(moved);
            }
        }
        return track.withCues(out);
    }

    /** Cues {@link #apply} would drop from this track. */
    int droppedCount(Track track) {
        int n = 0;
        for (Cue cue : track.cues()) {
            if (map(cue) == null) {
                n++;
            }
        }
        return n;
    }

    private @Nullable Cue map(Cue cue) {
        for (Span s : droppedSpans) {
            if (s.contains(cue.startMs())) {
                return null;
            }
        }
        long offset = offsetAtMs(cue.startMs());
        long start = Math.round(cue.startMs() * scale) + offset;
        long end = Math.round(cue.endMs() * scale) + offset;
        if (end <= 0) {
            return null;
        }
        List<Word> words = new ArrayList<>(cue.words().size());
        for (Word w : cue.words()) {
            long ws = Math.max(0, Math.round(w.startMs() * scale) + offset);
            long we = Math.max(ws, Math.round(w.endMs() * scale) + offset);
            words.add(new Word(ws, we, w.text()));
        }
        return cue.withSpan(new TimeSpan(Math.max(0, start), end)).withWords(words);
    }

    /**
     * One line for people, e.g. {@code offset +2.750 s from 00:00:00; split at 00:01:12: +10.750 s;
     * confidence 0.94}.
     */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        if (!applied) {
            sb.append("not applied: ").append(reason).append("; ");
        }
        if (scale != 1) {
            sb.append(String.format(Locale.ROOT, "scale %.5f; ", scale));
        }
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            sb.append(i == 0 ? "offset " : "; split at " + clock(s.fromMs()) + ": ");
            sb.append(String.format(Locale.ROOT, "%+.3f s", s.offsetMs() / 1000.0));
            if (i == 0) {
                sb.append(" from ").append(clock(s.fromMs()));
            }
        }
        if (dropped > 0) {
            sb.append("; ").append(dropped).append(dropped == 1 ? " cue dropped" : " cues dropped");
        }
        sb.append(String.format(Locale.ROOT, "; confidence %.2f", confidence));
        return sb.toString();
    }

    private static String clock(long ms) {
        long s = ms / 1000;
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
