package io.capdex.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Origin;
import io.capdex.caption.Source;
import io.capdex.caption.Track;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Burned-in captions: decodable H.264 at the source size, text drawn only while a cue is on screen. */
class BurnInIT {
    /** Text that would break or be rewritten if drawtext expanded it, or if it reached the filter string. */
    static final String TRICKY = "Dr. Müller: it's 100% \\ {x} %{pts} %{ 'q', [a];b=c";

    @TempDir
    static Path dir;
    static Path source;
    static Path burned;
    static BurnResult result;

    @BeforeAll
    static void burn() throws Exception {
        source = TestMedia.write(dir.resolve("source.mp4"), TestMedia.Spec.mp4(), 12_000, 1_000);
        Track track = new Track("en", Source.ASR, List.of(
                Cue.of(0, 3_000, "Subtitles and translations were made by AI\nand may be inaccurate.")
                        .withSettings(Map.of("line", "0")),
                Cue.of(5_000, 8_000, TRICKY + "\nsecond line")), List.of(), List.of(), Origin.of(Format.SRT));
        burned = dir.resolve("burned.mp4");
        result = BurnIn.burn(source, track, burned, BurnOptions.defaults().withVideoBitrate(300_000));
    }

    @Test
    void writesBrowserPlayableH264AtSourceSizeWithOriginalAudio() throws Exception {
        MediaInfo in = MediaProbe.probe(source);
        MediaInfo out = MediaProbe.probe(burned);
        StreamInfo video = out.streams().stream().filter(s -> s.type() == StreamType.VIDEO).findFirst().orElseThrow();
        assertEquals("h264", video.codec());
        assertEquals(TestMedia.WIDTH, video.width());
        assertEquals(TestMedia.HEIGHT, video.height());
        assertTrue(Math.abs(in.durationMs() - out.durationMs()) <= 100, in.durationMs() + " vs " + out.durationMs());
        assertEquals(SubtitleMuxerIT.packetCounts(source).get("video"), result.frames());
        // every frame handed to the encoder thread is in the file, none dropped or doubled
        assertEquals(SubtitleMuxerIT.packetCounts(source).get("video"), SubtitleMuxerIT.packetCounts(burned).get("video"));
        assertEquals(SubtitleMuxerIT.packetCounts(source).get("audio"), SubtitleMuxerIT.packetCounts(burned).get("audio"));
        assertEquals(SubtitleMuxerIT.packetCounts(source).get("audio"), result.audioPackets());
        assertTrue(SubtitleMuxerIT.moovBeforeMdat(burned));
    }

    @Test
    void drawsTopCueAtTopAndBottomCueAtBottomOnlyWhileOnScreen() throws Exception {
        Map<Long, byte[]> before = lumaAt(source, List.of(1_500L, 4_000L, 6_500L, 10_000L));
        Map<Long, byte[]> after = lumaAt(burned, List.of(1_500L, 4_000L, 6_500L, 10_000L));
        int topFrom = 0;
        int topTo = TestMedia.HEIGHT * 3 / 10;
        int bottomFrom = TestMedia.HEIGHT * 6 / 10;
        int bottomTo = TestMedia.HEIGHT;
        // Warning on screen: much of the top band changes, the bottom band not beyond compression noise.
        assertTrue(changed(before.get(1_500L), after.get(1_500L), topFrom, topTo) > 0.25);
        assertTrue(changed(before.get(1_500L), after.get(1_500L), bottomFrom, bottomTo) < 0.01);
        // Between cues and after the last one: nothing drawn.
        for (long ms : List.of(4_000L, 10_000L)) {
            assertTrue(changed(before.get(ms), after.get(ms), topFrom, topTo) < 0.01, "top at " + ms);
            assertTrue(changed(before.get(ms), after.get(ms), bottomFrom, bottomTo) < 0.01, "bottom at " + ms);
        }
        // The tricky caption: drawn at the bottom.
        assertTrue(changed(before.get(6_500L), after.get(6_500L), bottomFrom, bottomTo) > 0.25);
        assertTrue(changed(before.get(6_500L), after.get(6_500L), topFrom, topTo) < 0.01);
        assertEquals(Math.round(6_000 * TestMedia.FPS / 1000.0), result.framesWithText(), 2.0);
    }

    @Test
    void drawsTwoLinesTallerThanOne() throws Exception {
        Track one = Track.of(Format.SRT, List.of(Cue.of(0, 2_000, "one line only")));
        Track two = Track.of(Format.SRT, List.of(Cue.of(0, 2_000, "one line only\nand another")));
        Path oneOut = dir.resolve("one.mp4");
        BurnIn.burn(source, one, oneOut, BurnOptions.defaults());
        BurnIn.burn(source, two, dir.resolve("two.mp4"), BurnOptions.defaults());
        byte[] plain = lumaAt(source, List.of(1_000L)).get(1_000L);
        int oneRows = changedRows(plain, lumaAt(oneOut, List.of(1_000L)).get(1_000L));
        int twoRows = changedRows(plain, lumaAt(dir.resolve("two.mp4"), List.of(1_000L)).get(1_000L));
        assertTrue(oneRows > 5, "rows " + oneRows);
        assertTrue(twoRows > oneRows * 1.6, oneRows + " vs " + twoRows);
    }

    @Test
    void reportsMissingFontAndLeavesNoFile() {
        Path out = dir.resolve("nofont.mp4");
        MediaException e = assertThrows(MediaException.class, () -> BurnIn.burn(source,
                Track.of(Format.SRT, List.of(Cue.of(0, 1_000, "x"))), out,
                BurnOptions.defaults().withFontFile(dir.resolve("missing.ttf"))));
        assertTrue(e.getMessage().contains("no such font file"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void reportsNotAMediaFile() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.mp4"), "not a video");
        Path out = dir.resolve("bad-out.mp4");
        assertThrows(MediaException.class, () -> BurnIn.burn(bad, Track.of(Format.SRT, List.of()), out,
                BurnOptions.defaults()));
        assertFalse(Files.exists(out));
    }

    /** The share of pixels in rows {@code [from, to)} whose luma differs by more than 12 (box or text). */
    static double changed(byte[] a, byte[] b, int from, int to) {
        long count = 0;
        int w = TestMedia.WIDTH;
        for (int y = from; y < to; y++) {
            for (int x = 0; x < w; x++) {
                if (Math.abs((a[y * w + x] & 0xff) - (b[y * w + x] & 0xff)) > 12) {
                    count++;
                }
            }
        }
        return count / (double) ((to - from) * w);
    }

    /** Rows where some pixel differs by more than 40 (text or box), not compression noise. */
    static int changedRows(byte[] a, byte[] b) {
        int rows = 0;
        int w = TestMedia.WIDTH;
        for (int y = 0; y < TestMedia.HEIGHT; y++) {
            for (int x = 0; x < w; x++) {
                if (Math.abs((a[y * w + x] & 0xff) - (b[y * w + x] & 0xff)) > 40) {
                    rows++;
                    break;
                }
            }
        }
        return rows;
    }

    /** The luma plane of the first frame at or after each time. */
    static Map<Long, byte[]> lumaAt(Path file, List<Long> timesMs) throws Exception {
        Map<Long, byte[]> frames = new java.util.TreeMap<>();
        List<Long> wanted = new ArrayList<>(timesMs);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setPixelFormat(AV_PIX_FMT_GRAY8);
            grabber.start();
            Frame frame;
            while (!wanted.isEmpty() && (frame = grabber.grabImage()) != null) {
                long ms = frame.timestamp / 1000;
                if (ms >= wanted.get(0)) {
                    ByteBuffer buffer = (ByteBuffer) frame.image[0];
                    byte[] luma = new byte[frame.imageWidth * frame.imageHeight];
                    for (int y = 0; y < frame.imageHeight; y++) {
                        for (int x = 0; x < frame.imageWidth; x++) {
                            luma[y * frame.imageWidth + x] = buffer.get(y * frame.imageStride + x);
                        }
                    }
                    frames.put(wanted.remove(0), luma);
                }
            }
            grabber.stop();
        }
        assertEquals(timesMs.size(), frames.size(), "frames found");
        return frames;
    }
}
