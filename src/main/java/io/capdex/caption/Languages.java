package io.capdex.caption;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one table that folds language codes into each other: BCP 47 tags, ISO 639-3 (what the OpenNLP detector
 * returns), ISO 639-2/T (MP4: {@code eng}, {@code spa}, {@code deu}) and ISO 639-2/B (Matroska: {@code ger},
 * {@code fre}, {@code arm}). Pure data; thread-safe.
 */
public final class Languages {
    /** The ISO 639-2 code for "undetermined", which MP4 and Matroska use when a track's language is unknown. */
    public static final String UNDETERMINED_CODE = "und";

    private static final List<Language> ALL;
    private static final Map<String, Language> BY_CODE;

    static {
        List<Language> all = new ArrayList<>();
        Map<String, Language> byCode = new HashMap<>();
        // tag, ISO 639-3, ISO 639-2/T, ISO 639-2/B, name, then ISO 639-3 codes of individual languages that the
        // detector returns for a macrolanguage (OpenNLP's model says cmn, pes, zsm, lvs, ekk, swh, …)
        Object[][] rows = {
                {"en", "eng", "eng", "eng", "English"},
                {"es", "spa", "spa", "spa", "Spanish"},
                {"fr", "fra", "fra", "fre", "French"},
                {"de", "deu", "deu", "ger", "German"},
                {"it", "ita", "ita", "ita", "Italian"},
                {"pt", "por", "por", "por", "Portuguese"},
                {"nl", "nld", "nld", "dut", "Dutch"},
                {"ru", "rus", "rus", "rus", "Russian"},
                {"zh", "zho", "zho", "chi", "Chinese", "cmn"},
                {"yue", "yue", "chi", "chi", "Cantonese"},
                {"ja", "jpn", "jpn", "jpn", "Japanese"},
                {"ko", "kor", "kor", "kor", "Korean"},
                {"ar", "ara", "ara", "ara", "Arabic", "arb"},
                {"hi", "hin", "hin", "hin", "Hindi"},
                {"bn", "ben", "ben", "ben", "Bengali"},
                {"ur", "urd", "urd", "urd", "Urdu"},
                {"pa", "pan", "pan", "pan", "Punjabi"},
                {"fa", "fas", "fas", "per", "Persian", "pes", "prs"},
                {"tr", "tur", "tur", "tur", "Turkish"},
                {"pl", "pol", "pol", "pol", "Polish"},
                {"uk", "ukr", "ukr", "ukr", "Ukrainian"},
                {"ro", "ron", "ron", "rum", "Romanian"},
                {"el", "ell", "ell", "gre", "Greek"},
                {"cs", "ces", "ces", "cze", "Czech"},
                {"sk", "slk", "slk", "slo", "Slovak"},
                {"hu", "hun", "hun", "hun", "Hungarian"},
                {"sv", "swe", "swe", "swe", "Swedish"},
                {"da", "dan", "dan", "dan", "Danish"},
                {"no", "nor", "nor", "nor", "Norwegian"},
                {"nb", "nob", "nob", "nob", "Norwegian Bokmål"},
                {"nn", "nno", "nno", "nno", "Norwegian Nynorsk"},
                {"fi", "fin", "fin", "fin", "Finnish"},
                {"is", "isl", "isl", "ice", "Icelandic"},
                {"he", "heb", "heb", "heb", "Hebrew"},
                {"id", "ind", "ind", "ind", "Indonesian"},
                {"ms", "msa", "msa", "may", "Malay", "zsm"},
                {"vi", "vie", "vie", "vie", "Vietnamese"},
                {"th", "tha", "tha", "tha", "Thai"},
                {"tl", "tgl", "tgl", "tgl", "Tagalog"},
                // no ISO 639-1 code: these stay three letters in BCP 47
                {"fil", "fil", "fil", "fil", "Filipino"},
                {"haw", "haw", "haw", "haw", "Hawaiian"},
                {"ast", "ast", "ast", "ast", "Asturian"},
                {"sw", "swa", "swa", "swa", "Swahili", "swh"},
                {"ca", "cat", "cat", "cat", "Catalan"},
                {"eu", "eus", "eus", "baq", "Basque"},
                {"gl", "glg", "glg", "glg", "Galician"},
                {"hy", "hye", "hye", "arm", "Armenian"},
                {"ka", "kat", "kat", "geo", "Georgian"},
                {"sq", "sqi", "sqi", "alb", "Albanian", "als"},
                {"mk", "mkd", "mkd", "mac", "Macedonian"},
                {"bg", "bul", "bul", "bul", "Bulgarian"},
                {"hr", "hrv", "hrv", "hrv", "Croatian"},
                {"sr", "srp", "srp", "srp", "Serbian"},
                {"bs", "bos", "bos", "bos", "Bosnian"},
                {"sl", "slv", "slv", "slv", "Slovenian"},
                {"lt", "lit", "lit", "lit", "Lithuanian"},
                {"lv", "lav", "lav", "lav", "Latvian", "lvs"},
                {"et", "est", "est", "est", "Estonian", "ekk"},
                {"cy", "cym", "cym", "wel", "Welsh"},
                {"ga", "gle", "gle", "gle", "Irish"},
                {"lb", "ltz", "ltz", "ltz", "Luxembourgish"},
                {"ta", "tam", "tam", "tam", "Tamil"},
                {"te", "tel", "tel", "tel", "Telugu"},
                {"mr", "mar", "mar", "mar", "Marathi"},
                {"gu", "guj", "guj", "guj", "Gujarati"},
                {"kn", "kan", "kan", "kan", "Kannada"},
                {"ml", "mal", "mal", "mal", "Malayalam"},
                {"ne", "nep", "nep", "nep", "Nepali", "npi"},
                {"si", "sin", "sin", "sin", "Sinhala"},
                {"af", "afr", "afr", "afr", "Afrikaans"},
                {"am", "amh", "amh", "amh", "Amharic"},
                {"az", "aze", "aze", "aze", "Azerbaijani", "azj"},
                {"kk", "kaz", "kaz", "kaz", "Kazakh"},
                {"uz", "uzb", "uzb", "uzb", "Uzbek", "uzn"},
                {"mn", "mon", "mon", "mon", "Mongolian", "khk"},
                {"so", "som", "som", "som", "Somali"},
                {"yo", "yor", "yor", "yor", "Yoruba"},
                {"ha", "hau", "hau", "hau", "Hausa"},
                {"zu", "zul", "zul", "zul", "Zulu"},
                {"yi", "yid", "yid", "yid", "Yiddish", "ydd"},
                {"la", "lat", "lat", "lat", "Latin"},
                {"eo", "epo", "epo", "epo", "Esperanto"},
        };
        for (Object[] row : rows) {
            Language language = new Language((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    (String) row[4]);
            all.add(language);
            // the first row claiming a code wins: Cantonese shares chi/zho's 639-2 codes but not the lookup
            byCode.putIfAbsent(language.tag(), language);
            byCode.putIfAbsent(language.iso639Part3(), language);
            byCode.putIfAbsent(language.iso639Part2T(), language);
            byCode.putIfAbsent(language.iso639Part2B(), language);
            for (int i = 5; i < row.length; i++) {
                byCode.putIfAbsent((String) row[i], language);
            }
        }
        ALL = Collections.unmodifiableList(all);
        BY_CODE = Collections.unmodifiableMap(byCode);
    }

    private Languages() {
    }

    /** Every language in the table, most widely used first. */
    public static List<Language> all() {
        return ALL;
    }

    /**
     * The language a code names, whatever the code system: a BCP 47 tag (only its primary subtag counts, so
     * {@code pt-BR} and {@code es_419} are Portuguese and Spanish), ISO 639-3 (with the individual-language codes
     * the detector uses for macrolanguages, {@code cmn} → Chinese), ISO 639-2/T or /B. Case-insensitive; empty
     * for codes outside the table and for {@code und}.
     */
    public static Optional<Language> byCode(String code) {
        String primary = primarySubtag(code);
        return Optional.ofNullable(BY_CODE.get(primary));
    }

    /**
     * The BCP 47 tag for any code, its primary language folded through the table ({@code por} and {@code pt}
     * become {@code pt}, {@code ger} becomes {@code de}) and its script and region kept in canonical case
     * ({@code pt_br} becomes {@code pt-BR}). A well-formed code outside the table is returned lowercased
     * ({@code haw}); an empty or malformed code is {@code und}.
     */
    public static String toTag(String code) {
        String trimmed = code.strip().replace('_', '-');
        if (trimmed.isEmpty()) {
            return UNDETERMINED_CODE;
        }
        Locale locale = Locale.forLanguageTag(trimmed);
        String primary = primarySubtag(trimmed);
        if (!primary.matches("[a-z]{2,3}")) {
            return UNDETERMINED_CODE;
        }
        String tag = byCode(primary).map(Language::tag).orElse(primary);
        Locale.Builder builder = new Locale.Builder();
        try {
            builder.setLanguage(tag).setScript(locale.getScript()).setRegion(locale.getCountry());
        } catch (IllformedLocaleException e) {
            return tag; // a malformed region or script is dropped rather than failing a batch over a label
        }
        return builder.build().toLanguageTag();
    }

    /** The ISO 639-2/T code MP4 stores for a BCP 47 tag ({@code de-AT} → {@code deu}); {@code und} when unknown. */
    public static String mp4Code(String tag) {
        return byCode(tag).map(Language::iso639Part2T).orElse(UNDETERMINED_CODE);
    }

    /** The ISO 639-2/B code Matroska stores for a BCP 47 tag ({@code de} → {@code ger}); {@code und} when unknown. */
    public static String mkvCode(String tag) {
        return byCode(tag).map(Language::iso639Part2B).orElse(UNDETERMINED_CODE);
    }

    private static String primarySubtag(String code) {
        String lower = code.strip().toLowerCase(Locale.ROOT);
        int cut = 0;
        while (cut < lower.length() && lower.charAt(cut) != '-' && lower.charAt(cut) != '_') {
            cut++;
        }
        return lower.substring(0, cut);
    }
}
