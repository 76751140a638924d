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
 * built-in profile or defining a new one), {@code captions.max-file-size}, {@code repair.*} (which repair
 * steps run), {@code organisation} (the name in the warning text), {@code warning.texts} and
 * {@code warning.labels} (extra or changed warning texts and short labels by language) and
 * {@code stamp.srt-position} ({@code an8} or {@code none}, for players that print {@code {\an8}} literally).
 * Reserved for a later version, and refused until then with a message saying so: {@code search.synonyms} (the
 * synonyms file).
 *
 * @param qcProfileName the profile {@code check} uses when none is named on the command line
 * @param qcFps the frame rate the frame-based QC rules assume
 * @param profiles the profiles by name: the built-in ones, overridden or joined by configured ones
 * @param maxCaptionFileBytes caption files above this size are refused unread
 * @param repair which repair steps run
 * @param organisation the organisation named in the AI-accuracy warning ({@code {org}} in its texts)
 * @param warningTexts warning texts by language tag, adding to or replacing the shipped ones
 * @param warningLabels short labels ("AI-generated subtitles") by language tag, adding to or replacing shipped ones
 * @param srtPosition where SRT warning cues go
 */
public record Config(String qcProfileName, double qcFps, Map<String, QcProfile> profiles, long maxCaptionFileBytes,
                     RepairSteps repair, String organisation, Map<String, String> warningTexts,
                     Map<String, String> warningLabels, SrtPosition srtPosition) {

    /** The default for {@code captions.max-file-size}: far above any real caption file, far below the heap. */
    public static final long DEFAULT_MAX_CAPTION_FILE_BYTES = 200_000_000L;

    /** The default frame rate for frame-based QC rules (PAL, common for European interview footage). */
    public static final double DEFAULT_FPS = 25;

    /** The organisation the warning names when {@code organisation} is not set. */
    public static final String DEFAULT_ORGANISATION = "Know ALL";

    private static final Map<String, String> RESERVED = Map.of(
            "search", "search.synonyms");

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    /** Where SRT warning cues go ({@code stamp.srt-position}). */
    public enum SrtPosition {
        /** {@code {\an8}}: the top of the picture (the default). */
        AN8,
        /** No position tag, for the few players that print {@code {\an8}} literally. */
        NONE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which repair steps run (white space, empty cues and order are always fixed). */
    public record RepairSteps(boolean collapseRolling, boolean mergeDuplicates, boolean fixTiming, boolean reflow) {
        public static RepairSteps all() {
            return new RepairSteps(true, true, true, true);
        }
    }

    public Config {
        Objects.requireNonNull(qcProfileName, "qcProfileName");
        Objects.requireNonNull(repair, "repair");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(srtPosition, "srtPosition");
        warningTexts = Collections.unmodifiableMap(new LinkedHashMap<>(warningTexts));
        warningLabels = Collections.unmodifiableMap(new LinkedHashMap<>(warningLabels));
        if (organisation.isBlank()) {
            throw new IllegalArgumentException("blank organisation");
        }
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

    /** A configuration with the warning and stamp settings at their defaults (the form before they existed). */
    public Config(String qcProfileName, double qcFps, Map<String, QcProfile> profiles, long maxCaptionFileBytes,
                  RepairSteps repair) {
        this(qcProfileName, qcFps, profiles, maxCaptionFileBytes, repair, DEFAULT_ORGANISATION, Map.of(), Map.of(),
                SrtPosition.AN8);
    }

    /**
     * The configuration with no file: {@code netflix} at 25 fps, 200 MB caption files, every repair step, the
     * shipped warning texts naming {@value #DEFAULT_ORGANISATION}, SRT warnings at the top ({@code {\an8}}).
     */
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
            String organisation = d.organisation();
            Map<String, String> texts = new LinkedHashMap<>();
            Map<String, String> labels = new LinkedHashMap<>();
            SrtPosition srtPosition = d.srtPosition();
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
                    case "organisation" -> organisation = value(e, "organisation", Reader::organisation);
                    case "warning" -> {
                        for (YamlNode.Entry w : mapping(e, "warning").entries().values()) {
                            if (w.value() == null) {
                                continue;
                            }
                            switch (w.key()) {
                                case "texts" -> byLanguage(w, "warning.texts", texts);
                                case "labels" -> byLanguage(w, "warning.labels", labels);
                                default -> throw unknown(w, "warning." + w.key(), "texts, labels");
                            }
                        }
                    }
                    case "stamp" -> {
                        for (YamlNode.Entry st : mapping(e, "stamp").entries().values()) {
                            if (st.value() == null) {
                                continue;
                            }
                            if (!st.key().equals("srt-position")) {
                                throw unknown(st, "stamp." + st.key(), "srt-position");
                            }
                            srtPosition = value(st, "stamp.srt-position", s -> switch (s.toLowerCase(Locale.ROOT)) {
                                case "an8" -> SrtPosition.AN8;
                                case "none" -> SrtPosition.NONE;
                                default -> throw new IllegalArgumentException("expected an8 or none, not '" + s
                                        + "'");
                            });
                        }
                    }
                    default -> {
                        String reserved = RESERVED.get(e.key());
                        if (reserved != null) {
                            throw new ConfigException(file, e.line(), "key '" + reserved + "' is reserved for a "
                                    + "later version of capdex and not read yet; remove it");
                        }
                        throw unknown(e, e.key(), "qc, captions, repair, organisation, warning, stamp");
                    }
                }
            }
            if (!profiles.containsKey(profileName)) {
                throw new ConfigException(file, profileEntry == null ? 0 : profileEntry.value().line(),
                        "qc.profile: no profile named '" + profileName + "' (known: "
                                + String.join(", ", profiles.keySet()) + ")");
            }
            return new Config(profileName, fps, profiles, maxBytes, steps, organisation, texts, labels,
                    srtPosition);
        }

        private static String organisation(String s) {
            if (s.isEmpty() || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("expected the organisation's name on one line");
            }
            return s;
        }

        /** A mapping of language tags to one-paragraph texts ({@code warning.texts}, {@code warning.labels}). */
        private void byLanguage(YamlNode.Entry e, String key, Map<String, String> into) throws ConfigException {
            for (YamlNode.Entry t : mapping(e, key).entries().values()) {
                if (t.value() == null) {
                    continue;
                }
                String k = key + "." + t.key();
                if (!LANGUAGE_TAG.matcher(t.key()).matches()) {
                    throw new ConfigException(file, t.line(), k + ": '" + t.key() + "' is not a language tag "
                            + "(like en, es, pt-BR)");
                }
                String text = value(t, k, s -> {
                    if (s.isEmpty()) {
                        throw new IllegalArgumentException("the text is blank");
                    }
                    if (s.contains("-->")) {
                        throw new IllegalArgumentException("the text holds '-->', which caption files read as a "
                                + "timing");
                    }
                    return s.replaceAll("\\s+", " ");
                });
                into.put(t.key().toLowerCase(Locale.ROOT), text);
            }
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
