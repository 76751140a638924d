package io.capdex.align;

import io.capdex.caption.GoldenFiles;
import io.capdex.caption.WriteOptions;
import io.capdex.caption.vtt.VttWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each transcript in {@code golden/align/} against captions made from it with seeded errors: the aligned track as
 * WebVTT (speakers, word timestamps, line breaks) with the accuracy report in a NOTE, pinned.
 */
class AlignGoldenTest {

    @TestFactory
    Stream<DynamicTest> alignedTracks() {
        return GoldenFiles.cases("align", List.of("txt"), "vtt", text -> {
            String language = text.contains("Entrevistadora") ? "es" : "en";
            SyntheticInterview s = SyntheticInterview.fromTranscript(text, 7, language, 0.2);
            AlignResult r = Aligner.align(s.captions(), TranscriptText.parse(text), AlignOptions.defaults());
            AlignmentReport report = r.report();
            List<String> notes = new ArrayList<>();
            notes.add(String.format(Locale.ROOT, "WER %.3f: %d substitutions, %d deletions, %d insertions; "
                    + "%d reference and %d caption words", report.wer(), report.substitutions(), report.deletions(),
                    report.insertions(), report.reference(), report.hypothesis()));
            for (AlignmentReport.Misheard m : report.misheard()) {
                notes.add("misheard: " + m.heard() + " -> " + m.meant() + " (" + m.count() + ")");
            }
            notes.addAll(r.messages());
            return new VttWriter().write(r.aligned(), notes, WriteOptions.defaults());
        });
    }
}
