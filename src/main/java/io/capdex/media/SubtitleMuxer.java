package io.capdex.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.SUBTITLE_ASS;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_encode_subtitle;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_DEFAULT;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import io.capdex.caption.Cue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVSubtitle;
import org.bytedeco.ffmpeg.avcodec.AVSubtitleRect;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Writes a copy of a video with soft subtitle tracks added: every video and audio packet is copied unchanged
 * (no re-encoding), and each {@link SubtitleTrackSpec} becomes one subtitle stream (mov_text in MP4, SubRip or
 * WebVTT in MKV) with its language tag and title. Subtitle streams of the source are not copied: the export
 * replaces them. Thread safe: each call has its own demuxer, encoders and muxer.
 *
 * <p>MP4's mov_text shows one sample at a time, so tracks for MP4 must not have overlapping cues (the caller
 * merges the warning above the caption it overlaps); overlapping MP4 cues are rejected. Cue times count from
 * t=0 of the presentation; for sources whose clock starts later (MPEG-TS) every stream is moved to start at 0,
 * as the ffmpeg command line does. Matroska cannot store negative times, so an MKV made from an MP4 whose AAC
 * audio starts before 0 (encoder priming) has every stream, subtitles included, moved later by that amount
 * (about 21 ms), again as the ffmpeg command line does: subtitles stay in step with the picture.
 */
public final class SubtitleMuxer {
    private static final AVRational MICROS = new AVRational().num(1).den(1_000_000);
    private static final AVRational MILLIS = new AVRational().num(1).den(1_000);
    private static final int PACKET_BUFFER_BYTES = 1 << 20;

    private SubtitleMuxer() {}

    /**
     * Writes {@code out} (use a temporary name and rename it: a failed run deletes what it wrote).
     *
     * @throws MediaException when the video cannot be read or the output cannot be written
     * @throws IllegalArgumentException when an MP4 track has overlapping cues
     */
    public static MuxResult mux(Path video, List<SubtitleTrackSpec> tracks, ContainerKind kind, Path out,
            MuxOptions options) throws MediaException {
        List<List<Cue>> cueLists = new ArrayList<>();
        int skipped = 0;
        for (SubtitleTrackSpec spec : tracks) {
            List<Cue> cues = new ArrayList<>();
            for (Cue cue : spec.track().cues()) {
                if (cue.isEmpty() || cue.span().durationMs() <= 0) {
                    skipped++;
                } else {
                    cues.add(cue);
                }
            }
            cues.sort(Comparator.comparingLong(Cue::startMs));
            if (kind == ContainerKind.MP4) {
                checkNoOverlap(spec, cues);
            }
            cueLists.add(cues);
        }
        try (FfmpegInput input = FfmpegInput.open(video);
                MuxOutput output = MuxOutput.create(out, kind.muxer())) {
            AVFormatContext in = input.context();
            int[] streamMap = new int[in.nb_streams()];
            for (int i = 0; i < in.nb_streams(); i++) {
                AVStream stream = in.streams(i);
                int type = stream.codecpar().codec_type();
                boolean copy = (type == AVMEDIA_TYPE_VIDEO || type == AVMEDIA_TYPE_AUDIO)
                        && (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0;
                streamMap[i] = copy ? output.copyOf(stream).index() : -1;
            }
            List<SubtitleEncoder> encoders = new ArrayList<>();
            try {
                for (int t = 0; t < tracks.size(); t++) {
                    encoders.add(SubtitleEncoder.open(output, tracks.get(t), kind, options, cueLists.get(t), out));
                }
                output.setTags(options.containerTags());
                output.start(kind == ContainerKind.MP4 && options.faststart()
                        ? Map.of("movflags", "+faststart") : Map.of());
                long copied = copyPackets(input, output, streamMap, encoders);
                long written = 0;
                for (SubtitleEncoder encoder : encoders) {
                    encoder.writeUntil(Long.MAX_VALUE, output);
                    written += encoder.written;
                }
                output.finish();
                return new MuxResult(copied, written, skipped);
            } finally {
                for (SubtitleEncoder encoder : encoders) {
                    encoder.close();
                }
            }
        }
    }

    private static void checkNoOverlap(SubtitleTrackSpec spec, List<Cue> cues) {
        for (int i = 1; i < cues.size(); i++) {
            Cue previous = cues.get(i - 1);
            Cue cue = cues.get(i);
            if (cue.startMs() < previous.endMs()) {
                throw new IllegalArgumentException("MP4 mov_text shows one cue at a time, but track '"
                        + spec.title() + "' has cues overlapping at " + cue.startMs() + " ms ("
                        + previous.startMs() + ".." + previous.endMs() + " and " + cue.startMs() + ".."
                        + cue.endMs() + "); merge them first");
            }
        }
    }

    /** Copies the video and audio packets, writing each subtitle packet just before the first later packet. */
    private static long copyPackets(FfmpegInput input, MuxOutput output, int[] streamMap,
            List<SubtitleEncoder> encoders) throws MediaException {
        AVFormatContext in = input.context();
        AVFormatContext outContext = output.context();
        long offsetMicros = in.start_time() != AV_NOPTS_VALUE && in.start_time() > 0 ? in.start_time() : 0;
        // Time bases looked up once, as plain numbers: a JavaCPP call costs far more than the arithmetic, and an hour
        // of video is about 200,000 packets, so the loop makes as few native calls per packet as it can.
        int streams = streamMap.length;
        long[] inNum = new long[streams];
        long[] inDen = new long[streams];
        AVRational[] inBases = new AVRational[streams];
        AVRational[] outBases = new AVRational[streams];
        boolean[] sameBase = new boolean[streams];
        long[] shifts = new long[streams];
        for (int i = 0; i < streams; i++) {
            if (streamMap[i] >= 0) {
                inBases[i] = in.streams(i).time_base();
                outBases[i] = outContext.streams(streamMap[i]).time_base();
                inNum[i] = inBases[i].num();
                inDen[i] = inBases[i].den();
                sameBase[i] = inNum[i] * outBases[i].den() == inDen[i] * outBases[i].num();
                shifts[i] = av_rescale_q(offsetMicros, MICROS, inBases[i]);
            }
        }
        long nextSubtitleMicros = nextSubtitleMicros(encoders);
        AVPacket packet = av_packet_alloc();
        long copied = 0;
        try {
            while (true) {
                int result = av_read_frame(in, packet);
                if (result < 0) {
                    // EOF or a read error past which nothing can be copied; a truncated source is copied as far as
                    // it goes, the same as ffmpeg -c copy.
                    break;
                }
                int index = packet.stream_index();
                int target = index < streams ? streamMap[index] : -1;
                if (target < 0) {
                    av_packet_unref(packet);
                    continue;
                }
                long pts = packet.pts();
                long dts = packet.dts();
                long ts = dts != AV_NOPTS_VALUE ? dts : pts;
                if (ts != AV_NOPTS_VALUE && nextSubtitleMicros != Long.MAX_VALUE) {
                    long micros = ticksToMicros(ts, inNum[index], inDen[index], inBases[index]) - offsetMicros;
                    if (micros >= nextSubtitleMicros) {
                        for (SubtitleEncoder encoder : encoders) {
                            encoder.writeUntil(micros, output);
                        }
                        nextSubtitleMicros = nextSubtitleMicros(encoders);
                    }
                }
                long shift = shifts[index];
                if (shift != 0) {
                    if (pts != AV_NOPTS_VALUE) {
                        packet.pts(pts - shift);
                    }
                    if (dts != AV_NOPTS_VALUE) {
                        packet.dts(dts - shift);
                    }
                }
                if (!sameBase[index]) {
                    av_packet_rescale_ts(packet, inBases[index], outBases[index]);
                }
                if (target != index) {
                    packet.stream_index(target);
                }
                packet.pos(-1);
                output.write(packet);
                copied++;
            }
        } finally {
            av_packet_free(packet);
        }
        return copied;
    }

    /**
     * {@code ticks × num / den} seconds in microseconds, rounded as {@code av_rescale_q} rounds (to nearest, halves
     * away from zero), in plain arithmetic; FFmpeg's own call only when the product would overflow.
     */
    static long ticksToMicros(long ticks, long num, long den, AVRational base) {
        long scale = num * 1_000_000L;
        long high = Math.multiplyHigh(Math.abs(ticks), scale);
        long product = Math.abs(ticks) * scale;
        if (high != 0 || product < 0 || ticks == Long.MIN_VALUE || den <= 0) {
            return av_rescale_q(ticks, base, MICROS);
        }
        long rounded = (product + den / 2) / den;
        return ticks < 0 ? -rounded : rounded;
    }

    private static long nextSubtitleMicros(List<SubtitleEncoder> encoders) {
        long next = Long.MAX_VALUE;
        for (SubtitleEncoder encoder : encoders) {
            next = Math.min(next, encoder.nextMicros());
        }
        return next;
    }

    /** One subtitle stream: its encoder, the cues still to write, and the native objects the encoder reads. */
    private static final class SubtitleEncoder implements AutoCloseable {
        private final AVCodecContext context;
        private final AVStream stream;
        private final List<Cue> cues;
        private final AVSubtitle subtitle = new AVSubtitle();
        private final AVSubtitleRect rect = new AVSubtitleRect();
        private final PointerPointer<AVSubtitleRect> rects = new PointerPointer<>(1);
        private final BytePointer buffer = new BytePointer(PACKET_BUFFER_BYTES);
        private final AVPacket packet = av_packet_alloc();
        private final Path out;
        private int next;
        private long written;

        private SubtitleEncoder(AVCodecContext context, AVStream stream, List<Cue> cues, Path out) {
            this.context = context;
            this.stream = stream;
            this.cues = cues;
            this.out = out;
            rects.put(0, rect);
        }

        static SubtitleEncoder open(MuxOutput output, SubtitleTrackSpec spec, ContainerKind kind, MuxOptions options,
                List<Cue> cues, Path out) throws MediaException {
            String name = kind == ContainerKind.MP4 ? "mov_text" : options.mkvCodec().encoder();
            AVCodec codec = avcodec_find_encoder_by_name(name);
            if (codec == null || codec.isNull()) {
                throw new MediaException(out + ": the bundled FFmpeg has no " + name + " encoder");
            }
            AVCodecContext context = avcodec_alloc_context3(codec);
            SubtitleEncoder encoder = null;
            try {
                context.time_base(MICROS);
                // The encoders parse styles from this ASS header; the codec context frees it, so FFmpeg allocates it.
                byte[] header = AssText.HEADER.getBytes(StandardCharsets.UTF_8);
                BytePointer headerMemory = new BytePointer(av_mallocz(header.length + 1L));
                headerMemory.put(header, 0, header.length);
                context.subtitle_header(headerMemory);
                context.subtitle_header_size(header.length);
                if (output.needsGlobalHeader()) {
                    context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
                }
                int result = avcodec_open2(context, codec, (AVDictionary) null);
                if (result < 0) {
                    throw new MediaException(out + ": cannot open the " + name + " encoder ("
                            + FfmpegNatives.errorText(result) + ")");
                }
                AVStream stream = output.newStream();
                avcodec_parameters_from_context(stream.codecpar(), context);
                // A hint: both muxers store subtitle times in milliseconds; the muxer may choose otherwise in the header.
                stream.time_base(MILLIS);
                String language = LanguageCodes.forContainer(spec.track().language(), kind);
                MuxOutput.setTag(stream, "language", language);
                MuxOutput.setTag(stream, kind == ContainerKind.MP4 ? "handler_name" : "title", spec.title());
                stream.disposition(spec.defaultTrack() ? AV_DISPOSITION_DEFAULT : 0);
                encoder = new SubtitleEncoder(context, stream, cues, out);
                return encoder;
            } finally {
                if (encoder == null) {
                    avcodec_free_context(context);
                }
            }
        }

        /** The start of the next cue to write, or {@code Long.MAX_VALUE} when all are written. */
        long nextMicros() {
            return next < cues.size() ? MediaTime.millisToMicros(cues.get(next).startMs()) : Long.MAX_VALUE;
        }

        /** Encodes and writes every cue starting at or before {@code untilMicros}. */
        void writeUntil(long untilMicros, MuxOutput output) throws MediaException {
            while (next < cues.size() && MediaTime.millisToMicros(cues.get(next).startMs()) <= untilMicros) {
                write(cues.get(next), next, output);
                next++;
            }
        }

        private void write(Cue cue, int index, MuxOutput output) throws MediaException {
            long durationMs = cue.span().durationMs();
            try (BytePointer ass = new BytePointer(AssText.dialogue(index + 1, cue), StandardCharsets.UTF_8)) {
                rect.x(0).y(0).w(0).h(0).nb_colors(0).flags(0).type(SUBTITLE_ASS).ass(ass);
                rect.text((BytePointer) null);
                // start_display_time is relative to pts and must be 0 for the encoders; pts is in AV_TIME_BASE.
                subtitle.format((short) 1).start_display_time(0).end_display_time((int) Math.min(durationMs,
                        Integer.MAX_VALUE)).num_rects(1).rects(rects).pts(MediaTime.millisToMicros(cue.startMs()));
                int size = avcodec_encode_subtitle(context, buffer, PACKET_BUFFER_BYTES, subtitle);
                rect.ass((BytePointer) null);
                if (size < 0) {
                    throw new MediaException(out + ": cannot encode the cue at " + cue.startMs() + " ms ("
                            + FfmpegNatives.errorText(size) + ")");
                }
                int result = av_new_packet(packet, size);
                if (result < 0) {
                    throw new MediaException(out + ": out of memory for a subtitle packet");
                }
                Pointer.memcpy(packet.data(), buffer, size);
                AVRational base = stream.time_base();
                long pts = av_rescale_q(MediaTime.millisToMicros(cue.startMs()), MICROS, base);
                packet.pts(pts).dts(pts);
                // Matroska needs the duration (BlockDuration); MP4 uses it to place the empty gap samples.
                packet.duration(av_rescale_q(durationMs, MILLIS, base));
                packet.stream_index(stream.index());
                output.write(packet);
                written++;
            }
        }

        @Override
        public void close() {
            // The rects array and rect were allocated from Java: avsubtitle_free would free them a second time.
            subtitle.rects((PointerPointer) null).num_rects(0);
            av_packet_free(packet);
            avcodec_free_context(context);
            buffer.close();
        }
    }
}
