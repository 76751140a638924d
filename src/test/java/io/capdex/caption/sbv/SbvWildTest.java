package io.capdex.caption.sbv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.capdex.caption.Cue;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pins what the reader makes of each file in {@code wild/sbv/} (see the README there). */
class SbvWildTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            youtube-auto-bom-crlf.sbv | 5 | bom@1
            hand-edited.sbv           | 6 | lenient-time@1 lenient-time@4 extra-space@7 blank-line-in-text@12 missing-blank-line@14 end-before-start@17 trailing-garbage@24
            srt-renamed.sbv           | 3 | srt-syntax@1 missing-final-newline@11
            truncated.sbv             | 2 | missing-final-newline@5
            """)
    void readsWildFile(String file, int cues, String problems) throws IOException {
        ParseResult r = new SbvReader().read(resource("/wild/sbv/" + file));
        assertEquals(problems, String.join(" ", r.problems().stream().map(p -> p.code() + "@" + p.line()).toList()),
                () -> r.problems().stream().map(ParseProblem::toString).toList().toString());
        assertEquals(cues, r.track().cues().size(), () -> r.track().cues().stream().map(Cue::text).toList().toString());
    }

    static String resource(String path) throws IOException {
        try (InputStream in = SbvWildTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @org.junit.jupiter.api.Test
    void readsRenamedSrtTextAndTiming() throws IOException {
        List<Cue> cues = new SbvReader().read(resource("/wild/sbv/srt-renamed.sbv")).track().cues();
        assertEquals(List.of("This file is SRT", "saved as .sbv", "by a batch rename"),
                cues.stream().map(Cue::text).toList());
        assertEquals(3000, cues.get(1).startMs());
    }
}
