package io.capdex.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Benchmark material: a video scaled to another size and frame rate keeps its length and its audio. */
class MediaResizeIT {
    @TempDir
    Path dir;

    @Test
    void scalesToTheSizeAndFrameRateAndCopiesTheAudio() throws Exception {
        Path source = TestMedia.write(dir.resolve("source.mp4"), TestMedia.Spec.mp4(), 4_000, 1_000);
        Path out = dir.resolve("out.mp4");
        MediaResize.resize(source, 320, 180, 10, out);
        MediaInfo in = MediaProbe.probe(source);
        MediaInfo info = MediaProbe.probe(out);
        StreamInfo video = info.firstStream(StreamType.VIDEO).orElseThrow();
        assertEquals("h264", video.codec());
        assertEquals(320, video.width());
        assertEquals(180, video.height());
        assertEquals(40, SubtitleMuxerIT.packetCounts(out).get("video"), 1.0);
        assertEquals(SubtitleMuxerIT.packetCounts(source).get("audio"), SubtitleMuxerIT.packetCounts(out).get("audio"));
        assertTrue(Math.abs(in.durationMs() - info.durationMs()) <= 150, in.durationMs() + " vs " + info.durationMs());
    }

    @Test
    void refusesOddSizes() {
        assertThrows(IllegalArgumentException.class,
                () -> MediaResize.resize(dir.resolve("a.mp4"), 321, 180, 25, dir.resolve("b.mp4")));
    }
}
