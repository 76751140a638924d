package io.capdex.caption.sbv;

import io.capdex.caption.CaptionWriter;
import io.capdex.caption.Cue;
import io.capdex.caption.Line;
import io.capdex.caption.Track;
import io.capdex.caption.WriteOptions;
import java.io.IOException;

/**
 * Writes SBV canonically: {@code H:MM:SS.mmm,H:MM:SS.mmm}, the text lines, a blank line between cues. SBV holds
 * no styling and no positioning, so styles and cue settings are dropped; a cue's speaker is written as a
 * {@code Name: } prefix (the transcript convention) so it is not lost. SBV has no escapes: empty lines are left
 * out (a blank line ends a cue) and a literal {@code [br]} in text reads back as a line break. Stateless and
 * thread-safe.
 */
public final class SbvWriter implements CaptionWriter {
    @Override
    public void write(Track track, Appendable out, WriteOptions options) throws IOException {
        String nl = options.newline();
        StringBuilder sb = new StringBuilder(64);
        boolean first = true;
        for (Cue cue : track.cues()) {
            sb.setLength(0);
            if (!first) {
                sb.append(nl);
            }
            first = false;
            SbvTime.appendTo(sb, cue.startMs());
            sb.append(',');
            SbvTime.appendTo(sb, cue.endMs());
            sb.append(nl);
            boolean speakerPending = cue.speaker() != null && !cue.speaker().isBlank();
            for (Line line : cue.lines()) {
                String text = plain(line.text());
                // a blank line would end the cue when read back, so empty lines are left out
                if (text.isEmpty()) {
                    continue;
                }
                if (speakerPending) {
                    sb.append(plain(cue.speaker())).append(": ");
                    speakerPending = false;
                }
                sb.append(text).append(nl);
            }
            out.append(sb);
        }
    }

    /** The line without characters SBV cannot carry: control characters and trailing white space. */
    private static String plain(String text) {
        boolean clean = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' && c != '\t') {
                clean = false;
                break;
            }
        }
        String s = text;
        if (!clean) {
            StringBuilder sb = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                sb.append(c < ' ' && c != '\t' ? ' ' : c);
            }
            s = sb.toString();
        }
        return s.isBlank() ? "" : s.stripTrailing();
    }
}
