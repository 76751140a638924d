package io.capdex.caption;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The thresholds of one caption style guide, as QC checks them and repair aims for. A zero threshold turns its
 * rule off.
 *
 * <p>The built-in profiles, and where their figures come from:
 * <ul>
 *   <li>{@code netflix} (the default; Netflix Timed Text Style Guide, English): 42 characters a line, 2 lines,
 *       20 characters a second for English and 17 for other languages (Netflix's adult figures; its guides for
 *       most other languages use 17), at least 5/6 s (833 ms) and at most 7 s on screen, 2 frames between
 *       cues. Reading speed counts every character a viewer reads, spaces and punctuation included, line
 *       breaks not (Netflix Backlot: "Spaces and punctuation are counted").</li>
 *   <li>{@code bbc} (BBC Subtitle Guidelines): 37 characters a line, the Teletext figure that matches about
 *       68 % of a 16:9 picture, 2 lines, at most 180 words a minute (the guidelines aim at 160 to 180 wpm), at
 *       least 0.3 s per word (their target minimum timing; a cue that breaks the word rate is reported for
 *       reading speed only, not twice). The guidelines name no absolute minimum, no maximum duration and no
 *       exact gap: capdex uses 1 s, 7 s and 1 frame, so that a change of subtitle is always visible.</li>
 *   <li>{@code dcmp} (DCMP Captioning Key): 32 characters a line, 2 lines, at most 160 words a minute (the
 *       upper end of the presentation rate the Key gives for adult media), at least 2 s on screen. The Key names no maximum or gap:
 *       capdex uses 6 s and 1 frame.</li>
 * </ul>
 *
 * @param maxCharsPerSecond reading speed for English tracks (and tracks of unknown language)
 * @param maxCharsPerSecondOther reading speed for tracks in any other language
 * @param maxWordsPerMinute reading speed in words, for guides that count words
 * @param minMsPerWord a cue must also stay this long per word (BBC's 0.3 s), on top of {@code minDurationMs}
 * @param minGapFrames the least gap between consecutive cues, in frames of the video
 * @param severities the severity of a rule's problems by problem code id, where it differs from the code's own
 */
public record QcProfile(String name, int maxCharsPerLine, int maxLines, double maxCharsPerSecond,
                        double maxCharsPerSecondOther, double maxWordsPerMinute, long minDurationMs,
                        long minMsPerWord, long maxDurationMs, double minGapFrames,
                        Map<String, Severity> severities) {

    public static final QcProfile NETFLIX = new QcProfile("netflix", 42, 2, 20, 17, 0, 833, 0, 7000, 2, Map.of());
    public static final QcProfile BBC = new QcProfile("bbc", 37, 2, 0, 0, 180, 1000, 300, 7000, 1, Map.of());
    public static final QcProfile DCMP = new QcProfile("dcmp", 32, 2, 0, 0, 160, 2000, 0, 6000, 1, Map.of());

    private static final Map<String, QcProfile> BUILT_IN = builtIns(NETFLIX, BBC, DCMP);

    public QcProfile {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a profile needs a name");
        }
        nonNegative("max-chars-per-line", maxCharsPerLine);
        nonNegative("max-lines", maxLines);
        nonNegative("max-chars-per-second", maxCharsPerSecond);
        nonNegative("max-chars-per-second-other", maxCharsPerSecondOther);
        nonNegative("max-words-per-minute", maxWordsPerMinute);
        nonNegative("min-duration", minDurationMs);
        nonNegative("min-duration-per-word", minMsPerWord);
        nonNegative("max-duration", maxDurationMs);
        nonNegative("min-gap-frames", minGapFrames);
        if (maxDurationMs > 0 && maxDurationMs < minDurationMs) {
            throw new IllegalArgumentException("max-duration " + maxDurationMs + " ms is below min-duration "
                    + minDurationMs + " ms");
        }
        severities = Collections.unmodifiableMap(new LinkedHashMap<>(severities));
    }

    private static void nonNegative(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be zero (off) or positive, not " + value);
        }
    }

    private static Map<String, QcProfile> builtIns(QcProfile... profiles) {
        Map<String, QcProfile> map = new LinkedHashMap<>();
        for (QcProfile p : profiles) {
            map.put(p.name(), p);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The default profile, {@code netflix}. */
    public static QcProfile defaults() {
        return NETFLIX;
    }

    /** The built-in profiles by name, in the order they are documented. */
    public static Map<String, QcProfile> builtIn() {
        return BUILT_IN;
    }

    /**
     * A built-in profile by name, ignoring case.
     *
     * @throws IllegalArgumentException naming the known profiles when there is none of that name
     */
    public static QcProfile named(String name) {
        QcProfile p = BUILT_IN.get(name.toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new IllegalArgumentException("unknown QC profile '" + name + "' (known: "
                    + String.join(", ", BUILT_IN.keySet()) + ")");
        }
        return p;
    }

    /** The character reading speed for a track's language: {@code en}, {@code en-*} and {@code und} are English. */
    public double maxCharsPerSecondFor(String language) {
        String l = language.toLowerCase(Locale.ROOT);
        boolean english = l.equals("en") || l.startsWith("en-") || l.equals(Track.UNDETERMINED) || l.isEmpty();
        return english || maxCharsPerSecondOther == 0 ? maxCharsPerSecond : maxCharsPerSecondOther;
    }

    /** The least gap in ms at this frame rate, rounded to the nearest ms (2 frames at 25 fps: 80 ms). */
    public long minGapMs(double fps) {
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("frame rate must be positive, not " + fps);
        }
        return Math.round(minGapFrames * 1000 / fps);
    }

    /** The least time on screen for a cue of this many words. */
    public long minDurationMs(int words) {
        return Math.max(minDurationMs, words * minMsPerWord);
    }

    /** The severity this profile gives a rule's problems. */
    public Severity severityOf(ProblemCode code) {
        return severities.getOrDefault(code.id(), code.severity());
    }

    /** The problem codes whose severity a profile may change: the QC rules. */
    public static List<ProblemCode> rules() {
        return List.of(ProblemCode.LINE_TOO_LONG, ProblemCode.TOO_MANY_LINES, ProblemCode.READING_SPEED,
                ProblemCode.TOO_SHORT, ProblemCode.TOO_LONG, ProblemCode.GAP_TOO_SMALL, ProblemCode.OVERLAP,
                ProblemCode.OUT_OF_ORDER, ProblemCode.EMPTY_CUE, ProblemCode.ZERO_DURATION);
    }

    public QcProfile withName(String newName) {
        return new QcProfile(newName, maxCharsPerLine, maxLines, maxCharsPerSecond, maxCharsPerSecondOther,
                maxWordsPerMinute, minDurationMs, minMsPerWord, maxDurationMs, minGapFrames, severities);
    }

    public QcProfile withSeverity(ProblemCode code, Severity severity) {
        Map<String, Severity> map = new LinkedHashMap<>(severities);
        map.put(code.id(), severity);
        return new QcProfile(name, maxCharsPerLine, maxLines, maxCharsPerSecond, maxCharsPerSecondOther,
                maxWordsPerMinute, minDurationMs, minMsPerWord, maxDurationMs, minGapFrames, map);
    }
}
