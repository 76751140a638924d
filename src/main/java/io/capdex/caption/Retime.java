package io.capdex.caption;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Manual re-timing of a track: shifting by an offset (from some time on) and scaling for a frame-rate change,
 * with the parsers the command line needs for {@code --by}, {@code --fps} and {@code --from}. Word timings move
 * with their cues. Times that would fall below zero are clamped to 0; a cue that would end at or below 0 is
 * dropped; both are reported.
 */
public final class Retime {
    private static final Pattern CLOCK = Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{1,2}(?:[.,]\\d+)?)");
    private static final Pattern UNITS = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(ms|h|min|m|s)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?|\\.\\d+");

    private Retime() {
    }

    /** Moves every cue by deltaMs (negative: earlier). */
    public static RetimeResult shift(Track track, long deltaMs) {
        return shift(track, deltaMs, 0);
    }

    /**
     * Moves the cues starting at or after fromMs by deltaMs; earlier cues stay where they are. A negative shift
     * can then make moved cues overlap unmoved ones: that is what was asked, and QC reports it.
     */
    public static RetimeResult shift(Track track, long deltaMs, long fromMs) {
        return shift(track, deltaMs, fromMs, CueLines.none());
    }

    /** {@link #shift(Track, long, long)}, reporting problems at the file line of each cue. */
    public static RetimeResult shift(Track track, long deltaMs, long fromMs, CueLines cueLines) {
        Problems problems = new Problems();
        List<Cue> out = new ArrayList<>(track.cues().size());
        List<Cue> cues = track.cues();
        for (int i = 0; i < cues.size(); i++) {
            Cue c = cues.get(i);
            if (c.startMs() < fromMs || deltaMs == 0) {
                out.add(c);
                continue;
            }
            Cue moved = place(c, i, cueLines.lineOf(i), c.startMs() + deltaMs, c.endMs() + deltaMs, t -> t + deltaMs,
                    problems);
            if (moved != null) {
                out.add(moved);
            }
        }
        return new RetimeResult(track.withCues(out), problems.toList());
    }

    /**
     * Multiplies every time by factor, rounding to the nearest ms. For {@code --fps 25:23.976} the factor is
     * 25 / 23.976: captions timed against a 25 fps copy of a film, played with its 23.976 fps original, which
     * runs slower, so every caption comes later.
     */
    public static RetimeResult scale(Track track, double factor) {
        return scale(track, factor, CueLines.none());
    }

    /** {@link #scale(Track, double)}, reporting problems at the file line of each cue. */
    public static RetimeResult scale(Track track, double factor, CueLines cueLines) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale factor must be positive, not " + factor);
        }
        Problems problems = new Problems();
        List<Cue> out = new ArrayList<>(track.cues().size());
        List<Cue> cues = track.cues();
        for (int i = 0; i < cues.size(); i++) {
            Cue c = cues.get(i);
            Cue scaled = place(c, i, cueLines.lineOf(i), Math.round(c.startMs() * factor),
                    Math.round(c.endMs() * factor),
                    t -> Math.round(t * factor), problems);
            if (scaled != null) {
                out.add(scaled);
            }
        }
        return new RetimeResult(track.withCues(out), problems.toList());
    }

    /** Scales then shifts: every time t becomes {@code t * factor + deltaMs}, as a sync segment maps it. */
    public static RetimeResult map(Track track, double factor, long deltaMs) {
        RetimeResult scaled = scale(track, factor);
        RetimeResult shifted = shift(scaled.track(), deltaMs);
        List<ParseProblem> all = new ArrayList<>(scaled.problems());
        all.addAll(shifted.problems());
        return new RetimeResult(shifted.track(), all);
    }

    private static @Nullable Cue place(Cue c, int index, int line, long startMs, long endMs, LongUnaryOperator f,
                             Problems problems) {
        String label = CueText.label(index, c.startMs());
        if (endMs < 0 || endMs == 0 && startMs < 0) {
            problems.add(line, ProblemCode.DROPPED, label + ": would end at " + endMs
                    + " ms, not after the start of the video; dropped");
            return null;
        }
        if (startMs < 0) {
            problems.add(line, ProblemCode.CLAMPED, label + ": would start at " + startMs + " ms; start clamped to "
                    + CueText.time(0));
        }
        long s = Math.max(0, startMs);
        long e = Math.max(s, endMs);
        List<Word> words = new ArrayList<>(c.words().size());
        for (Word w : c.words()) {
            long ws = Math.max(0, f.applyAsLong(w.startMs()));
            long we = Math.max(ws, f.applyAsLong(w.endMs()));
            words.add(new Word(ws, we, w.text()));
        }
        return c.withSpan(new TimeSpan(s, e)).withWords(words);
    }

    /**
     * An offset in ms: {@code 1.5s}, {@code +2s}, {@code -250ms}, {@code 1m30s}, {@code 1h}, a clock time
     * {@code 00:00:01.500}, {@code -1:02.5} ({@code ,} works for {@code .}), or a bare number of seconds
     * ({@code -0.5}). Rounded to the nearest ms.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static long parseOffset(String text) {
        String s = text.strip();
        int sign = 1;
        if (s.startsWith("+") || s.startsWith("-") || s.startsWith("\u2212")) {
            sign = s.charAt(0) == '+' ? 1 : -1;
            s = s.substring(1).strip();
        }
        Long ms = parseDurationMs(s);
        if (ms == null) {
            throw new IllegalArgumentException("cannot read '" + text + "' as a time offset: write it like 1.5s, "
                    + "-250ms, 1m30s, 00:00:01.500 or -1:02.5");
        }
        return sign * ms;
    }

    /**
     * A time of the video in ms, as {@code --from} takes it: {@code 00:10:00}, {@code 10:00}, {@code 600s},
     * {@code 10m}, {@code 00:10:00,500}. Never negative.
     */
    public static long parseTime(String text) {
        String s = text.strip();
        Long ms = s.startsWith("-") ? null : parseDurationMs(s.startsWith("+") ? s.substring(1) : s);
        if (ms == null) {
            throw new IllegalArgumentException("cannot read '" + text + "' as a time: write it like 00:10:00, "
                    + "10:00, 00:10:00.500 or 600s");
        }
        return ms;
    }

    /** A duration in ms without a sign, or null when the text is none of the accepted forms. */
    private static Long parseDurationMs(String s) {
        if (s.isEmpty()) {
            return null;
        }
        Matcher clock = CLOCK.matcher(s);
        if (clock.matches()) {
            long h = clock.group(1) == null ? 0 : Long.parseLong(clock.group(1));
            long m = Long.parseLong(clock.group(2));
            BigDecimal sec = new BigDecimal(clock.group(3).replace(',', '.'));
            if ((clock.group(1) != null && m > 59) || sec.compareTo(BigDecimal.valueOf(60)) >= 0) {
                return null;
            }
            return h * 3_600_000 + m * 60_000 + toMs(sec, 1000);
        }
        if (NUMBER.matcher(s).matches()) {
            return toMs(new BigDecimal(s), 1000);
        }
        String lower = s.toLowerCase(Locale.ROOT).replace(" ", "");
        Matcher units = UNITS.matcher(lower);
        int at = 0;
        long total = 0;
        while (units.find() && units.start() == at) {
            BigDecimal value = new BigDecimal(units.group(1));
            total += switch (units.group(2)) {
                case "h" -> toMs(value, 3_600_000);
                case "m", "min" -> toMs(value, 60_000);
                case "s" -> toMs(value, 1000);
                default -> toMs(value, 1);
            };
            at = units.end();
        }
        return at == lower.length() && at > 0 ? total : null;
    }

    private static long toMs(BigDecimal value, long unitMs) {
        return value.multiply(BigDecimal.valueOf(unitMs)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * A frame rate: a decimal ({@code 25}, {@code 29.97}) or a fraction ({@code 30000/1001}). The NTSC rates
     * written short, 23.976, 29.97, 47.952, 59.94 and 119.88, mean their exact values 24000/1001 and so on,
     * which differ from the decimals by 7 ms over two hours.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static double parseFps(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        String num = slash < 0 ? s : s.substring(0, slash).strip();
        String den = slash < 0 ? "1" : s.substring(slash + 1).strip();
        if (!NUMBER.matcher(num).matches() || !NUMBER.matcher(den).matches()) {
            throw new IllegalArgumentException("cannot read '" + text + "' as a frame rate: write it like 25, "
                    + "23.976 or 30000/1001");
        }
        double fps = switch (s) {
            case "23.976", "23.98" -> 24000.0 / 1001;
            case "29.97" -> 30000.0 / 1001;
            case "47.952" -> 48000.0 / 1001;
            case "59.94" -> 60000.0 / 1001;
            case "119.88" -> 120000.0 / 1001;
            default -> Double.parseDouble(num) / Double.parseDouble(den);
        };
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("a frame rate must be a positive number, not '" + text + "'");
        }
        return fps;
    }

    /**
     * The scale factor for {@code --fps FROM:TO}: captions timed against FROM fps, played with a video at TO
     * fps. {@code 25:23.976} gives 25 / (24000/1001) ≈ 1.0427, so times grow.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static double parseFpsRatio(String text) {
        int colon = text.indexOf(':');
        if (colon < 0 || text.indexOf(':', colon + 1) >= 0) {
            throw new IllegalArgumentException("cannot read '" + text + "' as frame rates: write the captions' "
                    + "rate and the video's, like 25:23.976");
        }
        return parseFps(text.substring(0, colon)) / parseFps(text.substring(colon + 1));
    }
}
