package io.capdex.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stills at many times from one open decoder; the generated clip brightens linearly, so each time is checkable. */
class ThumbnailsIT {
    private static final long DURATION_MS = 5_000;

    @TempDir
    static Path dir;
    static Path mp4;

    @BeforeAll
    static void makeClip() throws IOException {
        mp4 = TestMedia.write(dir.resolve("clip.mp4"), TestMedia.Spec.mp4(), DURATION_MS, 2_000);
    }

    @Test
    void capturesEachRequestedTimeInRequestOrder() throws IOException, MediaException {
        List<Long> times = List.of(4_000L, 500L, 2_520L, 0L);
        List<Thumbnail> shots = Thumbnails.capture(mp4, times, 160);
        assertEquals(times.size(), shots.size());
        for (int i = 0; i < times.size(); i++) {
            Thumbnail shot = shots.get(i);
            long time = times.get(i);
            assertEquals(time, shot.requestedMs());
            assertTrue(shot.frameMs() <= time && shot.frameMs() > time - 40,
                    "the frame on screen at " + time + " (25 fps) but " + shot.frameMs());
            BufferedImage image = decode(shot);
            assertEquals(160, image.getWidth());
            assertEquals(90, image.getHeight(), "16:9 kept");
            assertEquals(160, shot.width());
            assertEquals(90, shot.height());
            assertEquals(TestMedia.brightnessAt(shot.frameMs(), DURATION_MS), brightness(image), 6,
                    "picture shown at " + time);
        }
    }

    @Test
    void timesPastTheEndShowTheLastFrame() throws IOException, MediaException {
        Thumbnail last = Thumbnails.capture(mp4, List.of(60_000L), 64).get(0);
        assertEquals(60_000, last.requestedMs());
        assertTrue(last.frameMs() >= DURATION_MS - 200 && last.frameMs() < DURATION_MS, "frame " + last.frameMs());
        assertEquals(TestMedia.brightnessAt(DURATION_MS, DURATION_MS), brightness(decode(last)), 8);
    }

    @Test
    void turnsPortraitPhoneClipsUpright() throws IOException, MediaException {
        Path portrait = TestMedia.write(dir.resolve("portrait.mp4"), TestMedia.Spec.mp4().rotated(-90), 1_000, 0);
        Thumbnail shot = Thumbnails.capture(portrait, List.of(500L), 90).get(0);
        BufferedImage image = decode(shot);
        assertEquals(90, image.getWidth());
        assertEquals(160, image.getHeight());
    }

    @Test
    void opensFileNamesOutsideAscii() throws IOException, MediaException {
        Path named = Files.copy(mp4, dir.resolve("Entrevista – Peña Müller 東京.mp4"));
        assertEquals(1, Thumbnails.capture(named, List.of(1_000L), 64).size());
    }

    @Test
    void capturesWhatIsThereInATruncatedFile() throws IOException, MediaException {
        byte[] whole = Files.readAllBytes(mp4);
        Path cut = Files.write(dir.resolve("cut.mp4"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Thumbnail shot = Thumbnails.capture(cut, List.of(1_000L), 64).get(0);
        assertEquals(TestMedia.brightnessAt(shot.frameMs(), DURATION_MS), brightness(decode(shot)), 6);
    }

    @Test
    void translatesJavaCvMessagesForPeople() {
        // JavaCV's exception appends "(For more details, make sure FFmpegLogCallback.set() has been called.)".
        Exception e = new org.bytedeco.javacv.FFmpegFrameGrabber.Exception(
                "av_read_frame() error -5: Could not read frame");
        assertEquals("Could not read frame", Thumbnails.readable(e));
    }

    @Test
    void refusesAudioOnlyFiles() throws IOException {
        Path m4a = TestMedia.write(dir.resolve("voice.m4a"), TestMedia.Spec.m4a(), 1_000, 0);
        MediaException e = assertThrows(MediaException.class, () -> Thumbnails.capture(m4a, List.of(0L), 64));
        assertEquals(m4a + ": no video stream; nothing to take pictures of", e.getMessage());
    }

    @Test
    void nothingRequestedNothingOpened() throws MediaException {
        assertEquals(List.of(), Thumbnails.capture(dir.resolve("never-opened.mp4"), List.of(), 64));
    }

    private static BufferedImage decode(Thumbnail shot) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(shot.jpeg()));
        assertTrue(image != null, "valid JPEG");
        return image;
    }

    private static int brightness(BufferedImage image) {
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
            }
        }
        return (int) (sum / (3L * image.getWidth() * image.getHeight()));
    }
}
