package io.capdex.align;

import io.capdex.caption.Cue;
import io.capdex.caption.Line;
import io.capdex.caption.Qc;
import io.capdex.caption.Track;
import io.capdex.caption.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A track read as a transcript: paragraphs by speaker and by pauses, each with its start time, for exports and
 * the web page to render.
 *
 * @param paragraphs in time order
 */
public record ReadableTranscript(List<Paragraph> paragraphs) {

    /** A pause longer than this starts a new paragraph. */
    public static final long PAUSE_MS = 2000;
    /** A paragraph of this many words ends at the next sentence end, so that unlabelled AI captions still read. */
    public static final int LONG_PARAGRAPH_WORDS = 120;

    /** One paragraph: who speaks (null when unknown), when it starts and ends, and its text on one line. */
    public record Paragraph(@Nullable String speaker, long startMs, long endMs, String text) {
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }
    }

    public ReadableTranscript {
        paragraphs = List.copyOf(paragraphs);
    }

    /**
     * Paragraphs from a track's cues (warning cues and empty cues left out). A new paragraph starts when the
     * speaker changes, after a pause longer than {@link #PAUSE_MS} (between words when the cues have word
     * timings, else between cues), and at the first sentence end after {@link #LONG_PARAGRAPH_WORDS} words.
     */
    public static ReadableTranscript of(Track track) {
        List<Paragraph> out = new ArrayList<>();
        Builder current = null;
        for (Cue cue : track.cues()) {
            if (Qc.isWarningCue(cue) || cue.isEmpty()) {
                continue;
            }
            for (Word unit : units(cue)) {
                boolean newSpeaker = current != null && cue.speaker() != null
                        && !cue.speaker().equals(current.speaker);
                boolean pause = current != null && unit.startMs() - current.endMs > PAUSE_MS;
                boolean longEnough = current != null && current.words >= LONG_PARAGRAPH_WORDS && current.sentenceEnd;
                if (current == null || newSpeaker || pause || longEnough) {
                    if (current != null) {
                        out.add(current.build());
                    }
                    current = new Builder(cue.speaker(), unit.startMs());
                }
                current.add(unit);
            }
        }
        if (current != null) {
            out.add(current.build());
        }
        return new ReadableTranscript(out);
    }

    /** A cue's words with their own times when it has them, else the whole cue text as one unit. */
    private static List<Word> units(Cue cue) {
        if (!cue.words().isEmpty()) {
            return cue.words();
        }
        List<String> lines = cue.lines().stream().map(Line::text).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        return List.of(new Word(cue.startMs(), cue.endMs(), String.join(" ", lines)));
    }

    private static final class Builder {
        private final @Nullable String speaker;
        private final long startMs;
        private long endMs;
        private int words;
        private boolean sentenceEnd;
        private final StringBuilder text = new StringBuilder();

        Builder(@Nullable String speaker, long startMs) {
            this.speaker = speaker;
            this.startMs = startMs;
            this.endMs = startMs;
        }

        void add(Word unit) {
            String t = unit.text().strip();
            if (t.isEmpty()) {
                return;
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(t);
            endMs = Math.max(endMs, unit.endMs());
            words += t.split("\\s+").length;
            char last = t.charAt(t.length() - 1);
            sentenceEnd = last == '.' || last == '?' || last == '!' || last == '\u2026';
        }

        Paragraph build() {
            return new Paragraph(speaker, startMs, endMs, text.toString());
        }
    }
}
