package io.capdex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capdex.caption.Track;
import io.capdex.caption.vtt.VttReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlignCommandTest {
    private static final Path CAPTIONS = Path.of("samples/all-remission.en.srt");
    private static final Path TRANSCRIPT = Path.of("samples/all-remission.transcript.txt");

    @TempDir Path dir;

    @Test
    void reportsWerAndMisheardTermsInTheDesignShape() throws Exception {
        CliRun run = CliRun.of("align", "--json", CAPTIONS.toString(), TRANSCRIPT.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        JsonNode report = new ObjectMapper().readTree(run.out());
        for (String field : new String[] {"wer", "reference", "hypothesis", "substitutions", "deletions",
                "insertions", "misheard"}) {
            assertTrue(report.has(field), field);
        }
        double wer = report.get("wer").asDouble();
        assertTrue(wer > 0.05 && wer < 0.5, "wer " + wer);
        boolean leukaemia = false;
        for (JsonNode m : report.get("misheard")) {
            leukaemia |= m.get("heard").asText().equals("look emia") && m.get("meant").asText().equals("leukaemia");
        }
        assertTrue(leukaemia, report.get("misheard").toString());
    }

    @Test
    void writesTheTranscriptWordsWithCaptionTiming() throws Exception {
        Path out = dir.resolve("aligned.vtt");
        CliRun run = CliRun.of("align", CAPTIONS.toString(), TRANSCRIPT.toString(), "-o", out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        Track aligned = new VttReader().read(Files.readString(out)).track();
        String text = aligned.cues().stream().map(c -> c.text()).reduce("", (a, b) -> a + " " + b);
        assertTrue(text.contains("blinatumomab"), text);
        assertFalse(text.contains("look emia"), text);
        assertTrue(aligned.cues().get(0).startMs() >= 2000 && aligned.cues().get(0).startMs() <= 2400,
                "first cue at " + aligned.cues().get(0).startMs());
        assertEquals("Interviewer", aligned.cues().get(0).speaker());
    }

    @Test
    void refusesTheTranscriptOfAnotherInterview() throws Exception {
        Path out = dir.resolve("wrong.vtt");
        CliRun run = CliRun.of("align", "samples/stem-cell-donor.en.srt", TRANSCRIPT.toString(), "-o", out.toString());
        assertEquals(ExitCode.INPUT, run.exitCode());
        assertTrue(run.err().contains("another interview"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void readsADocxTranscript() throws Exception {
        CliRun run = CliRun.of("align", "samples/cart-therapy.es.srt", "samples/cart-therapy.transcript.docx");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("samples/cart-therapy.es.srt: WER "), run.out());
    }

    @Test
    void missingTranscriptSaysSo() {
        Path missing = dir.resolve("none.txt");
        CliRun run = CliRun.of("align", CAPTIONS.toString(), missing.toString());
        assertEquals(ExitCode.INPUT, run.exitCode());
        assertTrue(run.err().startsWith(missing.toString()), run.err());
    }
}
