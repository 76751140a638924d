package io.capdex.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What browsers play, and the MP4 made for them from what they do not. */
class BrowserVideoIT {
    private static final Path SAMPLE = Path.of("samples/stem-cell-donor.mp4");

    @Test
    void callsH264AacMp4PlayableAndMkvMovNot(@TempDir Path dir) throws Exception {
        assertTrue(BrowserVideo.playable(MediaProbe.probe(SAMPLE)));
        assertEquals("video/mp4", BrowserVideo.mediaType(MediaProbe.probe(SAMPLE)));
        Path mkv = dir.resolve("copy.mkv");
        MediaConcat.repeat(SAMPLE, 1, mkv);
        assertFalse(BrowserVideo.playable(MediaProbe.probe(mkv)), "Matroska is not an HTML5 video container");
        Path mov = TestMedia.write(dir.resolve("clip.mov"), TestMedia.Spec.mov(), 1_000, 200);
        assertFalse(BrowserVideo.playable(MediaProbe.probe(mov)));
        Path mpeg4InMp4 = TestMedia.write(dir.resolve("mpeg4.mp4"), new TestMedia.Spec("mp4", true, true,
                org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4,
                org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC, 44_100, 2, 0), 1_000, 200);
        assertFalse(BrowserVideo.playable(MediaProbe.probe(mpeg4InMp4)), "MPEG-4 Part 2 video does not play");
        Path m4a = TestMedia.write(dir.resolve("voice.m4a"), TestMedia.Spec.m4a(), 1_000, 200);
        assertTrue(BrowserVideo.playable(MediaProbe.probe(m4a)));
        assertEquals("audio/mp4", BrowserVideo.mediaType(MediaProbe.probe(m4a)));
    }

    @Test
    void remuxesH264MkvByStreamCopyIntoAFaststartMp4(@TempDir Path dir) throws Exception {
        Path mkv = dir.resolve("interview.mkv");
        MediaConcat.repeat(SAMPLE, 1, mkv);
        Path out = dir.resolve("interview.mp4");
        BrowserVideo.Result how = BrowserVideo.toMp4(mkv, out);
        assertTrue(how.videoCopied() && how.audioCopied(), how.toString());
        MediaInfo source = MediaProbe.probe(SAMPLE);
        MediaInfo made = MediaProbe.probe(out);
        assertTrue(BrowserVideo.playable(made), made.toString());
        assertEquals(List.of("h264", "aac"), made.streams().stream().map(StreamInfo::codec).toList());
        assertTrue(Math.abs(made.durationMs() - source.durationMs()) <= 100, made.durationMs() + " vs " + source.durationMs());
        assertTrue(moovBeforeMdat(out), "faststart: the index comes before the media data");
        // the copy decodes: a picture from the middle comes out
        Thumbnail middle = Thumbnails.capture(out, List.of(30_000L), 160).get(0);
        assertTrue(Math.abs(middle.frameMs() - 30_000) < 100, "frame at " + middle.frameMs());
    }

    @Test
    void reencodesVideoAndAudioBrowsersCannotPlay(@TempDir Path dir) throws Exception {
        Path mkv = TestMedia.write(dir.resolve("old.mkv"), TestMedia.Spec.mkv(), 2_000, 500); // MPEG-4 Part 2
        Path out = dir.resolve("old.mp4");
        BrowserVideo.Result how = BrowserVideo.toMp4(mkv, out);
        assertFalse(how.videoCopied(), how.toString());
        MediaInfo made = MediaProbe.probe(out);
        assertTrue(BrowserVideo.playable(made), made.toString());
        assertEquals("h264", made.firstStream(StreamType.VIDEO).orElseThrow().codec());
        assertEquals("aac", made.firstStream(StreamType.AUDIO).orElseThrow().codec());
        assertTrue(Math.abs(made.durationMs() - 2_000) <= 150, "duration " + made.durationMs());
        assertTrue(moovBeforeMdat(out));
        // the picture brightens over time in the source; the re-encoded frames keep that order
        List<Thumbnail> shots = Thumbnails.capture(out, List.of(200L, 1_800L), 64);
        assertTrue(shots.get(0).frameMs() < shots.get(1).frameMs());
    }

    @Test
    void reencodesPcmAudioOnlyFiles(@TempDir Path dir) throws Exception {
        Path wav = TestMedia.write(dir.resolve("voice.wav"), TestMedia.Spec.wav(), 1_500, 300);
        Path out = dir.resolve("voice.mp4");
        BrowserVideo.toMp4(wav, out);
        MediaInfo made = MediaProbe.probe(out);
        assertFalse(made.hasVideo());
        assertEquals("aac", made.firstStream(StreamType.AUDIO).orElseThrow().codec());
        assertTrue(BrowserVideo.playable(made));
    }

    @Test
    void leavesNoPartialFileWhenTheSourceIsNotMedia(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("notes.mkv");
        Files.writeString(text, "not a video");
        Path out = dir.resolve("notes.mp4");
        MediaException e = assertThrows(MediaException.class, () -> BrowserVideo.toMp4(text, out));
        assertTrue(e.getMessage().startsWith(text + ": not a media file"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    /** Whether the top-level {@code moov} box comes before {@code mdat} (what faststart does). */
    static boolean moovBeforeMdat(Path mp4) throws Exception {
        byte[] b = Files.readAllBytes(mp4);
        int at = 0;
        while (at + 8 <= b.length) {
            long size = ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
            String type = new String(b, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (type.equals("moov")) {
                return true;
            }
            if (type.equals("mdat")) {
                return false;
            }
            if (size == 1) {
                size = java.nio.ByteBuffer.wrap(b, at + 8, 8).getLong();
            }
            if (size < 8) {
                return false;
            }
            at += (int) size;
        }
        return false;
    }
}
