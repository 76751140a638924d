package io.capdex.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Streamed 16 kHz mono PCM: timing against the presentation clock, bad files, limits. */
class AudioDecoderIT {
    private static final long DURATION_MS = 5_000;
    private static final long BEEP_MS = 2_000;

    @TempDir
    static Path dir;
    static Path mp4;

    @BeforeAll
    static void makeClips() throws IOException {
        mp4 = TestMedia.write(dir.resolve("clip.mp4"), TestMedia.Spec.mp4(), DURATION_MS, BEEP_MS);
    }

    static Stream<Arguments> containers() {
        return Stream.of(
                Arguments.of("clip.mov", TestMedia.Spec.mov()),
                Arguments.of("clip.mkv", TestMedia.Spec.mkv()),
                Arguments.of("clip.m4a", TestMedia.Spec.m4a()),
                Arguments.of("clip.wav", TestMedia.Spec.wav()));
    }

    @Test
    void beepInMp4StartsAtItsPresentationTime() throws MediaException {
        // AAC in MP4 carries 1024 priming samples hidden by an edit list: ignoring it would put the beep ~23 ms late.
        Capture capture = decode(mp4);
        assertEquals(BEEP_MS, capture.onsetMs(), 10, "beep onset");
        assertEquals(DURATION_MS, capture.stats.decodedMs(), 30, "decoded length");
        assertFalse(capture.stats.truncated(), capture.stats.warnings().toString());
        assertEquals("aac", capture.stats.codec());
        assertEquals(44_100, capture.stats.sourceSampleRate());
        assertEquals(2, capture.stats.sourceChannels());
        assertEquals(1, capture.stats.streamIndex(), "the audio stream follows the video stream");
    }

    @ParameterizedTest
    @MethodSource("containers")
    void beepStartsAtItsPresentationTimeInEveryContainer(String name, TestMedia.Spec spec)
            throws IOException, MediaException {
        Path clip = TestMedia.write(dir.resolve(name), spec, DURATION_MS, BEEP_MS);
        Capture capture = decode(clip);
        assertEquals(BEEP_MS, capture.onsetMs(), 10, name + " beep onset");
        assertEquals(DURATION_MS, capture.stats.decodedMs(), 60, name + " decoded length");
        assertFalse(capture.stats.truncated(), capture.stats.warnings().toString());
    }

    @Test
    void audioThatStartsLateIsPrecededBySilence() throws Exception {
        // made by src/test/resources/media/make-clips.sh: video from 0, audio from 0.5 s, beep 1 s into the audio
        Capture capture = decode(resource("delayed-audio.mp4"));
        assertEquals(1_500, capture.onsetMs(), 10, "beep onset on the presentation clock");
        assertEquals(2_500, capture.stats.decodedMs(), 40, "0.5 s of silence plus 2 s of audio");
        assertTrue(capture.stats.warnings().stream().anyMatch(w -> w.contains("filled with silence")),
                capture.stats.warnings().toString());
        assertFalse(capture.stats.truncated());
    }

    @Test
    void mpegTsCountsFromTheContainerStartNotFromClockZero() throws Exception {
        // The TS clock starts at 1.4 s. The audio (first stream to start) carries AAC priming that TS cannot
        // signal, so the beep, 1 s into the source audio, sits 21 ms (1024/48000 s) later on the file's clock.
        Capture capture = decode(resource("broadcast.ts"));
        assertEquals(1_021, capture.onsetMs(), 10, "beep onset on the presentation clock");
        assertEquals(2_000, capture.stats.decodedMs(), 60);
    }

    @Test
    void decodesTheDefaultAudioStreamOrTheOneAskedFor() throws Exception {
        Path twoLanguages = resource("two-languages.mkv");
        Capture english = decode(twoLanguages);
        assertEquals(0, english.stats.streamIndex());
        assertEquals("opus", english.stats.codec());
        assertEquals(1_000, english.onsetMs(), 10, "Opus pre-skip honoured too");

        Capture spanish = new Capture();
        spanish.stats = AudioDecoder.decode(twoLanguages, 1, Long.MAX_VALUE, spanish);
        assertEquals(1, spanish.stats.streamIndex());
        assertEquals(1_500, spanish.onsetMs(), 10);

        MediaException e = assertThrows(MediaException.class,
                () -> AudioDecoder.decode(mp4, 0, Long.MAX_VALUE, (s, n) -> {}));
        assertEquals(mp4 + ": stream 0 is not an audio stream", e.getMessage());
    }

    @Test
    void survivesCorruptBytesInTheMiddle() throws IOException, MediaException {
        byte[] bytes = Files.readAllBytes(mp4);
        java.util.Random random = new java.util.Random(7);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 4_000; i++) {
            bytes[i] = (byte) random.nextInt();
        }
        Path damaged = Files.write(dir.resolve("damaged.mp4"), bytes);
        Capture capture = decode(damaged);
        assertEquals(DURATION_MS, capture.stats.decodedMs(), 60, "damaged packets keep their place in time");
        assertEquals(BEEP_MS, capture.onsetMs(), 10);
    }

    @Test
    void deliversSmallBlocksNeverTheWholeTrack() throws MediaException {
        Capture capture = decode(mp4);
        assertTrue(capture.blocks > 50, "blocks: " + capture.blocks);
        assertTrue(capture.largestBlock <= PcmConsumer.SAMPLE_RATE / 4, "largest block: " + capture.largestBlock);
        assertEquals(capture.stats.samples(), capture.total);
    }

    @Test
    void stopsAtTheLimit() throws MediaException {
        Capture capture = new Capture();
        AudioStats stats = AudioDecoder.decode(mp4, 1_234, capture);
        assertEquals(1_234 * 16, stats.samples());
        assertEquals(stats.samples(), capture.total);
        assertFalse(stats.truncated(), "a limit is not truncation");
    }

    @Test
    void decodesWhatIsThereInATruncatedFileAndSaysSo() throws IOException, MediaException {
        byte[] whole = Files.readAllBytes(mp4);
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(whole, whole.length * 3 / 5));
        Capture capture = decode(cut);
        assertTrue(capture.stats.truncated());
        assertTrue(capture.stats.decodedMs() > 2_500 && capture.stats.decodedMs() < 4_500,
                "decoded " + capture.stats.decodedMs());
        assertEquals(BEEP_MS, capture.onsetMs(), 10, "beep onset in the part that is there");
        assertTrue(capture.stats.warnings().get(0).contains("probably truncated"), capture.stats.warnings().toString());
    }

    @Test
    void refusesVideoWithoutAudio() throws IOException {
        Path silent = TestMedia.write(dir.resolve("silent.mp4"), TestMedia.Spec.silentMp4(), 1_000, 0);
        MediaException e = assertThrows(MediaException.class, () -> AudioDecoder.decode(silent, (s, n) -> {}));
        assertEquals(silent + ": no audio stream; sync needs audio", e.getMessage());
    }

    @Test
    void subtitleFileRenamedToMp4HasNoAudio() throws IOException {
        // FFmpeg recognises SRT by content, whatever the name: it is a media file, just without audio.
        Path srt = Files.writeString(dir.resolve("captions.mp4"), "1\n00:00:01,000 --> 00:00:02,000\nHello\n",
                StandardCharsets.UTF_8);
        MediaException e = assertThrows(MediaException.class, () -> AudioDecoder.decode(srt, (s, n) -> {}));
        assertEquals(srt + ": no audio stream; sync needs audio", e.getMessage());
    }

    @Test
    void refusesEmptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        MediaException e = assertThrows(MediaException.class, () -> AudioDecoder.decode(empty, (s, n) -> {}));
        assertEquals(empty + ": not a media file (the file is empty)", e.getMessage());
    }

    @Test
    void refusesTextRenamedToMp4WithReadableMessage() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.mp4"),
                "Interview notes: ask about the trial, then the family.\n",
                StandardCharsets.UTF_8);
        MediaException e = assertThrows(MediaException.class, () -> AudioDecoder.decode(text, (s, n) -> {}));
        assertEquals(text + ": not a media file (Invalid data found when processing input: moov atom not found)",
                e.getMessage());
    }

    @Test
    void refusesMissingFile() {
        Path missing = dir.resolve("missing.mp4");
        MediaException e = assertThrows(MediaException.class, () -> AudioDecoder.decode(missing, (s, n) -> {}));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void opensFileNamesOutsideAscii() throws IOException, MediaException {
        Path named = Files.copy(mp4, dir.resolve("Entrevista – Peña Müller 東京.mp4"));
        assertEquals(DURATION_MS, decode(named).stats.decodedMs(), 30);
    }

    private static Path resource(String name) throws java.net.URISyntaxException {
        return Path.of(AudioDecoderIT.class.getResource("/media/" + name).toURI());
    }

    private static Capture decode(Path file) throws MediaException {
        Capture capture = new Capture();
        capture.stats = AudioDecoder.decode(file, capture);
        return capture;
    }

    /** Keeps a short envelope (2 ms RMS windows) rather than the samples, and block statistics. */
    static final class Capture implements PcmConsumer {
        private static final int WINDOW = 32;
        AudioStats stats;
        long total;
        int blocks;
        int largestBlock;
        private double sum;
        private int inWindow;
        private long loudWindowStart = -1;

        @Override
        public void accept(short[] samples, int count) {
            blocks++;
            largestBlock = Math.max(largestBlock, count);
            for (int i = 0; i < count; i++) {
                sum += (double) samples[i] * samples[i];
                if (++inWindow == WINDOW) {
                    double rms = Math.sqrt(sum / WINDOW);
                    if (rms > 2_500 && loudWindowStart < 0) {
                        loudWindowStart = total + i + 1 - WINDOW;
                    }
                    sum = 0;
                    inWindow = 0;
                }
            }
            total += count;
        }

        /** Milliseconds of the first loud window: the beep onset (its RMS is ~6,000 after the mono mix). */
        long onsetMs() {
            assertTrue(loudWindowStart >= 0, "no beep found");
            return loudWindowStart * 1000 / SAMPLE_RATE;
        }
    }
}
