package io.capdex.export;

import io.capdex.caption.Cue;
import io.capdex.caption.Line;
import io.capdex.caption.Track;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A track as readable paragraphs: cue lines joined into running text, a new paragraph when the speaker changes,
 * after a pause, at a speaker dash, or at a sentence end once a paragraph is long. Each paragraph keeps the start
 * time of its first cue.
 */
record Transcript(List<Paragraph> paragraphs) {
    /** A pause this long starts a new paragraph. */
    static final long PAUSE_MS = 2000;
    /** A paragraph this long ends at the next sentence end. */
    static final int SOFT_LIMIT = 350;
    /** A paragraph this long ends at the next cue, sentence end or not. */
    static final int HARD_LIMIT = 900;

    /** One paragraph. */
    record Paragraph(long startMs, @Nullable String speaker, String text) {
    }

    Transcript {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The paragraphs of an unstamped track's cues, in time order; empty cues are skipped. */
    static Transcript of(Track track) {
        List<Cue> cues = new ArrayList<>(track.cues());
        cues.sort(Comparator.comparingLong(Cue::startMs));
        List<Paragraph> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        long start = 0;
        long lastEnd = 0;
        String speaker = null;
        for (Cue cue : cues) {
            String t = joined(cue);
            if (t.isEmpty()) {
                continue;
            }
            boolean dash = t.startsWith("- ") || t.startsWith("\u2013 ") || t.startsWith("\u2014 ");
            boolean sentenceEnd = text.length() > 0 && endsSentence(text);
            boolean newParagraph = text.length() == 0
                    || !Objects.equals(speaker, cue.speaker())
                    || cue.startMs() - lastEnd >= PAUSE_MS
                    || dash
                    || (text.length() >= SOFT_LIMIT && sentenceEnd)
                    || text.length() >= HARD_LIMIT;
            if (newParagraph) {
                if (text.length() > 0) {
                    out.add(new Paragraph(start, speaker, text.toString()));
                }
                text.setLength(0);
                start = cue.startMs();
                speaker = cue.speaker();
            } else {
                text.append(' ');
            }
            text.append(t);
            lastEnd = Math.max(lastEnd, cue.endMs());
        }
        if (text.length() > 0) {
            out.add(new Paragraph(start, speaker, text.toString()));
        }
        return new Transcript(out);
    }

    private static String joined(Cue cue) {
        StringBuilder sb = new StringBuilder();
        for (Line line : cue.lines()) {
            String t = line.text().strip();
            if (!t.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(t);
            }
        }
        return sb.toString().replaceAll("\\s+", " "); // tabs and runs of spaces read as one space
    }

    private static boolean endsSentence(CharSequence s) {
        int i = s.length() - 1;
        while (i >= 0 && (s.charAt(i) == '"' || s.charAt(i) == '\u201D' || s.charAt(i) == '\'' || s.charAt(i) == ')'
                || s.charAt(i) == '\u00BB')) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        char c = s.charAt(i);
        return c == '.' || c == '!' || c == '?' || c == '\u2026';
    }

    /** {@code HH:MM:SS} of a paragraph start. */
    static String clock(long ms) {
        return WarningFinder.clock(ms);
    }
}
