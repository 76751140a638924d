package io.capdex.export;

import io.capdex.caption.Cue;
import io.capdex.caption.Line;
import io.capdex.caption.Qc;
import io.capdex.caption.Run;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Track;
import io.capdex.caption.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Stamps the AI-accuracy warning onto caption tracks: cues from 00:00:00, at the top of the picture, split into
 * short cues shown one after the other for as long as reading them takes; or, for formats that show one cue at a
 * time, merged above the captions they overlap. Idempotent: a track that already carries any accepted text (or
 * warning cues by id) is returned unchanged. Works the same on every source. Immutable and thread-safe.
 */
public final class Stamp {
    /** The id of merged cues, which hold warning lines above caption lines. */
    public static final String MERGED_ID_PREFIX = Qc.WARNING_CUE_ID_PREFIX + "-merged-";

    private final WarningTexts texts;

    public Stamp(WarningTexts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    public WarningTexts texts() {
        return texts;
    }

    /** The track stamped with the warning in its own language (English when there is none; see the result). */
    public Track stamped(Track track, StampStyle style) {
        return stamped(track, texts.textFor(track.language()), style);
    }

    /**
     * The track with the warning added. Caption cues are kept as they are, except in {@linkplain StampStyle#merged
     * merged} style, where those overlapping the warning are split at its cue boundaries and get its lines above
     * their own. A track that already carries the warning is returned unchanged.
     */
    public Track stamped(Track track, WarningText warning, StampStyle style) {
        if (isStamped(track)) {
            return track;
        }
        List<Cue> warningCues = warningCues(warning, style);
        List<Cue> out = style.merged() ? merge(track.cues(), warningCues) : interleave(track.cues(), warningCues);
        return track.withCues(out);
    }

    /**
     * The track stamped in {@linkplain StampStyle#mergedStyle() merged style}: for outputs that show one cue at a
     * time (MP4 mov_text, SBV), the warning above the captions it overlaps.
     */
    public Track mergedStamp(Track track, WarningText warning) {
        return stamped(track, warning, StampStyle.mergedStyle());
    }

    /** True when the track carries warning cues by id or any accepted warning text from 00:00:00. */
    public boolean isStamped(Track track) {
        for (Cue c : track.cues()) {
            if (Qc.isWarningCue(c)) {
                return true;
            }
        }
        return find(track).isPresent();
    }

    /** Where the warning text is in the track ({@code cue 1 at 00:00:00}), if it is there. */
    public Optional<String> find(Track track) {
        return WarningFinder.find(track.cues(), texts.all()).map(WarningFinder.Found::where);
    }

    /** The accepted warning text the track already carries from 00:00:00, if any. */
    public Optional<WarningText> existing(Track track) {
        return WarningFinder.find(track.cues(), texts.all()).map(WarningFinder.Found::text);
    }

    /**
     * The track without the warning: warning cues dropped, warning lines removed from merged cues (the caption
     * pieces they leave are kept as they are). For transcripts, which carry the warning in their header instead.
     */
    public Track unstamped(Track track) {
        List<Cue> cues = track.cues();
        int[] drop = new int[cues.size()];
        WarningFinder.find(cues, texts.all()).ifPresent(f -> {
            for (int k = 0; k < f.cueIndexes().size(); k++) {
                drop[f.cueIndexes().get(k)] = f.warningLines().get(k);
            }
        });
        List<Cue> out = new ArrayList<>(cues.size());
        for (int i = 0; i < cues.size(); i++) {
            Cue c = cues.get(i);
            if (drop[i] == 0 && Qc.isWarningCue(c) && !Objects.requireNonNull(c.id()).startsWith(MERGED_ID_PREFIX)) {
                continue; // a warning cue whose text is not an accepted one (another configuration's)
            }
            if (drop[i] == 0) {
                out.add(c);
                continue;
            }
            List<Line> rest = c.lines().subList(Math.min(drop[i], c.lines().size()), c.lines().size());
            if (rest.stream().anyMatch(l -> !l.text().isBlank())) {
                out.add(c.withLines(rest).withId(null));
            }
        }
        return track.withCues(out);
    }

    /**
     * The warning as consecutive cues from 00:00:00: as few cues as the line limits allow, preferring cue breaks
     * at sentence ends, each shown for its characters at the reading speed (at least {@code minCueMs}). Ids are
     * {@code capdex-warning-1}, {@code -2}, …
     */
    public static List<Cue> warningCues(WarningText warning, StampStyle style) {
        List<List<String>> blocks = WarningLayout.blocks(warning.text(), style.maxCharsPerLine(), style.maxLines());
        List<Cue> out = new ArrayList<>(blocks.size());
        long start = 0;
        Map<String, String> settings = style.top() ? Map.of("line", "0") : Map.of();
        for (List<String> block : blocks) {
            int chars = String.join(" ", block).codePointCount(0, String.join(" ", block).length());
            long duration = Math.max(style.minCueMs(), (long) Math.ceil(chars * 1000 / style.charsPerSecond()));
            List<Line> lines = block.stream().map(Line::plain).toList();
            out.add(new Cue(new TimeSpan(start, start + duration), Qc.WARNING_CUE_ID_PREFIX + "-" + (out.size() + 1),
                    lines, null, List.of(), settings));
            start += duration;
        }
        return out;
    }

    /** Warning cues and captions in start order, warning cues first at equal starts (as Repair orders them). */
    private static List<Cue> interleave(List<Cue> captions, List<Cue> warning) {
        List<Cue> out = new ArrayList<>(captions.size() + warning.size());
        out.addAll(warning);
        out.addAll(captions);
        out.sort(Comparator.comparingLong(Cue::startMs)); // stable
        return out;
    }

    /**
     * Cuts the warning window into intervals at every warning-cue boundary and every caption start or end inside
     * it; each interval shows its warning cue's lines above the lines of every caption on screen then. Captions
     * running past the window keep their remainder as a cue of their own; later captions are untouched.
     */
    private static List<Cue> merge(List<Cue> captions, List<Cue> warning) {
        long windowEnd = warning.get(warning.size() - 1).endMs();
        TreeSet<Long> cuts = new TreeSet<>();
        for (Cue w : warning) {
            cuts.add(w.startMs());
            cuts.add(w.endMs());
        }
        List<Cue> inside = new ArrayList<>();
        List<Cue> out = new ArrayList<>();
        for (Cue c : captions) {
            if (c.startMs() >= windowEnd || c.startMs() == c.endMs()) {
                out.add(c); // after the window, or never on screen: nothing to merge
                continue;
            }
            inside.add(c);
            cuts.add(c.startMs());
            cuts.add(Math.min(c.endMs(), windowEnd));
            if (c.endMs() > windowEnd) {
                out.add(piece(c, windowEnd, c.endMs()));
            }
        }
        List<Cue> merged = new ArrayList<>();
        Long previous = null;
        for (long cut : cuts) {
            if (previous != null && cut > previous) {
                long a = previous;
                Cue w = warning.stream().filter(x -> x.startMs() <= a && a < x.endMs()).findFirst().orElseThrow();
                List<Line> lines = new ArrayList<>(w.lines());
                List<Cue> showing = inside.stream().filter(c -> c.startMs() <= a && a < c.endMs()).toList();
                for (Cue c : showing) {
                    lines.addAll(captionLines(c));
                }
                Map<String, String> settings = showing.size() == 1 ? showing.get(0).settings() : w.settings();
                List<Word> words = showing.size() == 1 ? wordsWithin(showing.get(0), a, cut) : List.of();
                Cue piece = new Cue(new TimeSpan(a, cut), null, lines, null, words, settings);
                int last = merged.size() - 1;
                if (last >= 0 && merged.get(last).endMs() == a && merged.get(last).lines().equals(lines)) {
                    Cue before = merged.get(last);
                    merged.set(last, before.withSpan(new TimeSpan(before.startMs(), cut)));
                } else {
                    merged.add(piece);
                }
            }
            previous = cut;
        }
        for (int i = 0; i < merged.size(); i++) {
            boolean warningOnly = merged.get(i).lines().size() == warningLinesAt(warning, merged.get(i).startMs());
            merged.set(i, merged.get(i).withId(warningOnly ? Qc.WARNING_CUE_ID_PREFIX + "-" + (i + 1)
                    : MERGED_ID_PREFIX + (i + 1)));
        }
        merged.addAll(out);
        merged.sort(Comparator.comparingLong(Cue::startMs));
        return merged;
    }

    private static int warningLinesAt(List<Cue> warning, long ms) {
        return warning.stream().filter(x -> x.startMs() <= ms && ms < x.endMs()).findFirst().orElseThrow()
                .lines().size();
    }

    /** A caption's lines for a merged cue: its speaker, which the cue no longer carries, as a {@code Name: } prefix. */
    private static List<Line> captionLines(Cue c) {
        List<Line> lines = new ArrayList<>(c.lines());
        if (c.speaker() != null && !c.speaker().isBlank() && !lines.isEmpty()) {
            List<Run> runs = new ArrayList<>();
            runs.add(Run.plain(c.speaker().strip() + ": "));
            runs.addAll(lines.get(0).runs());
            lines.set(0, new Line(runs));
        }
        return lines;
    }

    private static Cue piece(Cue c, long from, long to) {
        return c.withSpan(new TimeSpan(from, to)).withWords(wordsWithin(c, from, to));
    }

    private static List<Word> wordsWithin(Cue c, long from, long to) {
        return c.words().stream().filter(w -> w.startMs() >= from && w.startMs() < to).toList();
    }
}
