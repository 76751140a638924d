package io.capdex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capdex.caption.Cue;
import io.capdex.caption.srt.SrtReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync and probe commands end to end on a bundled sample interview. */
class SyncCommandIT {
    private static final Path VIDEO = Path.of("samples/all-remission.mp4");
    private static final Path CAPTIONS = Path.of("samples/all-remission.en.srt");

    @TempDir Path dir;

    private static List<Cue> cues(Path srt) throws Exception {
        return new SrtReader().read(Files.readString(srt)).track().cues();
    }

    @Test
    void recoversAShiftFromTheAudio() throws Exception {
        Path late = dir.resolve("late.srt");
        assertEquals(ExitCode.OK, CliRun.of("shift", CAPTIONS.toString(), "-o", late.toString(), "--by", "2.75s")
                .exitCode());
        Path fixed = dir.resolve("fixed.srt");
        CliRun run = CliRun.of("sync", VIDEO.toString(), late.toString(), "-o", fixed.toString(), "--json");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertTrue(result.get("applied").asBoolean(), run.out());
        assertTrue(result.get("confidence").asDouble() >= 0.5, run.out());
        List<Cue> truth = cues(CAPTIONS);
        List<Cue> got = cues(fixed);
        assertEquals(truth.size(), got.size());
        for (int i = 0; i < truth.size(); i++) {
            assertTrue(Math.abs(truth.get(i).startMs() - got.get(i).startMs()) <= 100,
                    "cue " + (i + 1) + ": " + got.get(i).startMs() + " vs " + truth.get(i).startMs());
        }
    }

    @Test
    void leavesCorrectCaptionsUnchanged() throws Exception {
        Path out = dir.resolve("same.srt");
        CliRun run = CliRun.of("sync", VIDEO.toString(), CAPTIONS.toString(), "-o", out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("unchanged"), run.out());
        List<Cue> truth = cues(CAPTIONS);
        List<Cue> got = cues(out);
        for (int i = 0; i < truth.size(); i++) {
            assertEquals(truth.get(i).span(), got.get(i).span());
        }
    }

    @Test
    void syncsATranslationToAReferenceTrack() throws Exception {
        Path lateEs = dir.resolve("late.es.vtt");
        assertEquals(ExitCode.OK, CliRun.of("shift", "samples/all-remission.es.vtt", "-o", lateEs.toString(),
                "--by", "-3s").exitCode());
        Path out = dir.resolve("fixed.es.vtt");
        CliRun run = CliRun.of("sync", lateEs.toString(), "--reference", CAPTIONS.toString(), "-o", out.toString(),
                "--json");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertTrue(result.get("applied").asBoolean(), run.out());
        assertTrue(Math.abs(result.get("segments").get(0).get("offsetMs").asLong() - 3000) <= 100, run.out());
    }

    @Test
    void refusesANonMediaFileWithAMessage() throws Exception {
        Path notVideo = dir.resolve("talk.mp4");
        Files.writeString(notVideo, "hello");
        CliRun run = CliRun.of("sync", notVideo.toString(), CAPTIONS.toString(), "-o", dir.resolve("o.srt").toString());
        assertEquals(ExitCode.INPUT, run.exitCode());
        assertTrue(run.err().startsWith(notVideo + ": not a media file"), run.err());
        assertTrue(!Files.exists(dir.resolve("o.srt")));
    }

    @Test
    void probeJsonHasTheDesignShape() throws Exception {
        CliRun run = CliRun.of("probe", "--json", VIDEO.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        JsonNode file = new ObjectMapper().readTree(run.out()).get("files").get(0);
        assertEquals(VIDEO.toString(), file.get("path").asText());
        assertEquals("mp4", file.get("container").asText());
        assertTrue(Math.abs(file.get("durationMs").asLong() - 87_680) <= 50, file.toString());
        assertTrue(file.get("hasAudio").asBoolean());
        JsonNode audio = file.get("streams").get(1);
        assertEquals("audio", audio.get("type").asText());
        assertEquals("eng", audio.get("language").asText());
        assertEquals(1, audio.get("channels").asInt());
        assertEquals(48000, audio.get("sampleRate").asInt());
        assertTrue(file.get("tags").get("title").asText().contains("remission"));
    }

    @Test
    void probeGoesOnPastABadFile() throws Exception {
        Path bad = dir.resolve("bad.mp4");
        Files.writeString(bad, "");
        CliRun run = CliRun.of("probe", bad.toString(), VIDEO.toString());
        assertEquals(ExitCode.INPUT, run.exitCode());
        assertTrue(run.err().contains(bad + ": not a media file (the file is empty)"), run.err());
        assertTrue(run.out().contains(VIDEO + ": mp4, 1:27.680"), run.out());
    }
}
