package io.capdex.caption.srt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import io.capdex.caption.ProblemCode;
import io.capdex.caption.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wild corpus (see {@code wild/srt/README.md}): each broken file's cue and problem counts are pinned. */
class SrtWildTest {
    private static final Path DIR = Path.of("src/test/resources/wild/srt");

    private static ParseResult read(String name) throws IOException {
        return new SrtReader().read(Files.readString(DIR.resolve(name)));
    }

    @ParameterizedTest
    @CsvSource({
        "bad-shift.srt,                  2, 3, 'negative-time@2 end-before-start@6 zero-duration@10'",
        "blank-lines-in-text.srt,        3, 2, 'blank-line-in-text@4 blank-line-in-text@10'",
        "bom-crlf-no-final-newline.srt,  2, 2, 'bom@1 missing-final-newline@7'",
        "coordinates.srt,                2, 2, 'coordinates@2 coordinates@6'",
        "missing-numbers.srt,            4, 3, 'missing-index@1 missing-index@4 missing-index@11'",
        "mixed-line-endings.srt,         3, 1, 'mixed-line-endings@7'",
        "no-blank-between-cues.srt,      3, 2, 'missing-blank-line@4 missing-blank-line@7'",
        "nul-bytes.srt,                  2, 2, 'nul-character@3 nul-character@5'",
        "one-digit-milliseconds.srt,     3, 3, 'lenient-time@2 lenient-time@6 lenient-time@10'",
        "out-of-sequence-numbers.srt,    4, 3, 'index-sequence@5 index-sequence@9 bad-index@13'",
        "placeholder-times.srt,          2, 2, 'time-out-of-range@6 time-out-of-range@14'",
        "ssa-overrides.srt,              4, 9, 'unknown-tag@7 unknown-tag@7 unclosed-tag@11 unknown-tag@16 "
                + "unknown-tag@16 unknown-tag@16 unknown-tag@16 unknown-tag@16 unknown-tag@16'",
        "trailing-garbage.srt,           2, 2, 'trailing-garbage@9 missing-final-newline@13'",
        "webvtt-renamed.srt,             2, 6, 'stray-text@1 missing-index@5 coordinates@5 lenient-time@5 "
                + "missing-index@8 lenient-time@8'",
        "word-processor.srt,             3, 3, 'arrow-variant@2 arrow-variant@6 arrow-variant@10'",
    })
    void pinsCuesAndProblems(String file, int cues, int problems, String codes) throws IOException {
        ParseResult r = read(file);
        assertEquals(cues, r.track().cues().size(), file);
        assertEquals(problems, r.problems().size(), () -> file + ": " + r.problems());
        assertEquals(codes, r.problems().stream().map(p -> p.code() + "@" + p.line())
                .collect(Collectors.joining(" ")));
    }

    @Test
    void everyWildFileIsPinnedAndDescribed() throws IOException {
        String readme = Files.readString(DIR.resolve("README.md"));
        List<String> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".srt")).sorted().toList();
        }
        assertTrue(files.size() >= 10, files::toString);
        for (String f : files) {
            assertTrue(readme.contains("`" + f + "`"), () -> f + " has no README line");
        }
    }

    @Test
    void readsTextOfWildFilesAsExpected() throws IOException {
        assertEquals("DOCTOR: Any side effects?\nPATIENT: A little dizzy.",
                read("blank-lines-in-text.srt").track().cues().get(1).text());
        assertEquals("The dose is two puffs.", read("nul-bytes.srt").track().cues().get(0).text());
        assertEquals(1500, read("one-digit-milliseconds.srt").track().cues().get(0).startMs());
        assertEquals("0", read("ssa-overrides.srt").track().cues().get(0).settings().get("line"));
        assertEquals("\u201cKeep it dry,\u201d she said.", read("word-processor.srt").track().cues().get(0).text());
    }

    @Test
    void capsHundredThousandProblemsOfAGeneratedFile() {
        // Each cue has a bad-index, a lenient time and an extra-space problem: 300,000 problems in all.
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            sb.append("#\n").append("00:00:01.000  --> 00:00:02.000\n").append("text\n\n");
        }
        ParseResult r = new SrtReader().read(sb.toString());
        assertEquals(100_000, r.track().cues().size());
        assertEquals(Problems.DEFAULT_CAP + 1, r.problems().size());
        ParseProblem more = r.problems().get(Problems.DEFAULT_CAP);
        assertEquals(ProblemCode.MORE_PROBLEMS.id(), more.code());
        assertEquals(299_000 + " more problems omitted (only the first 1000 are listed)", more.message());
        assertEquals(99_999 * 4 + 2, more.line());
    }
}
