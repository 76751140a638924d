package io.capdex.batch;

import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * BCP 47 tags for discovery: reads a language from a file-name segment or a CSV cell, and folds the ISO 639-2
 * codes containers carry ({@code eng}, {@code spa}, {@code ger}) to BCP 47. Kept private and small on purpose:
 * the full mapping table lives in {@code io.capdex.detect} and replaces this one when it lands.
 */
final class LanguageTags {
    // ISO 639-2/T and /B codes of the languages an interview archive most often holds, and ISO 639-3 ones a
    // detector returns for them (cmn for Mandarin). Anything else with a 2-letter ISO 639-1 code is accepted as is.
    private static final Map<String, String> THREE_LETTER = Map.ofEntries(
            Map.entry("eng", "en"), Map.entry("spa", "es"), Map.entry("fra", "fr"), Map.entry("fre", "fr"),
            Map.entry("deu", "de"), Map.entry("ger", "de"), Map.entry("ita", "it"), Map.entry("por", "pt"),
            Map.entry("zho", "zh"), Map.entry("chi", "zh"), Map.entry("cmn", "zh"), Map.entry("jpn", "ja"),
            Map.entry("kor", "ko"), Map.entry("rus", "ru"), Map.entry("ara", "ar"), Map.entry("hin", "hi"),
            Map.entry("hye", "hy"), Map.entry("arm", "hy"), Map.entry("nld", "nl"), Map.entry("dut", "nl"),
            Map.entry("pol", "pl"), Map.entry("tur", "tr"), Map.entry("vie", "vi"), Map.entry("ukr", "uk"),
            Map.entry("swe", "sv"), Map.entry("fas", "fa"), Map.entry("per", "fa"), Map.entry("heb", "he"),
            Map.entry("ell", "el"), Map.entry("gre", "el"), Map.entry("ces", "cs"), Map.entry("cze", "cs"),
            Map.entry("ron", "ro"), Map.entry("rum", "ro"), Map.entry("hun", "hu"), Map.entry("dan", "da"),
            Map.entry("fin", "fi"), Map.entry("nor", "no"), Map.entry("nob", "nb"), Map.entry("tha", "th"),
            Map.entry("ind", "id"), Map.entry("msa", "ms"), Map.entry("may", "ms"), Map.entry("ben", "bn"),
            Map.entry("urd", "ur"), Map.entry("tgl", "tl"), Map.entry("cat", "ca"), Map.entry("eus", "eu"),
            Map.entry("baq", "eu"), Map.entry("glg", "gl"), Map.entry("kat", "ka"), Map.entry("geo", "ka"),
            Map.entry("bul", "bg"), Map.entry("hrv", "hr"), Map.entry("srp", "sr"), Map.entry("slk", "sk"),
            Map.entry("slo", "sk"), Map.entry("slv", "sl"), Map.entry("lit", "lt"), Map.entry("lav", "lv"),
            Map.entry("est", "et"), Map.entry("swa", "sw"), Map.entry("amh", "am"), Map.entry("som", "so"),
            Map.entry("tam", "ta"), Map.entry("tel", "te"), Map.entry("mar", "mr"), Map.entry("pan", "pa"),
            Map.entry("guj", "gu"), Map.entry("mal", "ml"), Map.entry("kan", "kn"), Map.entry("cym", "cy"),
            Map.entry("wel", "cy"), Map.entry("gle", "ga"), Map.entry("isl", "is"), Map.entry("ice", "is"),
            Map.entry("sqi", "sq"), Map.entry("alb", "sq"), Map.entry("mkd", "mk"), Map.entry("mac", "mk"),
            // no 2-letter code exists for these; they stay three letters in BCP 47
            Map.entry("fil", "fil"), Map.entry("yue", "yue"), Map.entry("haw", "haw"), Map.entry("ast", "ast"));

    /** Codes that name no particular language: undetermined, multiple, no linguistic content. */
    private static final Set<String> NO_LANGUAGE = Set.of("und", "mul", "zxx", "mis");

    private static final Set<String> TWO_LETTER = new HashSet<>(Set.of(Locale.getISOLanguages()));

    // a primary subtag, then subtags of 1-8 letters or digits (script, region, variants); '_' is accepted for '-'
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*");

    private LanguageTags() {
    }

    /**
     * The normalised BCP 47 tag a file-name segment or CSV cell names ({@code pt-br} → {@code pt-BR},
     * {@code zh-hant} → {@code zh-Hant}, {@code eng} → {@code en}), or empty when it is not a language this table
     * knows: the primary subtag must be an ISO 639-1 code or one of the ISO 639-2 codes above.
     */
    static Optional<String> parse(String text) {
        if (!SHAPE.matcher(text).matches()) {
            return Optional.empty();
        }
        String[] parts = text.replace('_', '-').split("-", 2);
        String primary = parts[0].toLowerCase(Locale.ROOT);
        if (NO_LANGUAGE.contains(primary)) {
            return Optional.empty();
        }
        String folded = primary.length() == 3 ? THREE_LETTER.get(primary) : TWO_LETTER.contains(primary) ? primary : null;
        if (folded == null) {
            return Optional.empty();
        }
        String tag = parts.length == 1 ? folded : folded + "-" + parts[1];
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            String normalised = locale.toLanguageTag();
            // Locale keeps a few deprecated codes apart (iw, in, ji); keep what the file said after folding
            return Optional.of(normalised.startsWith(folded) ? normalised : tag);
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    /** The BCP 47 tag for a container's ISO 639-2 language tag ({@code eng} → {@code en}); empty for {@code und}. */
    static Optional<String> fromContainer(String iso639) {
        return parse(iso639.strip());
    }

    /** Whether two tags name the same spoken language: their primary subtags agree ({@code en} and {@code en-GB}). */
    static boolean sameLanguage(String a, String b) {
        return !a.isEmpty() && !b.isEmpty() && primary(a).equals(primary(b));
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
