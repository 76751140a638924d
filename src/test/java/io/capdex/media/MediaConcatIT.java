package io.capdex.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaConcatIT {
    private static final Path SAMPLE = Path.of("samples/all-remission.mp4");

    @Test
    void joinsCopiesEndToEndWithoutDrift(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("three.mp4");
        long copyMs = MediaConcat.repeat(SAMPLE, 3, out);
        MediaInfo source = MediaProbe.probe(SAMPLE);
        MediaInfo joined = MediaProbe.probe(out);
        assertEquals(source.durationMs(), copyMs);
        assertTrue(Math.abs(joined.durationMs() - 3 * copyMs) <= 100, joined.durationMs() + " vs " + 3 * copyMs);
        assertEquals(source.streams().size(), joined.streams().size());
        assertEquals("eng", joined.firstStream(StreamType.AUDIO).orElseThrow().language());
        // the audio of the third copy lines up with where the third copy starts: same samples decoded
        long[] energyAt = new long[2];
        AudioDecoder.decode(out, new PcmConsumer() {
            long sample;

            @Override
            public void accept(short[] samples, int count) {
                for (int i = 0; i < count; i++, sample++) {
                    long ms = sample * 1000 / SAMPLE_RATE;
                    long inCopy = ms % copyMs;
                    if (inCopy >= 10_000 && inCopy < 12_000) {
                        energyAt[ms < copyMs ? 0 : 1] += Math.abs(samples[i]);
                    }
                }
            }
        });
        // copies 2 and 3 together carry twice the first copy's energy in the same window (within 5 %)
        double ratio = energyAt[1] / (2.0 * energyAt[0]);
        assertTrue(Math.abs(ratio - 1) < 0.05, "energy ratio " + ratio);
    }

    @Test
    void refusesANonMediaFile(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("x.mp4");
        java.nio.file.Files.writeString(text, "not a video");
        MediaException e = org.junit.jupiter.api.Assertions.assertThrows(MediaException.class,
                () -> MediaConcat.repeat(text, 2, dir.resolve("y.mp4")));
        assertTrue(e.getMessage().startsWith(text + ": not a media file"), e.getMessage());
    }
}
