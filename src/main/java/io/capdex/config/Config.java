package io.capdex.config;

import io.capdex.caption.ProblemCode;
import io.capdex.caption.QcProfile;
import io.capdex.caption.RepairOptions;
import io.capdex.caption.Retime;
import io.capdex.caption.Severity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * capdex's settings from {@code capdex.yaml}, every key optional ({@code capdex.example.yaml} at the repository
 * root explains each one). Unknown keys and unreadable values are refused with the file and line, because a
 * misspelt key silently ignored is a setting the user believes in and does not have.
 *
 * <p>Keys read now: {@code qc.profile}, {@code qc.fps}, {@code qc.profiles.NAME.*} (thresholds overriding a
 * built-in profile or defining a new one), {@code captions.max-file-size}, and {@code repair.*} (which repair
 * steps run). Reserved for later versions, and refused until then with a message saying so:
 * {@code organisation} (the name in the warning text), {@code warning.texts} (extra or changed warning texts by
 * language), {@code search.synonyms} (the synonyms file), {@code stamp.srt-position} ({@code an8} or
 * {@code none}, for players that print {@code {\an8}} literally).
 *
 * @param qcProfileName the profile {@code check} uses when none is named on the command line
 * @param qcFps the frame rate the frame-based QC rules assume
 * @param profiles the profiles by name: the built-in ones, overridden or joined by configured ones
 * @param maxCaptionFileBytes caption files above this size are refused unread
 * @param repair which repair steps run
 */
public record Config(String qcProfileName, double qcFps, Map<String, QcProfile> profiles, long maxCaptionFileBytes,
                     RepairSteps repair) {

    /** The default for {@code captions.max-file-size}: far above any real caption file, far below the heap. */
    public static final long DEFAULT_MAX_CAPTION_FILE_BYTES = 200_000_000L;

    /** The default frame rate for frame-based QC rules (PAL, common for European interview footage). */
    public static final double DEFAULT_FPS = 25;

    private static final Map<String, String> RESERVED = Map.of(
            "organisation", "organisation",
            "warning", "warning.texts",
            "search", "search.synonyms",
            "stamp", "stamp.srt-position");

    /** Which repair steps run (white space, empty cues and order are always fixed). */
    public record RepairSteps(boolean collapseRolling, boolean mergeDuplicates, boolean fixTiming, boolean reflow) {
        public static RepairSteps all() {
            return new RepairSteps(true, true, true, true);
        }
    }

    public Config {
        Objects.requireNonNull(qcProfileName, "qcProfileName");
        Objects.requireNonNull(repair, "repair");
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        if (!profiles.containsKey(qcProfileName)) {
            throw new IllegalArgumentException("no QC profile '" + qcProfileName + "'");
        }
        if (!(qcFps > 0) || Double.isInfinite(qcFps)) {
            throw new IllegalArgumentException("fps " + qcFps);
        }
        if (maxCaptionFileBytes <= 0) {
            throw new IllegalArgumentException("max caption file size " + maxCaptionFileBytes);
        }
    }

    /** The configuration with no file: {@code netflix} at 25 fps, 200 MB caption files, every repair step. */
    public static Config defaults() {
        return new Config(QcProfile.defaults().name(), DEFAULT_FPS, QcProfile.builtIn(),
                DEFAULT_MAX_CAPTION_FILE_BYTES, RepairSteps.all());
    }

    /**
     * Reads a configuration file (UTF-8).
     *
     * @throws ConfigException when the file is not valid YAML, has an unknown key or a value capdex cannot use;
     *     the message starts with {@code file:line:}
     * @throws IOException when the file cannot be read
     */
    public static Config load(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(file.toString(), 0, "not UTF-8 text", e);
        }
        return parse(text, file.toString());
    }

    /** Reads a configuration from YAML text; fileName only labels messages. */
    public static Config parse(String yaml, String fileName) throws ConfigException {
        String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml; // a BOM some editors write
        return new Reader(fileName).read(YamlNode.parse(text, fileName));
    }

    /** The profile {@code check} uses by default ({@code qc.profile}). */
    public QcProfile qcProfile() {
        return profiles.get(qcProfileName);
    }

    /** A profile by name, built-in or configured, ignoring case. */
    public Optional<QcProfile> profile(String name) {
        return Optional.ofNullable(profiles.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Repair options aiming at the default QC profile at {@code qc.fps}, with the configured steps. */
    public RepairOptions repairOptions() {
        return repairOptions(qcProfile(), qcFps);
    }

    /** Repair options aiming at a profile and frame rate (as {@code check --profile --fps} name them). */
    public RepairOptions repairOptions(QcProfile profile, double fps) {
        return RepairOptions.forProfile(profile, fps).withCollapseRolling(repair.collapseRolling())
                .withMergeDuplicates(repair.mergeDuplicates()).withFixTiming(repair.fixTiming())
                .withReflow(repair.reflow());
    }

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)");

    /**
     * A size in bytes: a number of bytes ({@code 1048576}), or a number with a unit: {@code B}, SI units
     * {@code KB MB GB TB} (powers of 1000), binary units {@code KiB MiB GiB TiB} and the single letters
     * {@code k m g t} as the JVM's {@code -Xmx} reads them (powers of 1024). Case is ignored.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read '" + text + "' as a size: write it like 200MB, 1.5GB "
                    + "or 500KiB");
        }
        long unit = switch (m.group(2)) {
            case "", "b" -> 1L;
            case "kb" -> 1000L;
            case "mb" -> 1000_000L;
            case "gb" -> 1000_000_000L;
            case "tb" -> 1000_000_000_000L;
            case "k", "kib" -> 1L << 10;
            case "m", "mib" -> 1L << 20;
            case "g", "gib" -> 1L << 30;
            case "t", "tib" -> 1L << 40;
            default -> throw new IllegalArgumentException("unknown size unit '" + m.group(2) + "' in '" + text
                    + "' (use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB)");
        };
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
        if (bytes.signum() <= 0) {
            throw new IllegalArgumentException("a size must be above zero, not '" + text + "'");
        }
        try {
            return bytes.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("size '" + text + "' is too large");
        }
    }

    /** Walks the YAML tree once, checking every key and value. */
    private static final class Reader {
        private final String file;

        Reader(String file) {
            this.file = file;
        }

        Config read(YamlNode.Mapping root) throws ConfigException {
            Config d = defaults();
            String profileName = d.qcProfileName();
            YamlNode.Entry profileEntry = null;
            double fps = d.qcFps();
            Map<String, QcProfile> profiles = new LinkedHashMap<>(d.profiles());
            long maxBytes = d.maxCaptionFileBytes();
            RepairSteps steps = d.repair();
            for (YamlNode.Entry e : root.entries().values()) {
                if (e.value() == null) {
                    continue; // a key left empty keeps its default
                }
                switch (e.key()) {
                    case "qc" -> {
                        for (YamlNode.Entry q : mapping(e, "qc").entries().values()) {
                            if (q.value() == null) {
                                continue;
                            }
                            switch (q.key()) {
                                case "profile" -> {
                                    profileName = scalar(q, "qc.profile").toLowerCase(Locale.ROOT);
                                    profileEntry = q;
                                }
                                case "fps" -> fps = value(q, "qc.fps", Retime::parseFps);
                                case "profiles" -> {
                                    for (YamlNode.Entry p : mapping(q, "qc.profiles").entries().values()) {
                                        String name = p.key().toLowerCase(Locale.ROOT);
                                        QcProfile profile = profile(p, name, profiles);
                                        profiles.put(name, profile);
                                    }
                                }
                                default -> throw unknown(q, "qc." + q.key(), "profile, fps, profiles");
                            }
                        }
                    }
                    case "captions" -> {
                        for (YamlNode.Entry c : mapping(e, "captions").entries().values()) {
                            if (c.value() == null) {
                                continue;
                            }
                            if (!c.key().equals("max-file-size")) {
                                throw unknown(c, "captions." + c.key(), "max-file-size");
                            }
                            maxBytes = value(c, "captions.max-file-size", Config::parseSize);
                        }
                    }
                    case "repair" -> steps = repair(e, steps);
                    default -> {
                        String reserved = RESERVED.get(e.key());
                        if (reserved != null) {
                            throw new ConfigException(file, e.line(), "key '" + reserved + "' is reserved for a "
                                    + "later version of capdex and not read yet; remove it");
                        }
                        throw unknown(e, e.key(), "qc, captions, repair");
                    }
                }
            }
            if (!profiles.containsKey(profileName)) {
                throw new ConfigException(file, profileEntry == null ? 0 : profileEntry.value().line(),
                        "qc.profile: no profile named '" + profileName + "' (known: "
                                + String.join(", ", profiles.keySet()) + ")");
            }
            return new Config(profileName, fps, profiles, maxBytes, steps);
        }

        private RepairSteps repair(YamlNode.Entry e, RepairSteps steps) throws ConfigException {
            boolean rolling = steps.collapseRolling();
            boolean duplicates = steps.mergeDuplicates();
            boolean timing = steps.fixTiming();
            boolean reflow = steps.reflow();
            for (YamlNode.Entry r : mapping(e, "repair").entries().values()) {
                if (r.value() == null) {
                    continue;
                }
                String key = "repair." + r.key();
                switch (r.key()) {
                    case "collapse-rolling" -> rolling = bool(r, key);
                    case "merge-duplicates" -> duplicates = bool(r, key);
                    case "fix-timing" -> timing = bool(r, key);
                    case "reflow" -> reflow = bool(r, key);
                    default -> throw unknown(r, key, "collapse-rolling, merge-duplicates, fix-timing, reflow");
                }
            }
            return new RepairSteps(rolling, duplicates, timing, reflow);
        }

        private QcProfile profile(YamlNode.Entry p, String name, Map<String, QcProfile> known)
                throws ConfigException {
            String prefix = "qc.profiles." + p.key();
            YamlNode.Mapping m = p.value() == null ? new YamlNode.Mapping(Map.of(), p.line()) : mapping(p, prefix);
            QcProfile base = known.getOrDefault(name, QcProfile.defaults());
            YamlNode.Entry ext = m.entries().get("extends");
            if (ext != null && ext.value() != null) {
                String baseName = scalar(ext, prefix + ".extends").toLowerCase(Locale.ROOT);
                base = known.get(baseName);
                if (base == null) {
                    throw new ConfigException(file, ext.value().line(), prefix + ".extends: no profile named '"
                            + baseName + "' (known: " + String.join(", ", known.keySet()) + ")");
                }
            }
            int maxChars = base.maxCharsPerLine();
            int maxLines = base.maxLines();
            double cps = base.maxCharsPerSecond();
            double cpsOther = base.maxCharsPerSecondOther();
            double wpm = base.maxWordsPerMinute();
            long minMs = base.minDurationMs();
            long perWordMs = base.minMsPerWord();
            long maxMs = base.maxDurationMs();
            double gapFrames = base.minGapFrames();
            Map<String, Severity> severities = new LinkedHashMap<>(base.severities());
            for (YamlNode.Entry t : m.entries().values()) {
                if (t.value() == null || t.key().equals("extends")) {
                    continue;
                }
                String key = prefix + "." + t.key();
                switch (t.key()) {
                    case "max-chars-per-line" -> maxChars = value(t, key, Reader::count);
                    case "max-lines" -> maxLines = value(t, key, Reader::count);
                    case "max-chars-per-second" -> cps = value(t, key, Reader::rate);
                    case "max-chars-per-second-other" -> cpsOther = value(t, key, Reader::rate);
                    case "max-words-per-minute" -> wpm = value(t, key, Reader::rate);
                    case "min-duration" -> minMs = value(t, key, Reader::duration);
                    case "min-duration-per-word" -> perWordMs = value(t, key, Reader::duration);
                    case "max-duration" -> maxMs = value(t, key, Reader::duration);
                    case "min-gap-frames" -> gapFrames = value(t, key, Reader::rate);
                    case "severity" -> {
                        for (YamlNode.Entry s : mapping(t, key).entries().values()) {
                            if (s.value() == null) {
                                continue;
                            }
                            ProblemCode code = QcProfile.rules().stream().filter(r -> r.id().equals(s.key()))
                                    .findFirst().orElse(null);
                            if (code == null) {
                                throw unknown(s, key + "." + s.key(), String.join(", ",
                                        QcProfile.rules().stream().map(ProblemCode::id).toList()));
                            }
                            severities.put(code.id(), value(s, key + "." + s.key(), Reader::severity));
                        }
                    }
                    default -> throw unknown(t, key, "extends, max-chars-per-line, max-lines, "
                            + "max-chars-per-second, max-chars-per-second-other, max-words-per-minute, "
                            + "min-duration, min-duration-per-word, max-duration, min-gap-frames, severity");
                }
            }
            try {
                return new QcProfile(name, maxChars, maxLines, cps, cpsOther, wpm, minMs, perWordMs, maxMs, gapFrames,
                        severities);
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(file, p.line(), prefix + ": " + ex.getMessage());
            }
        }

        private static int count(String s) {
            if (!s.matches("\\d{1,6}")) {
                throw new IllegalArgumentException("expected a whole number of 0 or more, not '" + s + "'");
            }
            return Integer.parseInt(s);
        }

        private static double rate(String s) {
            if (!s.matches("\\d+(\\.\\d+)?")) {
                throw new IllegalArgumentException("expected a number of 0 or more, not '" + s + "'");
            }
            return Double.parseDouble(s);
        }

        private static long duration(String s) {
            if (s.matches("[+-]?\\d+(\\.\\d+)?")) {
                throw new IllegalArgumentException("'" + s + "' needs a unit, like 2s or 833ms");
            }
            if (s.startsWith("-")) {
                throw new IllegalArgumentException("a duration cannot be negative: '" + s + "'");
            }
            return Retime.parseOffset(s);
        }

        private static Severity severity(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "warning" -> Severity.WARNING;
                case "error" -> Severity.ERROR;
                default -> throw new IllegalArgumentException("expected warning or error, not '" + s + "'");
            };
        }

        private boolean bool(YamlNode.Entry e, String key) throws ConfigException {
            return value(e, key, s -> switch (s.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw new IllegalArgumentException("expected true or false, not '" + s + "'");
            });
        }

        private interface Parse<T> {
            T apply(String text);
        }

        private <T> T value(YamlNode.Entry e, String key, Parse<T> parse) throws ConfigException {
            String text = scalar(e, key);
            try {
                return parse.apply(text.strip());
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(file, e.value().line(), key + ": " + ex.getMessage(), ex);
            }
        }

        private String scalar(YamlNode.Entry e, String key) throws ConfigException {
            if (!(e.value() instanceof YamlNode.Scalar s)) {
                throw new ConfigException(file, e.line(), key + ": expected a single value, not a "
                        + (e.value() instanceof YamlNode.Sequence ? "list" : "mapping"));
            }
            return s.text();
        }

        private YamlNode.Mapping mapping(YamlNode.Entry e, String key) throws ConfigException {
            if (!(e.value() instanceof YamlNode.Mapping m)) {
                throw new ConfigException(file, e.line(), key + ": expected keys under it, not a "
                        + (e.value() instanceof YamlNode.Sequence ? "list" : "single value"));
            }
            return m;
        }

        private ConfigException unknown(YamlNode.Entry e, String key, String known) {
            return new ConfigException(file, e.line(), "unknown key '" + key + "' (known here: " + known + ")");
        }
    }
}
