package io.capdex.detect;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates interview pages show: ISO dates and timestamps, {@code 22 May 2025}, {@code May 22, 2025},
 * {@code 3 de febrero de 2024}, {@code 5. März 2023}, {@code 05/03/2023} (day first, as outside the US, unless the
 * first number cannot be a day's month), in English, Spanish, French, German, Italian and Portuguese.
 */
final class PageDates {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})");
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(\\d{1,2})(?:st|nd|rd|th|er|º|\\.)?\\s+(?:de\\s+)?(\\p{L}+)\\.?,?\\s+(?:de\\s+)?(\\d{4})");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(\\p{L}+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        String[][] names = {
                {"january", "jan", "enero", "ene", "janvier", "janv", "januar", "jän", "gennaio", "gen", "janeiro"},
                {"february", "feb", "febrero", "février", "févr", "fevrier", "februar", "febbraio", "fevereiro", "fev"},
                {"march", "mar", "marzo", "mars", "märz", "marz", "março", "marco"},
                {"april", "apr", "abril", "abr", "avril", "avr", "aprile"},
                {"may", "mayo", "mai", "maggio", "mag", "maio"},
                {"june", "jun", "junio", "juin", "juni", "giugno", "giu", "junho"},
                {"july", "jul", "julio", "juillet", "juil", "juli", "luglio", "lug", "julho"},
                {"august", "aug", "agosto", "ago", "août", "aout"},
                {"september", "sep", "sept", "septiembre", "setiembre", "septembre", "settembre", "set", "setembro"},
                {"october", "oct", "octubre", "octobre", "oktober", "okt", "ottobre", "ott", "outubro", "out"},
                {"november", "nov", "noviembre", "novembre", "novembro"},
                {"december", "dec", "diciembre", "dic", "décembre", "decembre", "dezember", "dez", "dicembre",
                        "dezembro"},
        };
        for (int m = 0; m < names.length; m++) {
            for (String name : names[m]) {
                MONTHS.put(name, m + 1);
            }
        }
    }

    private PageDates() {
    }

    /** The first date in the text, or empty when none can be read. */
    static Optional<LocalDate> parse(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = ISO.matcher(lower);
        if (m.find()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        m = YEAR_FIRST.matcher(lower);
        if (m.find()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        m = NUMERIC.matcher(lower);
        if (m.find()) {
            int first = Integer.parseInt(m.group(1));
            return first > 12 || Integer.parseInt(m.group(2)) <= 12
                    ? date(m.group(3), m.group(2), m.group(1))
                    : date(m.group(3), m.group(1), m.group(2));
        }
        m = DAY_MONTH_YEAR.matcher(lower);
        while (m.find()) {
            Integer month = MONTHS.get(m.group(2));
            if (month != null) {
                return date(m.group(3), String.valueOf(month), m.group(1));
            }
        }
        m = MONTH_DAY_YEAR.matcher(lower);
        while (m.find()) {
            Integer month = MONTHS.get(m.group(1));
            if (month != null) {
                return date(m.group(3), String.valueOf(month), m.group(2));
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty(); // 31 February and the like: not a date
        }
    }
}
