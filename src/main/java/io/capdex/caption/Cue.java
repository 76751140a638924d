package io.capdex.caption;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One caption: when it shows, its styled lines, and what else the formats can say about it.
 *
 * @param id the WebVTT cue identifier, or null (SRT numbers are not kept: writers renumber)
 * @param lines the displayed lines with neutral styling; never markup, never {@code <br/>} or {@code \N}
 * @param speaker who speaks the whole cue ({@code <v Name>}, a TTML agent), or null
 * @param words per-word timings when the source had them (inline timestamps, alignment), else empty
 * @param settings positioning with WebVTT's names and values ({@code align}, {@code line}, {@code position},
 *     {@code size}, {@code vertical}, {@code region}); SRT's {@code {\an8}} is {@code line:0}
 */
public record Cue(TimeSpan span, @Nullable String id, List<Line> lines, @Nullable String speaker,
                  List<Word> words, Map<String, String> settings) {

    public Cue {
        Objects.requireNonNull(span, "span");
        lines = List.copyOf(lines);
        words = List.copyOf(words);
        settings = settings.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A plain cue from text whose lines are separated by {@code \n}. */
    public static Cue of(long startMs, long endMs, String text) {
        return new Cue(new TimeSpan(startMs, endMs), null, linesOf(text), null, List.of(), Map.of());
    }

    /** Plain lines from text separated by {@code \n}. */
    public static List<Line> linesOf(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<Line> out = new ArrayList<>(2);
        int from = 0;
        while (true) {
            int nl = text.indexOf('\n', from);
            out.add(Line.plain(nl < 0 ? text.substring(from) : text.substring(from, nl)));
            if (nl < 0) {
                return out;
            }
            from = nl + 1;
        }
    }

    public long startMs() {
        return span.startMs();
    }

    public long endMs() {
        return span.endMs();
    }

    /** The plain text: styling stripped, entities decoded, lines joined with {@code \n}. What search and QC see. */
    public String text() {
        if (lines.size() == 1) {
            return lines.get(0).text();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(lines.get(i).text());
        }
        return sb.toString();
    }

    /** Whether the two cues' {@link #text()} are equal, without building either text. */
    public boolean sameText(Cue other) {
        if (lines.size() != other.lines.size()) {
            return text().equals(other.text()); // rare: no lines and one empty line are both ""
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).sameText(other.lines.get(i))) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        for (Line l : lines) {
            if (!l.text().isBlank()) {
                return false;
            }
        }
        return true;
    }

    public Cue withSpan(TimeSpan newSpan) {
        return new Cue(newSpan, id, lines, speaker, words, settings);
    }

    public Cue withLines(List<Line> newLines) {
        return new Cue(span, id, newLines, speaker, words, settings);
    }

    public Cue withText(String text) {
        return new Cue(span, id, linesOf(text), speaker, words, settings);
    }

    public Cue withId(@Nullable String newId) {
        return new Cue(span, newId, lines, speaker, words, settings);
    }

    public Cue withSpeaker(@Nullable String newSpeaker) {
        return new Cue(span, id, lines, newSpeaker, words, settings);
    }

    public Cue withWords(List<Word> newWords) {
        return new Cue(span, id, lines, speaker, newWords, settings);
    }

    public Cue withSettings(Map<String, String> newSettings) {
        return new Cue(span, id, lines, speaker, words, newSettings);
    }

    /** The same cue moved in time, word timings included. Fails if the start would go below zero. */
    public Cue shiftedBy(long deltaMs) {
        List<Word> moved = words.isEmpty() ? words : words.stream().map(w -> w.shiftedBy(deltaMs)).toList();
        return new Cue(span.shiftedBy(deltaMs), id, lines, speaker, moved, settings);
    }
}
