package io.capdex.media;

import static org.bytedeco.ffmpeg.global.avcodec.SUBTITLE_ASS;
import static org.bytedeco.ffmpeg.global.avcodec.SUBTITLE_TEXT;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_decode_subtitle2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avsubtitle_free;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import io.capdex.caption.Cue;
import io.capdex.caption.Line;
import io.capdex.caption.TimeSpan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVSubtitle;
import org.bytedeco.ffmpeg.avcodec.AVSubtitleRect;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.jspecify.annotations.Nullable;

/**
 * Reads the text subtitle streams of a media file (mov_text, SubRip, WebVTT, ASS/SSA) back into cues by decoding
 * their packets with {@code avcodec_decode_subtitle2}, for {@code verify} and round-trip tests. Video and audio
 * are skipped in the demuxer, never decoded. Times are the container's, in model milliseconds. Thread safe.
 */
public final class SubtitleReader {
    private static final Set<String> TEXT_CODECS = Set.of("mov_text", "subrip", "srt", "webvtt", "ass", "ssa", "text");
    private static final int DISCARD_ALL = org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;

    private SubtitleReader() {}

    /** Every text subtitle stream with all its cues. */
    public static List<SubtitleStreamCues> read(Path media) throws MediaException {
        return readFile(media, Long.MAX_VALUE).streams();
    }

    /**
     * Container tags and every text subtitle stream's cues starting at or before {@code limitMs} (the opening
     * cues are enough for {@code verify}; reading stops at the first packet past the limit).
     *
     * @throws MediaException when the file is missing or not a media file; a stream without a decoder is skipped
     */
    public static SubtitleFile readFile(Path media, long limitMs) throws MediaException {
        try (FfmpegInput input = FfmpegInput.open(media)) {
            AVFormatContext context = input.context();
            Map<String, String> tags = new LinkedHashMap<>();
            FfmpegInput.entries(context.metadata()).forEach((k, v) -> tags.put(k.toLowerCase(Locale.ROOT), v));
            Decoder[] decoders = new Decoder[context.nb_streams()];
            List<Decoder> opened = new ArrayList<>();
            AVPacket packet = av_packet_alloc();
            try {
                for (int i = 0; i < context.nb_streams(); i++) {
                    AVStream stream = context.streams(i);
                    Decoder decoder = stream.codecpar().codec_type() == AVMEDIA_TYPE_SUBTITLE ? Decoder.open(stream) : null;
                    if (decoder == null) {
                        stream.discard(DISCARD_ALL);
                    } else {
                        decoders[i] = decoder;
                        opened.add(decoder);
                    }
                }
                while (!opened.isEmpty() && av_read_frame(context, packet) >= 0) {
                    try {
                        Decoder decoder = packet.stream_index() < decoders.length ? decoders[packet.stream_index()] : null;
                        if (decoder == null) {
                            continue;
                        }
                        long pts = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
                        if (pts != AV_NOPTS_VALUE && limitMs != Long.MAX_VALUE && MediaTime.microsToMillis(
                                MediaTime.ticksToMicros(pts, decoder.stream.time_base())) > limitMs) {
                            break;
                        }
                        decoder.decode(packet);
                    } finally {
                        av_packet_unref(packet);
                    }
                }
                List<SubtitleStreamCues> streams = new ArrayList<>();
                for (Decoder decoder : opened) {
                    streams.add(decoder.result());
                }
                return new SubtitleFile(tags, streams);
            } finally {
                av_packet_free(packet);
                for (Decoder decoder : opened) {
                    decoder.close();
                }
            }
        }
    }

    /** One subtitle stream's decoder and the cues decoded so far. */
    private static final class Decoder implements AutoCloseable {
        private final AVStream stream;
        private final AVCodecContext context;
        private final String codec;
        private final AVSubtitle subtitle = new AVSubtitle();
        private final IntPointer got = new IntPointer(1);
        private final List<Cue> cues = new ArrayList<>();

        private Decoder(AVStream stream, AVCodecContext context, String codec) {
            this.stream = stream;
            this.context = context;
            this.codec = codec;
        }

        static @Nullable Decoder open(AVStream stream) {
            String codec = avcodec_get_name(stream.codecpar().codec_id()).getString(StandardCharsets.UTF_8);
            if (!TEXT_CODECS.contains(codec)) {
                return null;
            }
            AVCodec decoder = avcodec_find_decoder(stream.codecpar().codec_id());
            if (decoder == null || decoder.isNull()) {
                return null;
            }
            AVCodecContext context = avcodec_alloc_context3(decoder);
            // The decoder turns packet times into AV_TIME_BASE pts and durations into end_display_time with this.
            if (avcodec_parameters_to_context(context, stream.codecpar()) < 0
                    || avcodec_open2(context.pkt_timebase(stream.time_base()), decoder, (AVDictionary) null) < 0) {
                avcodec_free_context(context);
                return null;
            }
            return new Decoder(stream, context, codec);
        }

        void decode(AVPacket packet) {
            got.put(0);
            int result = avcodec_decode_subtitle2(context, subtitle, got, packet);
            if (result < 0 || got.get() == 0) {
                return;
            }
            try {
                cue(packet).ifPresent(cues::add);
            } finally {
                // FFmpeg allocated these rects, so FFmpeg frees them.
                avsubtitle_free(subtitle);
            }
        }

        private java.util.Optional<Cue> cue(AVPacket packet) {
            List<String> lines = new ArrayList<>();
            boolean top = false;
            for (int r = 0; r < subtitle.num_rects(); r++) {
                AVSubtitleRect rect = subtitle.rects(r);
                if (rect.type() == SUBTITLE_ASS && rect.ass() != null) {
                    AssText.Parsed parsed = AssText.parse(rect.ass().getString(StandardCharsets.UTF_8), true);
                    lines.addAll(parsed.lines());
                    top |= parsed.top();
                } else if (rect.type() == SUBTITLE_TEXT && rect.text() != null) {
                    lines.addAll(List.of(rect.text().getString(StandardCharsets.UTF_8).split("\r?\n", -1)));
                }
            }
            if (lines.stream().allMatch(String::isEmpty)) {
                // mov_text fills the gaps between cues with empty samples.
                return java.util.Optional.empty();
            }
            long baseMicros = subtitle.pts() != AV_NOPTS_VALUE ? subtitle.pts()
                    : MediaTime.ticksToMicros(packet.pts(), stream.time_base());
            if (baseMicros == AV_NOPTS_VALUE) {
                return java.util.Optional.empty();
            }
            long startMicros = baseMicros + 1000L * Integer.toUnsignedLong(subtitle.start_display_time());
            long endDisplay = Integer.toUnsignedLong(subtitle.end_display_time());
            long endMicros;
            if (endDisplay == 0 || endDisplay == 0xFFFF_FFFFL) {
                long duration = packet.duration() > 0 ? MediaTime.ticksToMicros(packet.duration(), stream.time_base()) : 0;
                endMicros = startMicros + duration;
            } else {
                endMicros = baseMicros + 1000L * endDisplay;
            }
            long startMs = Math.max(0, MediaTime.microsToMillis(startMicros));
            long endMs = Math.max(startMs, MediaTime.microsToMillis(endMicros));
            List<Line> styled = lines.stream().map(Line::plain).toList();
            return java.util.Optional.of(new Cue(new TimeSpan(startMs, endMs), null, styled, null, List.of(),
                    top ? Map.of("line", "0") : Map.of()));
        }

        SubtitleStreamCues result() {
            Map<String, String> tags = FfmpegInput.entries(stream.metadata());
            String language = tags.get("language");
            String title = tags.get("title") != null ? tags.get("title") : tags.get("handler_name");
            return new SubtitleStreamCues(stream.index(), codec,
                    language == null || language.isBlank() ? null : language, title, cues);
        }

        @Override
        public void close() {
            avcodec_free_context(context);
            got.close();
            subtitle.close();
        }
    }
}
