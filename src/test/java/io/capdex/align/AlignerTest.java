package io.capdex.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ProblemCode;
import io.capdex.caption.Qc;
import io.capdex.caption.QcProfile;
import io.capdex.caption.Source;
import io.capdex.caption.Track;
import io.capdex.caption.Word;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AlignerTest {

    static String resource(String name) throws IOException {
        try (InputStream in = AlignerTest.class.getResourceAsStream("/align/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SyntheticInterview interview(String file, long seed, boolean wordTimings) throws IOException {
        return SyntheticInterview.fromTranscript(resource(file), seed, file.contains("-es") ? "es" : "en", 0.12,
                wordTimings);
    }

    @ParameterizedTest
    @CsvSource({"interview-en.txt,1", "interview-en.txt,2", "interview-en.txt,3", "interview-es.txt,4",
        "interview-es.txt,5", "interview-es.txt,6"})
    void reportsTheInjectedErrorRate(String file, long seed) throws IOException {
        SyntheticInterview s = interview(file, seed, false);
        assertTrue(s.injectedErrors() >= 10, "enough errors injected: " + s.injectedErrors());
        AlignResult r = Aligner.align(s.captions(), TranscriptText.parse(s.transcript()), AlignOptions.defaults());
        AlignmentReport report = r.report();
        assertNotNull(report);
        assertEquals(s.referenceWords(), report.reference());
        assertEquals(s.injectedErrors(), report.errors(), report.toString());
        assertEquals((double) s.injectedErrors() / s.referenceWords(), report.wer(), 0.0005);
    }

    @ParameterizedTest
    @CsvSource({"interview-en.txt,11", "interview-en.txt,12", "interview-es.txt,13", "interview-es.txt,14"})
    void namesEveryInjectedConfusion(String file, long seed) throws IOException {
        SyntheticInterview s = interview(file, seed, false);
        AlignmentReport report = Aligner.align(s.captions(), TranscriptText.parse(s.transcript()),
                AlignOptions.defaults()).report();
        assertNotNull(report);
        Set<String> named = report.misheard().stream().map(m -> m.heard() + " -> " + m.meant())
                .collect(Collectors.toSet());
        assertTrue(s.injected().stream().anyMatch(m -> m.heard().contains(" ")), "a multi-word mishearing injected");
        for (AlignmentReport.Misheard m : s.injected()) {
            assertTrue(named.contains(m.heard() + " -> " + m.meant()), m + " missing from " + report.misheard());
        }
        int injectedCount = s.injected().size();
        assertEquals(injectedCount, report.misheard().stream().mapToInt(AlignmentReport.Misheard::count).sum());
    }

    @ParameterizedTest
    @CsvSource({"interview-en.txt,21,false", "interview-en.txt,22,true", "interview-es.txt,23,false",
        "interview-es.txt,24,true"})
    void timesTranscriptWordsWithinAQuarterSecond(String file, long seed, boolean wordTimings) throws IOException {
        SyntheticInterview s = interview(file, seed, wordTimings);
        TranscriptText transcript = TranscriptText.parse(s.transcript());
        Track aligned = Aligner.align(s.captions(), transcript, AlignOptions.defaults()).aligned();
        assertNotNull(aligned);
        List<Word> words = aligned.cues().stream().flatMap(c -> c.words().stream()).toList();
        List<TranscriptText.Token> tokens = transcript.paragraphs().stream().flatMap(p -> p.tokens().stream())
                .toList();
        assertEquals(tokens.size(), words.size());
        long[] truth = s.wordStartMs();
        List<Long> errors = new ArrayList<>();
        int word = 0;
        for (int k = 0; k < tokens.size(); k++) {
            assertEquals(tokens.get(k).text(), words.get(k).text());
            if (!tokens.get(k).words().isEmpty()) {
                errors.add(Math.abs(words.get(k).startMs() - truth[word]));
            }
            word += tokens.get(k).words().size();
        }
        long[] sorted = errors.stream().mapToLong(Long::longValue).sorted().toArray();
        long median = sorted[sorted.length / 2];
        assertTrue(median <= 250, "median timing error " + median + " ms");
        for (int k = 1; k < words.size(); k++) {
            assertTrue(words.get(k).startMs() >= words.get(k - 1).startMs(), "times never go backwards");
        }
    }

    @ParameterizedTest
    @CsvSource({"interview-en.txt,31", "interview-es.txt,32"})
    void alignedCuesPassQc(String file, long seed) throws IOException {
        SyntheticInterview s = interview(file, seed, false);
        AlignResult r = Aligner.align(s.captions(), TranscriptText.parse(s.transcript()), AlignOptions.defaults());
        Track aligned = r.aligned();
        assertNotNull(aligned);
        assertEquals(Source.ALIGNED, aligned.source());
        assertEquals(1.0, r.coverage());
        List<ParseProblem> problems = Qc.check(aligned, QcProfile.NETFLIX, 25);
        Set<String> forbidden = Set.of(ProblemCode.LINE_TOO_LONG.id(), ProblemCode.TOO_MANY_LINES.id(),
                ProblemCode.OVERLAP.id(), ProblemCode.OUT_OF_ORDER.id(), ProblemCode.EMPTY_CUE.id(),
                ProblemCode.TOO_LONG.id());
        for (ParseProblem p : problems) {
            assertFalse(forbidden.contains(p.code()), p.toString());
        }
        // a few reading-speed or short-cue problems are allowed only where speech leaves no time
        assertTrue(problems.size() <= aligned.cues().size() / 10, problems.toString());
        String speakers = aligned.cues().stream().map(Cue::speaker).distinct().map(String::valueOf)
                .collect(Collectors.joining(","));
        assertTrue(speakers.contains("Dr") && (speakers.contains("Interviewer") || speakers.contains("Entrevistadora")),
                speakers);
    }

    @Test
    void cuesEndAtSentencesWherePossible() throws IOException {
        SyntheticInterview s = interview("interview-en.txt", 41, false);
        Track aligned = Aligner.align(s.captions(), TranscriptText.parse(s.transcript()), AlignOptions.defaults())
                .aligned();
        assertNotNull(aligned);
        long atSentenceOrClause = aligned.cues().stream().map(Cue::text).filter(t -> t.matches("(?s).*[.?!,;:]$"))
                .count();
        assertTrue(atSentenceOrClause >= aligned.cues().size() * 0.7,
                atSentenceOrClause + " of " + aligned.cues().size() + " cues end at punctuation");
    }

    @Test
    void refusesTheTranscriptOfAnotherInterview() throws IOException {
        SyntheticInterview en = interview("interview-en.txt", 51, false);
        SyntheticInterview other = SyntheticInterview.generate(400, 52, "en", 0.1);
        AlignResult r = Aligner.align(en.captions(), TranscriptText.parse(other.transcript()),
                AlignOptions.defaults());
        assertNull(r.aligned());
        assertEquals(0, r.coverage());
        assertTrue(r.messages().get(0).startsWith("the transcript does not fit the captions"), r.messages().toString());
        assertNotNull(r.report());
        assertTrue(r.report().wer() > 0.6, "WER " + r.report().wer());
        assertEquals(List.of(), r.report().misheard(), "no misheard list for an unrelated text");
    }

    @Test
    void handlesEmptyInputs() throws IOException {
        SyntheticInterview en = interview("interview-en.txt", 61, false);
        AlignResult empty = Aligner.align(en.captions(), TranscriptText.parse("  \n\n[music]\n"),
                AlignOptions.defaults());
        assertNull(empty.aligned());
        assertNull(empty.report());
        assertEquals(List.of("the transcript has no words; nothing aligned"), empty.messages());

        Track noWords = Track.of(Format.SRT, List.of(Cue.of(0, 1000, "♪ ♪"), Cue.of(2000, 3000, "...")));
        AlignResult silent = Aligner.align(noWords, TranscriptText.parse(en.transcript()), AlignOptions.defaults());
        assertNull(silent.aligned());
        assertEquals(List.of("the captions have no words; nothing aligned"), silent.messages());
        assertNotNull(silent.report());
        assertEquals(1.0, silent.report().wer());
        assertEquals(0, silent.report().hypothesis());
    }

    @Test
    void alignsTheCoveredPartOfALongerTranscript() throws IOException {
        SyntheticInterview en = interview("interview-en.txt", 71, false);
        String extra = SyntheticInterview.generate(300, 72, "en", 0).transcript();
        TranscriptText longer = TranscriptText.parse(en.transcript() + "\n\n" + extra);
        AlignResult r = Aligner.align(en.captions(), longer, AlignOptions.defaults());
        assertNotNull(r.aligned());
        assertTrue(r.messages().stream().anyMatch(m -> m.startsWith("the captions cover transcript words 1 to "
                + en.referenceWords() + " of ")), r.messages().toString());
        assertEquals((double) en.referenceWords() / longer.words().size(), r.coverage(), 1e-9);
        long alignedWords = r.aligned().cues().stream().mapToLong(c -> c.words().size()).sum();
        assertEquals(TranscriptText.parse(en.transcript()).paragraphs().stream()
                .mapToLong(p -> p.tokens().size()).sum(), alignedWords);
    }

    @Test
    void matchesNumbersAndCodesSaidAsWords() {
        TranscriptText transcript = TranscriptText.parse(
                "Doctor: About 5% of the children who get CD19 therapy relapse within 2 years.");
        Track captions = Track.of(Format.VTT, List.of(
                Cue.of(1000, 4000, "about five percent of the children who get"),
                Cue.of(4000, 7000, "cd nineteen therapy relapse within two years")));
        AlignResult r = Aligner.align(captions, transcript, AlignOptions.defaults());
        assertNotNull(r.aligned());
        assertNotNull(r.report());
        assertTrue(r.report().misheard().isEmpty(), r.report().misheard().toString());
        List<Word> words = r.aligned().cues().stream().flatMap(c -> c.words().stream()).toList();
        Word cd19 = words.stream().filter(w -> w.text().equals("CD19")).findFirst().orElseThrow();
        Word percent = words.stream().filter(w -> w.text().equals("5%")).findFirst().orElseThrow();
        assertTrue(cd19.startMs() >= 4000 && cd19.startMs() < 4500, cd19.toString());
        assertTrue(percent.startMs() > 1000 && percent.endMs() < 2600, percent.toString());
        assertEquals("Doctor", r.aligned().cues().get(0).speaker());
    }

    @Test
    void usesCueWordTimingsWhenPresent() {
        TranscriptText transcript = TranscriptText.parse("Q: Did the leukaemia come back?");
        Cue cue = new Cue(new io.capdex.caption.TimeSpan(0, 5000), null, Cue.linesOf("did the look emia come back"),
                null, List.of(new Word(0, 200, "did"), new Word(200, 400, "the"), new Word(3000, 3300, "look"),
                new Word(3300, 3700, "emia"), new Word(4000, 4400, "come"), new Word(4400, 5000, "back")), java.util.Map.of());
        AlignResult r = Aligner.align(Track.of(Format.VTT, List.of(cue)), transcript, AlignOptions.defaults());
        assertNotNull(r.aligned());
        Word term = r.aligned().cues().get(0).words().get(2);
        assertEquals("leukaemia", term.text());
        assertEquals(3000, term.startMs());
        assertEquals(3700, term.endMs());
        assertEquals(List.of(new AlignmentReport.Misheard("look emia", "leukaemia", 1)), r.report().misheard());
        assertEquals("Q", r.aligned().cues().get(0).speaker());
        assertTrue(Arrays.asList(r.aligned().cues().get(0).text().split("\n")).contains("Did the leukaemia come back?"));
    }

    @Test
    void refusesATranscriptInAnotherLanguage() throws IOException {
        SyntheticInterview en = interview("interview-en.txt", 81, false);
        AlignResult r = Aligner.align(en.captions(), TranscriptText.parse(resource("interview-es.txt")),
                AlignOptions.defaults());
        assertNull(r.aligned());
        assertTrue(r.messages().get(0).contains("probably the transcript of another interview"), r.messages().toString());
    }

    @Test
    void aRealisticInterviewIsAlignedAroundAnchorsWithoutTheFallback() {
        SyntheticInterview s = SyntheticInterview.generate(3000, 91, "en", 0.15);
        TranscriptText t = TranscriptText.parse(s.transcript());
        WordAlignment al = WordAligner.align(t.words(), WordNormalizer.words(String.join(" ",
                s.captions().cues().stream().map(Cue::text).toList())));
        assertTrue(al.anchored(), al.toString());
        assertTrue(al.anchors() > 1000, al.toString());
        assertEquals(s.injectedErrors(), al.distance());
    }
}
