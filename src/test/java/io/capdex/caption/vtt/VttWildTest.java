package io.capdex.caption.vtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import io.capdex.caption.Word;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The broken files in src/test/resources/wild/vtt (see its README): cue counts and problems pinned. */
class VttWildTest {
    private final VttReader reader = new VttReader();

    private ParseResult read(String name) throws IOException {
        return reader.read(Files.readString(Path.of("src/test/resources/wild/vtt/" + name), StandardCharsets.UTF_8));
    }

    /** Problem codes with their lines, in file order, e.g. "bad-timing@4". */
    private static List<String> problems(ParseResult r) {
        return r.problems().stream().map(p -> p.code() + "@" + p.line()).toList();
    }

    private static Map<String, Long> counts(ParseResult r) {
        Map<String, Long> m = new TreeMap<>();
        for (ParseProblem p : r.problems()) {
            m.merge(p.code(), 1L, Long::sum);
        }
        return m;
    }

    @Test
    void youtubeAutoCaptions() throws IOException {
        ParseResult r = read("youtube-auto.vtt");
        assertEquals(5, r.track().cues().size());
        assertEquals(List.of("bad-timestamp@23"), problems(r));
        assertEquals("en", r.track().language());
        Cue first = r.track().cues().get(0);
        assertEquals(" \nso today we're going to talk", first.text());
        assertEquals(List.of(new Word(320, 640, "so"), new Word(640, 960, "today"), new Word(960, 1120, "we're"),
                new Word(1120, 1280, "going"), new Word(1280, 1520, "to"), new Word(1520, 2750, "talk")),
                first.words());
        assertEquals(Map.of("align", "start", "position", "0%"), first.settings());
        assertTrue(r.track().cues().get(1).words().isEmpty(), "the 10 ms roll-up cue has no word timings");
        // the out-of-cue timestamp is ignored, so "[Music] and" share the cue start, then "how" at 7.000
        List<Word> last = r.track().cues().get(4).words();
        assertEquals(new Word(5600, 7000, "and"), last.get(last.size() - 3));
        assertEquals(new Word(7000, 7400, "how"), last.get(last.size() - 2));
        assertEquals(new Word(7400, 8150, "often"), last.get(last.size() - 1));
    }

    @Test
    void srtWithWebVttHeader() throws IOException {
        ParseResult r = read("srt-with-header.vtt");
        assertEquals(1, r.track().cues().size());
        assertEquals(List.of("bad-timing@4", "bad-timing@9"), problems(r));
        assertEquals("One cue was fixed by hand.", r.track().cues().get(0).text());
    }

    @Test
    void blankLineBeforeSignature() throws IOException {
        ParseResult r = read("blank-before-signature.vtt");
        assertEquals(0, r.track().cues().size());
        assertEquals(List.of("missing-header@1"), problems(r));
        assertTrue(r.hasErrors());
    }

    @Test
    void htmlFromAConverter() throws IOException {
        ParseResult r = read("html-tags.vtt");
        assertEquals(4, r.track().cues().size());
        assertEquals(List.of("unknown-tag@4", "unknown-tag@4", "unknown-tag@7", "unclosed-tag@8", "bad-entity@11",
                "bad-entity@11", "bad-entity@11", "unknown-tag@11"), problems(r));
        assertEquals("Ben & Jerry's &copy 2024 &unknown; ", r.track().cues().get(2).text());
        assertEquals("Nurse Kim", r.track().cues().get(3).speaker());
        assertTrue(r.track().cues().get(3).lines().get(0).runs().get(0).style().italic());
    }

    @Test
    void mixedMess() throws IOException {
        ParseResult r = read("mixed-mess.vtt");
        assertEquals(List.of("First", "Second, no blank line before it", "NUL here:\uFFFD!",
                "last cue has LF endings and no final newline"), r.track().cues().stream().map(Cue::text).toList());
        assertEquals(List.of("bad-setting@5", "bad-setting@5", "missing-blank-line@7", "end-before-start@10",
                "bad-setting@13", "nul-character@14", "bad-style@16", "time-out-of-range@19"), problems(r));
        assertEquals(Map.of("bad-setting", 3L, "bad-style", 1L, "end-before-start", 1L, "missing-blank-line", 1L,
                "nul-character", 1L, "time-out-of-range", 1L), counts(r));
        assertTrue(r.track().origin().bom());
        assertEquals("mixed", r.track().origin().lineEndings());
        assertEquals(List.of(), r.track().styles());
    }

    @Test
    void everyWildFileIsListedInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("src/test/resources/wild/vtt/README.md"));
        try (var files = Files.list(Path.of("src/test/resources/wild/vtt"))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".vtt"))
                    .forEach(n -> assertTrue(readme.contains("`" + n + "`"), n + " in README"));
        }
    }
}
