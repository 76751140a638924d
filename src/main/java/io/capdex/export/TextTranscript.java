package io.capdex.export;

import io.capdex.caption.Track;
import org.jspecify.annotations.Nullable;

/**
 * A plain-text transcript: a header (title, the short label, the warning, language and source), a rule, then one
 * paragraph per block, {@code [HH:MM:SS] Speaker: text}, separated by blank lines. {@link Verifier} looks for the
 * warning in everything before the first timestamped paragraph.
 */
final class TextTranscript {
    /** The line between header and transcript. */
    static final String RULE = "=".repeat(72);

    private TextTranscript() {
    }

    static String write(Track track, WarningText warning, WarningText label, @Nullable String title, String nl) {
        StringBuilder sb = new StringBuilder(4096);
        if (title != null && !title.isBlank()) {
            sb.append(oneLine(title)).append(nl).append(nl);
        }
        sb.append(label.text()).append(nl);
        sb.append(warning.text()).append(nl).append(nl);
        sb.append("Language: ").append(track.language()).append(" · Source: ").append(track.source().id())
                .append(nl);
        sb.append(RULE).append(nl);
        for (Transcript.Paragraph p : Transcript.of(track).paragraphs()) {
            sb.append(nl).append('[').append(Transcript.clock(p.startMs())).append("] ");
            if (p.speaker() != null && !p.speaker().isBlank()) {
                sb.append(oneLine(p.speaker())).append(": ");
            }
            sb.append(p.text()).append(nl);
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
