package io.capdex.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Container and stream facts of generated clips, and readable refusals of files that are not media. */
class MediaProbeIT {
    @TempDir
    static Path dir;
    static Path mp4;

    @BeforeAll
    static void makeClips() throws IOException {
        mp4 = TestMedia.write(dir.resolve("clip.mp4"), TestMedia.Spec.mp4(), 5_000, 2_000);
    }

    @Test
    void describesMp4WithVideoAudioAndTags() throws MediaException {
        MediaInfo info = MediaProbe.probe(mp4);
        assertEquals(mp4.toString(), info.path());
        assertEquals("mp4", info.container());
        assertEquals("mov,mp4,m4a,3gp,3g2,mj2", info.formatName());
        assertNotNull(info.durationMs());
        assertEquals(5_000, info.durationMs(), 50);
        assertEquals(0, info.startMs());
        assertTrue(info.hasAudio());
        assertTrue(info.hasVideo());
        assertEquals(2, info.streams().size());

        StreamInfo video = info.streams().get(0);
        assertEquals(0, video.index());
        assertEquals(StreamType.VIDEO, video.type());
        assertEquals("h264", video.codec());
        assertEquals(320, video.width());
        assertEquals(180, video.height());
        assertEquals(25.0, video.fps());
        assertEquals(0, video.rotation());
        assertNull(video.channels());
        assertNull(video.language(), "und is reported as no language");

        StreamInfo audio = info.streams().get(1);
        assertEquals(StreamType.AUDIO, audio.type());
        assertEquals("aac", audio.codec());
        assertEquals("eng", audio.language());
        assertEquals(2, audio.channels());
        assertEquals(44_100, audio.sampleRate());
        assertNull(audio.width());
        assertNull(audio.fps());
        assertTrue(audio.disposition().contains("default"), audio.disposition().toString());

        assertEquals("Interview 17 – Dr. Müller", info.tags().get("title"));
        assertEquals("capdex test clip", info.tags().get("comment"));
        assertEquals("isom", info.tags().get("major_brand"));
        assertTrue(info.tags().get("encoder").startsWith("Lavf"), info.tags().toString());
    }

    @Test
    void namesContainersFromContent() throws IOException, MediaException {
        assertEquals("mov", probe("clip.mov", TestMedia.Spec.mov()).container());
        MediaInfo mkv = probe("clip.mkv", TestMedia.Spec.mkv());
        assertEquals("mkv", mkv.container());
        assertEquals("matroska,webm", mkv.formatName());
        assertEquals("mpeg4", mkv.streams().get(0).codec());
        MediaInfo m4a = probe("clip.m4a", TestMedia.Spec.m4a());
        assertEquals("m4a", m4a.container());
        assertTrue(m4a.hasAudio());
        assertFalse(m4a.hasVideo());
        MediaInfo wav = probe("clip.wav", TestMedia.Spec.wav());
        assertEquals("wav", wav.container());
        assertEquals(List.of(StreamType.AUDIO), wav.streams().stream().map(StreamInfo::type).toList());
        assertEquals(22_050, wav.streams().get(0).sampleRate());
        assertEquals(1, wav.streams().get(0).channels());
        assertEquals("pcm_s16le", wav.streams().get(0).codec());
        assertEquals(5_000, wav.durationMs(), 5);
    }

    @Test
    void reportsMpegTsStartingLateAsTs() throws Exception {
        Path ts = Path.of(MediaProbeIT.class.getResource("/media/broadcast.ts").toURI());
        MediaInfo info = MediaProbe.probe(ts);
        assertEquals("ts", info.container());
        assertEquals("mpegts", info.formatName());
        assertEquals(List.of("h264", "aac"), info.streams().stream().map(StreamInfo::codec).toList());
        assertEquals(2_021, info.durationMs(), 30);
        assertEquals(1_400, info.startMs());
    }

    @Test
    void mp4NamedMovIsStillMp4ByItsBrand() throws IOException, MediaException {
        Path renamed = Files.copy(mp4, dir.resolve("renamed.mov"));
        assertEquals("mp4", MediaProbe.probe(renamed).container());
    }

    @Test
    void readsRotationFromTheDisplayMatrix() throws IOException, MediaException {
        // A phone's portrait clip: matrix angle -90 (counter-clockwise), legacy tag rotate=90.
        MediaInfo portrait = probe("portrait.mp4", TestMedia.Spec.mp4().rotated(-90));
        assertEquals(90, portrait.streams().get(0).rotation());
        MediaInfo other = probe("other.mp4", TestMedia.Spec.mp4().rotated(90));
        assertEquals(270, other.streams().get(0).rotation());
    }

    @Test
    void serialisesToTheProbeJsonShape() throws IOException, MediaException {
        JsonNode json = new ObjectMapper().valueToTree(MediaProbe.probe(mp4));
        for (String field : List.of("path", "container", "durationMs", "hasAudio", "streams", "tags")) {
            assertTrue(json.has(field), field + " in " + json);
        }
        JsonNode video = json.get("streams").get(0);
        assertEquals("video", video.get("type").asText());
        for (String field : List.of("index", "codec", "width", "height", "fps")) {
            assertTrue(video.has(field), field + " in " + video);
        }
        assertFalse(video.has("channels"), "fields that do not apply are left out: " + video);
        assertFalse(video.has("attachedPicture"), "derived accessors stay out: " + video);
        assertFalse(json.has("video"), "derived accessors stay out: " + json);
        JsonNode audio = json.get("streams").get(1);
        for (String field : List.of("index", "type", "codec", "language", "channels", "sampleRate")) {
            assertTrue(audio.has(field), field + " in " + audio);
        }
        assertTrue(json.get("durationMs").isIntegralNumber());
    }

    @Test
    void refusesFilesThatAreNotMedia() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.mov"));
        assertEquals(empty + ": not a media file (the file is empty)", refusal(empty));
        Path text = Files.writeString(dir.resolve("notes.mkv"), "Questions for Thursday's interview.\n",
                StandardCharsets.UTF_8);
        assertEquals(text + ": not a media file (Invalid data found when processing input: EBML header parsing failed)",
                refusal(text));
        Path missing = dir.resolve("nowhere.mp4");
        assertEquals(missing + ": no such file", refusal(missing));
        assertEquals(dir + ": is a directory, not a media file", refusal(dir));
    }

    @Test
    void probesFileThatIsCutOff() throws IOException, MediaException {
        byte[] whole = Files.readAllBytes(mp4);
        Path cut = Files.write(dir.resolve("cut.mp4"), java.util.Arrays.copyOf(whole, whole.length / 2));
        MediaInfo info = MediaProbe.probe(cut);
        // The header (moov first) still declares the whole length: probing alone cannot see the cut.
        assertEquals(5_000, info.durationMs(), 50);
        assertEquals(2, info.streams().size());
    }

    private static MediaInfo probe(String name, TestMedia.Spec spec) throws IOException, MediaException {
        return MediaProbe.probe(TestMedia.write(dir.resolve(name), spec, 5_000, 2_000));
    }

    private static String refusal(Path file) {
        return assertThrows(MediaException.class, () -> MediaProbe.probe(file)).getMessage();
    }
}
