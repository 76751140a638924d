package io.capdex.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LinksTest {
    @Test
    void momentLinksRoundSecondsDownToATenth() {
        assertEquals("/interviews/all-remission?t=83.5&lang=en&source=asr", Links.moment("all-remission", 83_599, "en", "asr"));
        assertEquals("/interviews/x?t=0.0&lang=pt-BR&source=mt", Links.moment("x", 0, "pt-BR", "mt"));
        assertEquals("/interviews/x?t=3600.1&lang=en&source=aligned", Links.moment("x", 3_600_100, "en", "aligned"));
    }

    @Test
    void encodesIdsAsOnePathSegment() {
        assertEquals("/video/a%20b%2F..%3F%23%25", Links.video("a b/..?#%"));
        assertEquals("/interviews/M%C3%BCller", Links.interview("Müller"));
        assertEquals("/thumbs/x.jpg?t=0", Links.thumbnail("x", -5));
        assertEquals("/captions/x/en.vtt?source=asr", Links.captions("x", "en", "asr"));
        assertEquals("/export/x/x.en.srt", Links.export("x", "x.en.srt"));
    }
}
