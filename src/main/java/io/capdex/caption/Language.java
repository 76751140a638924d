package io.capdex.caption;

import java.util.Objects;

/**
 * One language under each of the codes capdex meets: BCP 47 inside the model, ISO 639-3 from the language
 * detector, ISO 639-2/T in MP4 files and ISO 639-2/B in Matroska files.
 *
 * @param tag the BCP 47 primary language subtag ({@code en}, {@code hy}, {@code nb}); two letters when ISO 639-1
 *     has a code, else the three-letter ISO 639-3 code
 * @param iso639Part3 the ISO 639-3 code ({@code eng}, {@code hye})
 * @param iso639Part2T the ISO 639-2 terminology code, used by MP4 ({@code deu}, {@code hye})
 * @param iso639Part2B the ISO 639-2 bibliographic code, used by Matroska ({@code ger}, {@code arm}); the same as
 *     {@code iso639Part2T} for most languages
 * @param englishName the language's English name, for messages and reports
 */
public record Language(String tag, String iso639Part3, String iso639Part2T, String iso639Part2B,
                       String englishName) {

    public Language {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(iso639Part3, "iso639Part3");
        Objects.requireNonNull(iso639Part2T, "iso639Part2T");
        Objects.requireNonNull(iso639Part2B, "iso639Part2B");
        Objects.requireNonNull(englishName, "englishName");
        if (!tag.matches("[a-z]{2,3}") || !iso639Part3.matches("[a-z]{3}") || !iso639Part2T.matches("[a-z]{3}")
                || !iso639Part2B.matches("[a-z]{3}")) {
            throw new IllegalArgumentException(tag + "/" + iso639Part3 + "/" + iso639Part2T + "/" + iso639Part2B);
        }
    }
}
