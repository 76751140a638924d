package io.capdex.caption.ttml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.capdex.caption.Cue;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pins what the reader makes of each file in {@code wild/ttml/} (see the README there). */
class TtmlWildTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            xxe-passwd.ttml     | 0 | forbidden-xml@2
            billion-laughs.ttml | 0 | forbidden-xml@2
            html-entities.ttml  | 3 | bad-entity@5 bad-entity@5 bad-entity@6 bad-entity@6 bad-entity@7 bad-entity@7
            truncated.dfxp      | 2 | bad-xml@7
            begin-only.xml      | 2 | lenient-time@5 lenient-time@6 missing-timing@7
            no-namespace.ttml   | 2 | ttml-namespace@2 lenient-time@6
            smpte-2997.ttml     | 2 | bad-timing@15
            word-timed.ttml     | 2 | ''
            html-tags.ttml      | 2 | unknown-element@5 unknown-element@5 unknown-element@6
            """)
    void readsWildFile(String file, int cues, String problems) throws IOException {
        ParseResult r = new TtmlReader().read(TtmlReaderTest.resource("/wild/ttml/" + file));
        assertEquals(problems, String.join(" ", r.problems().stream().map(p -> p.code() + "@" + p.line()).toList()),
                () -> r.problems().stream().map(ParseProblem::toString).toList().toString());
        assertEquals(cues, r.track().cues().size(), () -> r.track().cues().stream().map(Cue::text).toList().toString());
    }

    @Test
    void placesSmpteRegionsAndConvertsDropFrameRate() throws IOException {
        List<Cue> cues = new TtmlReader().read(TtmlReaderTest.resource("/wild/ttml/smpte-2997.ttml")).track().cues();
        assertEquals(java.util.Map.of(), cues.get(0).settings());
        assertEquals(java.util.Map.of("line", "0"), cues.get(1).settings());
        // 2 s + 29 frames at 30000/1001 fps = 2967.6 ms
        assertEquals(2_968, cues.get(0).endMs());
    }

    @Test
    void readsWordTimedAsrWithWords() throws IOException {
        List<Cue> cues = new TtmlReader().read(TtmlReaderTest.resource("/wild/ttml/word-timed.ttml")).track().cues();
        assertEquals("The trial results", cues.get(0).text());
        assertEquals(1000, cues.get(0).startMs());
        assertEquals(2900, cues.get(0).endMs());
        assertEquals(3, cues.get(0).words().size());
    }
}
