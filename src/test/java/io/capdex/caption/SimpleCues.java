package io.capdex.caption;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small SRT-like text form for golden tests of format-neutral operations: blocks of a timing line
 * ({@code 00:00:01,000 --> 00:00:02,500}, optionally followed by {@code id=NAME}) and text lines with
 * {@code <i>}, {@code <b>} and {@code <u>} markup, separated by empty lines. Lines starting with {@code #}
 * between blocks are comments. Strict: bad input throws, because golden files are written by hand.
 */
final class SimpleCues {
    private static final Pattern TIMING = Pattern.compile(
            "(\\d\\d):(\\d\\d):(\\d\\d),(\\d\\d\\d) --> (\\d\\d):(\\d\\d):(\\d\\d),(\\d\\d\\d)(?: id=(\\S+))?");
    private static final Pattern TAG = Pattern.compile("<(/?)([ibu])>");

    private SimpleCues() {
    }

    static Track parse(String text) {
        List<Cue> cues = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (line.isEmpty() || line.startsWith("#")) {
                i++;
                continue;
            }
            Matcher m = TIMING.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected a timing line: " + line);
            }
            long start = ms(m, 1);
            long end = ms(m, 5);
            i++;
            List<Line> cueLines = new ArrayList<>();
            while (i < lines.length && !lines[i].isEmpty()) {
                cueLines.add(styled(lines[i]));
                i++;
            }
            cues.add(new Cue(new TimeSpan(start, end), m.group(9), cueLines, null, List.of(), Map.of()));
        }
        return Track.of(Format.SRT, cues);
    }

    private static long ms(Matcher m, int g) {
        return Long.parseLong(m.group(g)) * 3_600_000 + Long.parseLong(m.group(g + 1)) * 60_000
                + Long.parseLong(m.group(g + 2)) * 1000 + Long.parseLong(m.group(g + 3));
    }

    private static Line styled(String text) {
        List<Run> runs = new ArrayList<>();
        Style style = Style.PLAIN;
        Matcher m = TAG.matcher(text);
        int at = 0;
        while (m.find()) {
            runs.add(new Run(text.substring(at, m.start()), style));
            boolean on = m.group(1).isEmpty();
            style = switch (m.group(2)) {
                case "i" -> style.withItalic(on);
                case "b" -> style.withBold(on);
                default -> style.withUnderline(on);
            };
            at = m.end();
        }
        runs.add(new Run(text.substring(at), style));
        return new Line(runs);
    }

    static String format(Track track) {
        StringBuilder sb = new StringBuilder();
        for (Cue c : track.cues()) {
            sb.append(CueText.time(c.startMs())).append(" --> ").append(CueText.time(c.endMs()));
            if (c.id() != null) {
                sb.append(" id=").append(c.id());
            }
            sb.append('\n');
            for (Line line : c.lines()) {
                for (Run run : line.runs()) {
                    Style s = run.style();
                    sb.append(s.italic() ? "<i>" : "").append(s.bold() ? "<b>" : "").append(s.underline() ? "<u>" : "");
                    sb.append(run.text());
                    sb.append(s.underline() ? "</u>" : "").append(s.bold() ? "</b>" : "")
                            .append(s.italic() ? "</i>" : "");
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
