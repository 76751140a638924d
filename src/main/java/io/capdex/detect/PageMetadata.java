package io.capdex.detect;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an interview's web page says about the interview; each part is null when the page does not say it.
 *
 * @param title the interview's title (without the site's name)
 * @param speaker the person interviewed, without their role ({@code Dr Anahit Hakobyan})
 * @param affiliation the speaker's hospital, department or organisation
 * @param date the interview's date as ISO {@code yyyy-mm-dd} when it could be read, else the page's own words
 * @param summary a short description of the interview (never its transcript)
 * @param language the BCP 47 language the page declares ({@code lang}, {@code DC.language}); the page's, which
 *     need not be the interview's
 */
public record PageMetadata(@Nullable String title, @Nullable String speaker, @Nullable String affiliation,
                           @Nullable String date, @Nullable String summary, @Nullable String language) {

    /** The date, when it is an ISO {@code yyyy-mm-dd} date. */
    public Optional<LocalDate> localDate() {
        if (date == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // the page's own words, kept for people to read
        }
    }
}
