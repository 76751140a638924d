package io.capdex.media;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * BCP 47 language tags to the ISO 639-2 codes containers store: the terminology form (T: {@code deu},
 * {@code fra}) for MP4, the bibliographic form (B: {@code ger}, {@code fre}) for Matroska.
 */
final class LanguageCodes {
    /** Two-letter code, 639-2/T, 639-2/B (the same for most languages). */
    private static final String[][] TABLE = {
        {"ar", "ara", "ara"}, {"bg", "bul", "bul"}, {"bn", "ben", "ben"}, {"bo", "bod", "tib"},
        {"ca", "cat", "cat"}, {"cs", "ces", "cze"}, {"cy", "cym", "wel"}, {"da", "dan", "dan"},
        {"de", "deu", "ger"}, {"el", "ell", "gre"}, {"en", "eng", "eng"}, {"es", "spa", "spa"},
        {"et", "est", "est"}, {"eu", "eus", "baq"}, {"fa", "fas", "per"}, {"fi", "fin", "fin"},
        {"fr", "fra", "fre"}, {"ga", "gle", "gle"}, {"gl", "glg", "glg"}, {"he", "heb", "heb"},
        {"hi", "hin", "hin"}, {"hr", "hrv", "hrv"}, {"hu", "hun", "hun"}, {"hy", "hye", "arm"},
        {"id", "ind", "ind"}, {"is", "isl", "ice"}, {"it", "ita", "ita"}, {"ja", "jpn", "jpn"},
        {"ka", "kat", "geo"}, {"ko", "kor", "kor"}, {"lt", "lit", "lit"}, {"lv", "lav", "lav"},
        {"mi", "mri", "mao"}, {"mk", "mkd", "mac"}, {"ms", "msa", "may"}, {"my", "mya", "bur"},
        {"nb", "nob", "nob"}, {"nl", "nld", "dut"}, {"nn", "nno", "nno"}, {"no", "nor", "nor"},
        {"pl", "pol", "pol"}, {"pt", "por", "por"}, {"ro", "ron", "rum"}, {"ru", "rus", "rus"},
        {"sk", "slk", "slo"}, {"sl", "slv", "slv"}, {"sq", "sqi", "alb"}, {"sr", "srp", "srp"},
        {"sv", "swe", "swe"}, {"sw", "swa", "swa"}, {"ta", "tam", "tam"}, {"th", "tha", "tha"},
        {"tl", "tgl", "tgl"}, {"tr", "tur", "tur"}, {"uk", "ukr", "ukr"}, {"ur", "urd", "urd"},
        {"vi", "vie", "vie"}, {"zh", "zho", "chi"}, {"zu", "zul", "zul"},
    };
    private static final Map<String, String[]> BY_CODE = new HashMap<>();

    static {
        for (String[] row : TABLE) {
            for (String code : row) {
                BY_CODE.putIfAbsent(code, row);
            }
        }
    }

    private LanguageCodes() {}

    /** The 639-2 code for a container, or {@code und} for an unknown or undetermined language. */
    static String forContainer(String bcp47, ContainerKind kind) {
        String primary = primary(bcp47);
        String[] row = BY_CODE.get(primary);
        if (row == null) {
            // An unlisted three-letter code is already ISO 639-2/3: pass it on rather than lose it.
            return primary.length() == 3 && primary.chars().allMatch(c -> c >= 'a' && c <= 'z') ? primary : "und";
        }
        return kind == ContainerKind.MP4 ? row[1] : row[2];
    }

    /** The two-letter BCP 47 code for a 639-2 code (either form), else the code itself. */
    static String toBcp47(String code) {
        String primary = primary(code);
        String[] row = BY_CODE.get(primary);
        return row == null ? primary : row[0];
    }

    private static String primary(String tag) {
        String lower = tag.trim().toLowerCase(Locale.ROOT);
        int dash = lower.indexOf('-');
        int underscore = lower.indexOf('_');
        int cut = dash < 0 ? underscore : underscore < 0 ? dash : Math.min(dash, underscore);
        return cut < 0 ? lower : lower.substring(0, cut);
    }
}
