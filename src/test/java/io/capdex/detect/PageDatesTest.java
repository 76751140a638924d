package io.capdex.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageDatesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-05-22|2025-05-22",
            "2025-03-14T09:30:00Z|2025-03-14",
            "2024/2/3|2024-02-03",
            "22 May 2025|2025-05-22",
            "May 22, 2025|2025-05-22",
            "Sept. 3rd, 2025|2025-09-03",
            "3 de febrero de 2024|2024-02-03",
            "8 novembre 2022|2022-11-08",
            "1er mars 2021|2021-03-01",
            "5. März 2023|2023-03-05",
            "12 dicembre 2020|2020-12-12",
            "7 de março de 2019|2019-03-07",
            "05/03/2023|2023-03-05",
            "12/31/2023|2023-12-31",
            "Recorded on 14 March 2025 in London|2025-03-14",
    })
    void readsDates(String text, String iso) {
        assertEquals(Optional.of(LocalDate.parse(iso)), PageDates.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "today", "spring 2024", "31 February 2024", "2024-13-01", "14 Smarch 2025"})
    void readsNoDateFromOtherText(String text) {
        assertEquals(Optional.empty(), PageDates.parse(text));
    }
}
