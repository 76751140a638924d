package io.capdex.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The AI-subtitle accuracy warning texts and short labels by language: the shipped ones (en, es, fr, de, it, pt,
 * the publisher's wording, from {@code warning-texts.properties}) with configured ones added or replacing them,
 * and {@code {org}} replaced by the organisation name. A language without a text gets English, flagged as a
 * fallback. Immutable and thread-safe.
 */
public final class WarningTexts {
    /** The organisation named when the configuration names none. */
    public static final String DEFAULT_ORGANISATION = "Know ALL";

    /** The language every other language falls back to. */
    public static final String FALLBACK_LANGUAGE = "en";

    /** The placeholder for the organisation name in texts. */
    public static final String ORG_PLACEHOLDER = "{org}";

    private static final String RESOURCE = "warning-texts.properties";
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    private static final Shipped SHIPPED = Shipped.load();

    private final String organisation;
    private final Map<String, String> texts;
    private final Map<String, String> labels;

    private WarningTexts(String organisation, Map<String, String> texts, Map<String, String> labels) {
        this.organisation = organisation;
        this.texts = texts;
        this.labels = labels;
    }

    /** The shipped texts naming {@value #DEFAULT_ORGANISATION}. */
    public static WarningTexts shipped() {
        return of(DEFAULT_ORGANISATION, Map.of(), Map.of());
    }

    /**
     * The shipped texts and labels, with {@code texts} and {@code labels} (by BCP 47 language tag, case ignored)
     * added or replacing shipped ones, and {@code {org}} replaced by {@code organisation} everywhere.
     *
     * @throws IllegalArgumentException for a blank or multi-line organisation, a malformed language tag, a blank
     *     text, a text holding a control character or {@code -->} (it would end a WebVTT NOTE block); the message
     *     names the language
     */
    public static WarningTexts of(String organisation, Map<String, String> texts, Map<String, String> labels) {
        Objects.requireNonNull(organisation, "organisation");
        String org = organisation.strip();
        if (org.isEmpty() || org.indexOf('\n') >= 0 || org.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the organisation name must be one non-blank line, not '"
                    + organisation + "'");
        }
        return new WarningTexts(org, merge(SHIPPED.texts, texts, org, "text"),
                merge(SHIPPED.labels, labels, org, "label"));
    }

    private static Map<String, String> merge(Map<String, String> shipped, Map<String, String> configured,
                                             String org, String what) {
        Map<String, String> out = new TreeMap<>();
        shipped.forEach((lang, text) -> out.put(lang, text.replace(ORG_PLACEHOLDER, org)));
        configured.forEach((lang, text) -> {
            if (!LANGUAGE_TAG.matcher(lang).matches()) {
                throw new IllegalArgumentException("'" + lang + "' is not a language tag (like en, pt-BR) for a "
                        + "warning " + what);
            }
            String t = text.strip();
            if (t.isEmpty()) {
                throw new IllegalArgumentException("the warning " + what + " for '" + lang + "' is blank");
            }
            if (t.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7F)) {
                throw new IllegalArgumentException("the warning " + what + " for '" + lang + "' holds a control "
                        + "character, which caption formats cannot carry");
            }
            if (t.contains("-->")) {
                throw new IllegalArgumentException("the warning " + what + " for '" + lang + "' holds '-->', "
                        + "which caption files read as a timing");
            }
            // one paragraph: line breaks inside a text are the layout's business, not the configuration's
            out.put(lang.toLowerCase(Locale.ROOT), t.replaceAll("\\s+", " ").replace(ORG_PLACEHOLDER, org));
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(out));
    }

    public String organisation() {
        return organisation;
    }

    /** The languages with a text of their own (lower case, sorted). */
    public Set<String> languages() {
        return texts.keySet();
    }

    /**
     * The warning for a BCP 47 language: the exact tag, else its shorter prefixes ({@code pt-BR} gets
     * {@code pt}), else English with {@link WarningText#fellBack()} set ({@code und} included).
     */
    public WarningText textFor(String language) {
        return lookup(texts, language);
    }

    /** The short label ("AI-generated subtitles") for a language, looked up as {@link #textFor}. */
    public WarningText labelFor(String language) {
        return lookup(labels, language);
    }

    /** Every text this configuration holds, one per language: what {@code verify} accepts. */
    public List<WarningText> all() {
        List<WarningText> out = new ArrayList<>(texts.size());
        texts.forEach((lang, text) -> out.add(new WarningText(lang, text, false)));
        return out;
    }

    private static WarningText lookup(Map<String, String> map, String language) {
        String tag = language.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        while (!tag.isEmpty()) {
            String text = map.get(tag);
            if (text != null) {
                return new WarningText(tag, text, false);
            }
            int dash = tag.lastIndexOf('-');
            tag = dash < 0 ? "" : tag.substring(0, dash);
        }
        return new WarningText(FALLBACK_LANGUAGE, map.get(FALLBACK_LANGUAGE), true);
    }

    /**
     * The form texts are compared in: Unicode NFKC, typographic quotes and apostrophes as ASCII ones, every run
     * of white space (no-break spaces and line breaks included) as one space, trimmed, lower case. Players,
     * editors and format conversions change exactly these things without changing the words.
     */
    public static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085') {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u2032', '\u00B4' -> '\'';
                case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB' -> '"';
                default -> c;
            });
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** The texts and labels shipped in the resource file. */
    private record Shipped(Map<String, String> texts, Map<String, String> labels) {
        static Shipped load() {
            Properties p = new Properties();
            try (InputStream in = WarningTexts.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the resource " + RESOURCE + " is missing from the build");
                }
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> texts = new TreeMap<>();
            Map<String, String> labels = new TreeMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("text.")) {
                    texts.put(key.substring(5), p.getProperty(key));
                } else if (key.startsWith("label.")) {
                    labels.put(key.substring(6), p.getProperty(key));
                }
            }
            if (!texts.containsKey(FALLBACK_LANGUAGE) || !labels.containsKey(FALLBACK_LANGUAGE)) {
                throw new IllegalStateException(RESOURCE + " has no English text or label");
            }
            return new Shipped(texts, labels);
        }
    }
}
