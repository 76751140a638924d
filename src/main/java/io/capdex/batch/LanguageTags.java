package io.capdex.batch;

import io.capdex.caption.Language;
import io.capdex.caption.Languages;

import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * BCP 47 tags for discovery: reads a language from a file-name segment or a CSV cell, and folds the ISO 639-2
 * codes containers carry ({@code eng}, {@code spa}, {@code ger}) to BCP 47. Kept private and small on purpose:
 * the full mapping table lives in {@code io.capdex.detect} and replaces this one when it lands.
 */
final class LanguageTags {
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
     * knows: the primary subtag must be an ISO 639-1 code or an ISO 639-2/3 code in {@link Languages}.
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
        // three-letter codes fold through capdex's one language table (eng, spa, ger, hye …)
        String folded = primary.length() == 3 ? Languages.byCode(primary).map(Language::tag).orElse(null)
                : TWO_LETTER.contains(primary) ? primary : null;
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
