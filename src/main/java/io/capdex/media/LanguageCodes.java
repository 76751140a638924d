package io.capdex.media;

import io.capdex.caption.Languages;
import java.util.Locale;


/**
 * BCP 47 language tags to the ISO 639-2 codes containers store: the terminology form (T: {@code deu},
 * {@code fra}) for MP4, the bibliographic form (B: {@code ger}, {@code fre}) for Matroska.
 */
final class LanguageCodes {
    private LanguageCodes() {}

    /** The 639-2 code for a container, or {@code und} for an unknown or undetermined language. */
    static String forContainer(String bcp47, ContainerKind kind) {
        String code = kind == ContainerKind.MP4 ? Languages.mp4Code(bcp47) : Languages.mkvCode(bcp47);
        if (!code.equals("und")) {
            return code;
        }
        // An unlisted three-letter code is already ISO 639-2/3: pass it on rather than lose it.
        String primary = bcp47.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return primary.length() == 3 && primary.chars().allMatch(c -> c >= 'a' && c <= 'z') ? primary : "und";
    }

    /** The BCP 47 tag for a 639-2 code (either form), else the code itself. */
    static String toBcp47(String code) {
        return Languages.toTag(code);
    }
}
