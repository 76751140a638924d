package io.capdex.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RepairTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/repair");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** Each {@code <case>.srt} repaired with the default options gives {@code <case>.expected.srt}. */
    @TestFactory
    Stream<DynamicTest> repairsGoldenCases() throws IOException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(GOLDEN)) {
            inputs = files.filter(p -> p.toString().endsWith(".srt") && !p.toString().endsWith(".expected.srt"))
                    .sorted().toList();
        }
        assertFalse(inputs.isEmpty(), "no golden cases in " + GOLDEN.toAbsolutePath());
        return inputs.stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
            Track in = SimpleCues.parse(Files.readString(input, StandardCharsets.UTF_8));
            RepairResult result = Repair.repair(in, RepairOptions.defaults());
            StringBuilder actual = new StringBuilder(SimpleCues.format(result.track()));
            actual.append("# changes\n");
            for (ParseProblem p : result.changes()) {
                assertEquals("repaired", p.code());
                actual.append("# ").append(p.message()).append('\n');
            }
            String name = input.getFileName().toString();
            Path expected = GOLDEN.resolve(name.substring(0, name.length() - 4) + ".expected.srt");
            if (UPDATE) {
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual.toString());
            RepairResult again = Repair.repair(result.track(), RepairOptions.defaults());
            assertEquals(List.of(), again.changes(), "repairing twice changes nothing");
            assertEquals(result.track(), again.track());
        }));
    }

    @Test
    void reportsChangesAtTheFileLineOfTheInputCue() {
        Track t = Track.of(Format.SRT, List.of(Cue.of(0, 2000, "One."), Cue.of(1500, 4000, "Two.")));
        RepairResult r = Repair.repair(t, RepairOptions.defaults(), new CueLines(List.of(1, 5)));
        assertEquals(List.of(new ParseProblem(1, Severity.WARNING, "repaired",
                "cue 1 (00:00:00,000): overlapping cue trimmed by 580 ms")), r.changes());
        assertEquals(new TimeSpan(0, 1420), r.track().cues().get(0).span());
    }

    @Test
    void leavesACleanTrackAsItIs() {
        Track t = Track.of(Format.SRT, List.of(Cue.of(0, 2000, "One."), Cue.of(2080, 4000, "Two.")));
        RepairResult r = Repair.repair(t, RepairOptions.defaults());
        assertFalse(r.changed());
        assertEquals(t, r.track());
    }

    @Test
    void keepsWordTimingsInsideTheirCue() {
        Cue a = Cue.of(0, 2000, "One two.").withWords(List.of(new Word(0, 900, "One"), new Word(1000, 1900, "two.")));
        Cue b = Cue.of(1500, 4000, "Three.");
        RepairResult r = Repair.repair(Track.of(Format.VTT, List.of(a, b)), RepairOptions.defaults());
        Cue trimmed = r.track().cues().get(0);
        assertEquals(1420, trimmed.endMs());
        assertEquals(List.of(new Word(0, 900, "One"), new Word(1000, 1420, "two.")), trimmed.words());
    }

    @Test
    void keepsSpeakerIdAndSettingsOfRepairedCues() {
        Cue a = new Cue(new TimeSpan(0, 3000), "c1", Cue.linesOf("Said  with   extra spaces."), "Dr Lee", List.of(),
                Map.of("line", "0"));
        Cue out = Repair.repair(Track.of(Format.VTT, List.of(a)), RepairOptions.defaults()).track().cues().get(0);
        assertEquals("Said with extra spaces.", out.text());
        assertEquals("c1", out.id());
        assertEquals("Dr Lee", out.speaker());
        assertEquals(Map.of("line", "0"), out.settings());
    }

    @Test
    void stepsCanBeTurnedOff() {
        Track t = Track.of(Format.SRT, List.of(Cue.of(0, 2000, "Same."), Cue.of(1000, 3000, "Same."),
                Cue.of(4000, 9000, "A line that is much longer than the forty-two characters allowed.")));
        RepairOptions none = RepairOptions.defaults().withMergeDuplicates(false).withFixTiming(false)
                .withReflow(false).withCollapseRolling(false);
        assertEquals(t, Repair.repair(t, none).track());
        RepairResult all = Repair.repair(t, RepairOptions.defaults());
        assertEquals(2, all.track().cues().size());
        assertEquals(2, all.track().cues().get(1).lines().size());
    }

    @Test
    void breaksLinesAtTheLimitOfTheProfile() {
        String text = "The quick brown fox jumps over the lazy dog again";
        RepairOptions dcmp = RepairOptions.forProfile(QcProfile.DCMP, 25);
        Cue out = Repair.repair(Track.of(Format.SRT, List.of(Cue.of(0, 5000, text))), dcmp).track().cues().get(0);
        assertEquals("The quick brown fox jumps\nover the lazy dog again", out.text());
        assertTrue(out.lines().stream().allMatch(l -> l.text().length() <= 32));
    }

    @Test
    void splitsStyledRunsAtTheBreak() {
        Line line = new Line(List.of(Run.plain("Plain words then "),
                new Run("italic words that run across the break", Style.PLAIN.withItalic(true))));
        Cue cue = new Cue(new TimeSpan(0, 5000), null, List.of(line), null, List.of(), Map.of());
        Cue out = Repair.repair(Track.of(Format.SRT, List.of(cue)), RepairOptions.defaults()).track().cues().get(0);
        assertEquals(2, out.lines().size());
        Style italic = Style.PLAIN.withItalic(true);
        assertEquals(new Line(List.of(Run.plain("Plain words then "), new Run("italic words", italic))),
                out.lines().get(0));
        assertEquals(new Line(List.of(new Run("that run across the break", italic))), out.lines().get(1));
    }

    @Test
    void splitsTextTooLongForTwoLinesIntoCuesWithTheirWords() {
        String text = "We went to the clinic on Monday morning. The doctor was kind and explained it all twice.";
        List<Word> words = new java.util.ArrayList<>();
        String[] tokens = text.split(" ");
        for (int i = 0; i < tokens.length; i++) {
            words.add(new Word(10_000 + i * 350L, 10_000 + i * 350L + 300, tokens[i]));
        }
        Cue cue = new Cue(new TimeSpan(10_000, 16_000), "c7", Cue.linesOf(text), "Ana", words, Map.of("line", "90%"));
        RepairResult r = Repair.repair(Track.of(Format.VTT, List.of(cue)), RepairOptions.defaults());
        List<Cue> out = r.track().cues();
        assertEquals(2, out.size());
        assertEquals("We went to the clinic on Monday morning.", out.get(0).text());
        assertEquals("The doctor was kind and\nexplained it all twice.", out.get(1).text());
        assertEquals("c7", out.get(0).id());
        assertEquals(null, out.get(1).id());
        assertEquals("Ana", out.get(1).speaker());
        assertEquals(Map.of("line", "90%"), out.get(1).settings());
        // the second part starts when its first word, "The" (the 9th), is spoken
        assertEquals(10_000 + 8 * 350, out.get(1).startMs());
        assertEquals(out.get(1).startMs() - 80, out.get(0).endMs());
        assertEquals(16_000, out.get(1).endMs());
        List<Word> all = new java.util.ArrayList<>(out.get(0).words());
        all.addAll(out.get(1).words());
        assertEquals(List.of(tokens), all.stream().map(Word::text).toList());
        for (Cue c : out) {
            for (Word w : c.words()) {
                assertTrue(w.startMs() >= c.startMs() && w.endMs() <= c.endMs(), w + " in " + c.span());
            }
        }
    }

    @Test
    void collapsesRollingCaptionsKeepingEachWordTimingOnce() {
        // YouTube's VTT: the new bottom line is typed word by word while the old line stays on top
        Cue first = Cue.of(0, 2000, "we studied sleep").withWords(List.of(new Word(0, 600, "we"),
                new Word(600, 1200, "studied"), new Word(1200, 2000, "sleep")));
        Cue second = Cue.of(2000, 4000, "we studied sleep\nin older adults").withWords(List.of(
                new Word(2000, 2600, "in"), new Word(2600, 3300, "older"), new Word(3300, 4000, "adults")));
        Cue third = Cue.of(4000, 6000, "in older adults\nfor ten years").withWords(List.of(
                new Word(4000, 4500, "for"), new Word(4500, 5200, "ten"), new Word(5200, 6000, "years")));
        RepairResult r = Repair.repair(Track.of(Format.VTT, List.of(first, second, third)),
                RepairOptions.defaults().withMinGapMs(0));
        List<Cue> out = r.track().cues();
        assertEquals(List.of("we studied sleep", "in older adults", "for ten years"),
                out.stream().map(Cue::text).toList());
        assertEquals(List.of(new TimeSpan(0, 2000), new TimeSpan(2000, 4000), new TimeSpan(4000, 6000)),
                out.stream().map(Cue::span).toList());
        assertEquals(List.of("in", "older", "adults"), out.get(1).words().stream().map(Word::text).toList());
        assertEquals(List.of("cue 1 (00:00:00,000): rolling captions (cues 1 to 3) collapsed into 3 cues showing"
                + " each line once"), r.changes().stream().map(ParseProblem::message).toList());
    }

    @Test
    void mergedOverlappingCuesOfDifferentSpeakersKeepThemAsVoices() {
        Cue a = Cue.of(1000, 3000, "- Ready?").withSpeaker("Nurse");
        Cue b = Cue.of(1000, 2500, "- Yes.").withSpeaker("Patient");
        Cue merged = Repair.repair(Track.of(Format.VTT, List.of(a, b)), RepairOptions.defaults()).track().cues().get(0);
        assertEquals("- Ready?\n- Yes.", merged.text());
        assertEquals(null, merged.speaker());
        assertEquals(new TimeSpan(1000, 3000), merged.span());
        assertEquals("Nurse", merged.lines().get(0).runs().get(0).style().voice());
        assertEquals("Patient", merged.lines().get(1).runs().get(0).style().voice());
    }
}
