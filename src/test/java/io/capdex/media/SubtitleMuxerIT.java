package io.capdex.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Line;
import io.capdex.caption.Run;
import io.capdex.caption.Source;
import io.capdex.caption.Style;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Track;
import io.capdex.caption.Format;
import io.capdex.caption.Origin;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Soft subtitle tracks written into MP4 and MKV read back through FFmpeg as the same cues. */
class SubtitleMuxerIT {
    static final String WARNING = "Subtitles and translations were made by AI\nand may be inaccurate.";
    static final String COMMENT = "Subtitles and translations were made by AI and may be inaccurate. Tracks: en, es";

    @TempDir
    static Path dir;
    static Path source;

    @BeforeAll
    static void makeSource() throws IOException {
        source = TestMedia.write(dir.resolve("source.mp4"), TestMedia.Spec.mp4(), 12_000, 1_000);
    }

    static Cue top(long startMs, long endMs, String text) {
        return Cue.of(startMs, endMs, text).withSettings(Map.of("line", "0"));
    }

    static Track english() {
        List<Cue> cues = List.of(
                top(0, 3_000, WARNING),
                Cue.of(3_000, 5_500, "Dr. Müller: it's 100% \\ {not} markup"),
                Cue.of(6_000, 8_250, "Two lines,\nthe second one"),
                Cue.of(9_001, 11_000, "C:\\new folder {\\an5} \\N stays text"),
                Cue.of(11_000, 11_999, "ends in a backslash \\\n{ then a brace"));
        return new Track("en", Source.ASR, cues, List.of(), List.of(), Origin.of(Format.SRT));
    }

    static Track spanish() {
        Cue italic = new Cue(new TimeSpan(4_000, 7_000), null,
                List.of(new Line(List.of(Run.plain("¿Qué "), new Run("tal", Style.PLAIN.withItalic(true)), Run.plain("?")))),
                null, List.of(), Map.of());
        List<Cue> cues = List.of(
                top(0, 3_500, "Los subtítulos y las traducciones los hizo una IA\ny pueden ser inexactos."),
                italic,
                Cue.of(7_500, 10_000, "Leucemia linfoblástica aguda"));
        return new Track("es", Source.MT, cues, List.of(), List.of(), Origin.of(Format.VTT));
    }

    static List<SubtitleTrackSpec> specs() {
        return List.of(new SubtitleTrackSpec(english(), "English (AI-generated)", true),
                SubtitleTrackSpec.of(spanish(), "Español (generado por IA)"));
    }

    static MuxOptions options() {
        return MuxOptions.defaults().withContainerTags(Map.of("comment", COMMENT, "description", COMMENT));
    }

    @Test
    void mp4TracksReadBackAsTheSameCues() throws Exception {
        Path out = dir.resolve("soft.mp4");
        MuxResult result = SubtitleMuxer.mux(source, specs(), ContainerKind.MP4, out, options());
        assertEquals(8, result.subtitlePackets());
        SubtitleFile file = SubtitleReader.readFile(out, Long.MAX_VALUE);
        assertEquals(2, file.streams().size());
        SubtitleStreamCues en = file.streams().get(0);
        assertEquals("mov_text", en.codec());
        assertEquals("eng", en.language());
        assertEquals("English (AI-generated)", en.title());
        assertEquals("spa", file.streams().get(1).language());
        assertEquals("Español (generado por IA)", file.streams().get(1).title());
        assertSameCues(english().cues(), en.cues(), 1, false);
        assertSameCues(spanish().cues(), file.streams().get(1).cues(), 1, false);
        assertEquals(COMMENT, file.containerTags().get("comment"));
        assertEquals(COMMENT, file.containerTags().get("description"));
        assertTrue(moovBeforeMdat(out), "faststart: moov before mdat");
        assertEquals(packetCounts(source), packetCounts(out));
        assertEquals(packetCounts(source).values().stream().mapToLong(Long::longValue).sum(), result.copiedPackets());
    }

    @Test
    void mkvTracksReadBackAsTheSameCuesWithPositionAndOverlap() throws Exception {
        Track overlapping = english().withCues(List.of(top(0, 4_000, WARNING), Cue.of(1_000, 3_000, "Under the warning")));
        List<SubtitleTrackSpec> specs = List.of(new SubtitleTrackSpec(english(), "English (AI-generated)", true),
                SubtitleTrackSpec.of(spanish(), "Español (generado por IA)"),
                SubtitleTrackSpec.of(overlapping.withLanguage("de"), "Deutsch (KI-generiert)"));
        Path out = dir.resolve("soft.mkv");
        SubtitleMuxer.mux(source, specs, ContainerKind.MKV, out, options());
        SubtitleFile file = SubtitleReader.readFile(out, Long.MAX_VALUE);
        assertEquals(3, file.streams().size());
        assertEquals("subrip", file.streams().get(0).codec());
        assertEquals(List.of("eng", "spa", "ger"), file.streams().stream().map(SubtitleStreamCues::language).toList());
        assertEquals("English (AI-generated)", file.streams().get(0).title());
        assertEquals("Deutsch (KI-generiert)", file.streams().get(2).title());
        long shiftMs = firstVideoMs(out) - firstVideoMs(source);
        assertTrue(shiftMs >= 0 && shiftMs <= 50, "AAC priming shift " + shiftMs);
        assertSameCues(shifted(english().cues(), shiftMs), file.streams().get(0).cues(), 1, true);
        assertSameCues(shifted(spanish().cues(), shiftMs), file.streams().get(1).cues(), 1, true);
        assertSameCues(shifted(overlapping.cues(), shiftMs), file.streams().get(2).cues(), 1, true);
        assertEquals(COMMENT, file.containerTags().get("comment"));
        assertEquals(packetCounts(source), packetCounts(out));
    }

    @Test
    void mkvCarriesWebVtt() throws Exception {
        Path out = dir.resolve("soft-vtt.mkv");
        SubtitleMuxer.mux(source, specs(), ContainerKind.MKV, out, options().withMkvCodec(MuxOptions.MkvCodec.WEBVTT));
        List<SubtitleStreamCues> streams = SubtitleReader.read(out);
        assertEquals("webvtt", streams.get(0).codec());
        long shiftMs = firstVideoMs(out) - firstVideoMs(source);
        assertSameCues(shifted(spanish().cues(), shiftMs), streams.get(1).cues(), 1, false);
    }

    @Test
    void rejectsOverlappingCuesForMp4AndLeavesNoFile() {
        Track overlapping = english().withCues(List.of(top(0, 4_000, WARNING), Cue.of(1_000, 3_000, "Under")));
        Path out = dir.resolve("overlap.mp4");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SubtitleMuxer.mux(source,
                List.of(SubtitleTrackSpec.of(overlapping, "English")), ContainerKind.MP4, out, options()));
        assertTrue(e.getMessage().contains("1000"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void reportsUnreadableSourceAndDeletesNothingElse() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.mp4"), "not a video");
        Path out = dir.resolve("bad-out.mp4");
        MediaException e = assertThrows(MediaException.class,
                () -> SubtitleMuxer.mux(bad, specs(), ContainerKind.MP4, out, options()));
        assertTrue(e.getMessage().contains("not a media file"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void readsOnlyOpeningCuesWithALimit() throws Exception {
        Path out = dir.resolve("limited.mkv");
        SubtitleMuxer.mux(source, specs(), ContainerKind.MKV, out, options());
        SubtitleFile file = SubtitleReader.readFile(out, 3_500);
        List<Cue> cues = file.streams().get(0).cues();
        assertFalse(cues.isEmpty());
        assertTrue(cues.stream().allMatch(c -> c.startMs() <= 3_500), cues.toString());
        assertTrue(cues.size() < english().cues().size());
    }

    @Test
    void realSampleWithPrimedAacKeepsSubtitlesInStepWithThePicture() throws Exception {
        Path sample = Path.of("samples/all-remission.mp4");
        var parsed = new io.capdex.caption.srt.SrtReader()
                .read(Files.readString(Path.of("samples/all-remission.en.srt")));
        Track track = parsed.track().withLanguage("en");
        for (ContainerKind kind : ContainerKind.values()) {
            Path out = dir.resolve("sample." + kind.name().toLowerCase(java.util.Locale.ROOT));
            SubtitleMuxer.mux(sample, List.of(new SubtitleTrackSpec(track, "English (AI-generated)", true)), kind, out,
                    options());
            assertEquals(packetCounts(sample), packetCounts(out), kind.name());
            long shiftMs = firstVideoMs(out) - firstVideoMs(sample);
            // MP4 keeps the priming in its edit list; Matroska moves every stream 21 ms later instead.
            assertEquals(kind == ContainerKind.MP4 ? 0 : 21, shiftMs, kind.name());
            List<SubtitleStreamCues> streams = SubtitleReader.read(out);
            assertEquals(1, streams.size());
            assertSameCues(shifted(track.cues(), shiftMs), streams.get(0).cues(), 1, false);
        }
    }

    static List<Cue> shifted(List<Cue> cues, long shiftMs) {
        return cues.stream().map(c -> c.shiftedBy(shiftMs)).toList();
    }

    @Test
    void packetTimesConvertToMicrosecondsExactlyAsFfmpegRoundsThem() {
        long[][] bases = {{1, 12_800}, {1, 90_000}, {1, 44_100}, {1, 48_000}, {1001, 30_000}, {1, 1_000}, {3, 7},
            {1, 1_000_000}, {5_000, 3}, {1, Integer.MAX_VALUE}};
        java.util.SplittableRandom random = new java.util.SplittableRandom(6);
        for (long[] b : bases) {
            org.bytedeco.ffmpeg.avutil.AVRational base = new org.bytedeco.ffmpeg.avutil.AVRational()
                    .num((int) b[0]).den((int) b[1]);
            org.bytedeco.ffmpeg.avutil.AVRational micros = new org.bytedeco.ffmpeg.avutil.AVRational().num(1)
                    .den(1_000_000);
            List<Long> ticks = new ArrayList<>(List.of(0L, 1L, -1L, b[1] / 2, -b[1] / 2, (b[1] + 1) / 2,
                    -(b[1] + 1) / 2, Long.MAX_VALUE, Long.MIN_VALUE + 1, 1L << 45, -(1L << 45)));
            for (int i = 0; i < 2_000; i++) {
                ticks.add(random.nextLong(-(1L << 40), 1L << 40));
            }
            for (long t : ticks) {
                assertEquals(org.bytedeco.ffmpeg.global.avutil.av_rescale_q(t, base, micros),
                        SubtitleMuxer.ticksToMicros(t, b[0], b[1], base), t + " ticks of " + b[0] + "/" + b[1]);
            }
        }
    }

    static void assertSameCues(List<Cue> expected, List<Cue> actual, long toleranceMs, boolean position) {
        assertEquals(expected.size(), actual.size(), actual.toString());
        for (int i = 0; i < expected.size(); i++) {
            Cue want = expected.get(i);
            Cue got = actual.get(i);
            assertEquals(want.text(), got.text(), "cue " + i);
            assertTrue(Math.abs(want.startMs() - got.startMs()) <= toleranceMs, "start of cue " + i + ": " + got);
            assertTrue(Math.abs(want.endMs() - got.endMs()) <= toleranceMs, "end of cue " + i + ": " + got);
            if (position) {
                assertEquals(AssText.isTop(want), AssText.isTop(got), "position of cue " + i);
            }
        }
    }

    /** Packets per stream type ("video", "audio"), counted by demuxing. */
    static Map<String, Long> packetCounts(Path file) throws MediaException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (FfmpegInput input = FfmpegInput.open(file)) {
            var context = input.context();
            var packet = org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc();
            while (org.bytedeco.ffmpeg.global.avformat.av_read_frame(context, packet) >= 0) {
                int type = context.streams(packet.stream_index()).codecpar().codec_type();
                String name = type == org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO ? "video"
                        : type == org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO ? "audio" : null;
                if (name != null) {
                    counts.merge(name, 1L, Long::sum);
                }
                org.bytedeco.ffmpeg.global.avcodec.av_packet_unref(packet);
            }
            org.bytedeco.ffmpeg.global.avcodec.av_packet_free(packet);
        }
        return counts;
    }

    /** The first video packet's presentation time in ms. */
    static long firstVideoMs(Path file) throws MediaException {
        try (FfmpegInput input = FfmpegInput.open(file)) {
            var context = input.context();
            var packet = org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc();
            long min = Long.MAX_VALUE;
            int seen = 0;
            while (seen < 50 && org.bytedeco.ffmpeg.global.avformat.av_read_frame(context, packet) >= 0) {
                var stream = context.streams(packet.stream_index());
                if (stream.codecpar().codec_type() == org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO) {
                    min = Math.min(min, MediaTime.microsToMillis(MediaTime.ticksToMicros(packet.pts(), stream.time_base())));
                    seen++;
                }
                org.bytedeco.ffmpeg.global.avcodec.av_packet_unref(packet);
            }
            org.bytedeco.ffmpeg.global.avcodec.av_packet_free(packet);
            return min;
        }
    }

    /** Whether the top-level {@code moov} box comes before {@code mdat}. */
    static boolean moovBeforeMdat(Path mp4) throws IOException {
        List<String> boxes = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(mp4); DataInputStream in = new DataInputStream(raw)) {
            long position = 0;
            long size = Files.size(mp4);
            while (position + 8 <= size) {
                long boxSize = in.readInt() & 0xFFFF_FFFFL;
                byte[] type = in.readNBytes(4);
                long header = 8;
                if (boxSize == 1) {
                    boxSize = in.readLong();
                    header = 16;
                }
                boxes.add(new String(type, StandardCharsets.US_ASCII));
                if (boxSize < header) {
                    break;
                }
                in.skipNBytes(boxSize - header);
                position += boxSize;
            }
        }
        assertNotNull(boxes);
        return boxes.contains("moov") && boxes.contains("mdat") && boxes.indexOf("moov") < boxes.indexOf("mdat");
    }
}
