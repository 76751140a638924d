package io.capdex.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_CORRUPT;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_TS_DISCONT;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_DEFAULT;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHANNEL_ORDER_UNSPEC;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_compare;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_delay;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.ShortPointer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the audio of a media file as 16 kHz mono signed 16-bit PCM, block by block, without ever holding the
 * whole track (three hours of it would be 346 MB).
 *
 * <p>Sample 0 is t=0 of the presentation, the time captions count from: FFmpeg applies MP4/MOV edit lists
 * and encoder priming, audio that starts late is preceded by silence, and audio before t=0 is dropped. For
 * MPEG-TS/PS, whose clocks do not start at zero, t=0 is the container's start time. Only the chosen audio
 * stream is read: every other stream is discarded in the demuxer, so video is never decoded. Thread safe: each
 * call has its own demuxer, decoder and resampler.
 */
public final class AudioDecoder {
    /** Stream index meaning "the default audio stream, else the first". */
    public static final int AUTO = -1;

    private static final Logger LOG = LoggerFactory.getLogger(AudioDecoder.class);
    private static final int RATE = PcmConsumer.SAMPLE_RATE;
    /** Later timestamp jumps smaller than this (20 ms) are jitter, not gaps: left alone. */
    private static final long GAP_SAMPLES = RATE / 50;
    /** Audio this much shorter than its track's declared length (250 ms) is truncated; AAC padding is smaller. */
    private static final long TRUNCATION_SLACK_MS = 250;
    /**
     * When only the container declares a length (Matroska, WebM), muxers are often off by a frame or a second,
     * so truncation needs a larger shortfall: 1.5 s, or 3 % of a long file.
     */
    private static final long CONTAINER_SLACK_MS = 1_500;
    private static final int MAX_WARNINGS = 20;

    private AudioDecoder() {}

    /**
     * Decodes the audio stream (the default one, else the first) to the end.
     *
     * @throws MediaException when the file cannot be opened, is not a media file, has no audio stream or no
     *     decoder for it; a truncated or partly corrupt file is not an error but is reported in the stats
     */
    public static AudioStats decode(Path file, PcmConsumer consumer) throws MediaException {
        return decode(file, Long.MAX_VALUE, consumer);
    }

    /** Like {@link #decode(Path, PcmConsumer)} but stops after {@code limitMs} of audio. */
    public static AudioStats decode(Path file, long limitMs, PcmConsumer consumer) throws MediaException {
        return decode(file, AUTO, limitMs, consumer);
    }

    /**
     * Decodes one chosen audio stream, e.g. the one whose language tag matches the captions (see {@link
     * MediaProbe}), stopping after {@code limitMs} ({@code Long.MAX_VALUE} for all of it).
     *
     * @param streamIndex the container's stream index, or {@link #AUTO}
     * @throws MediaException also when {@code streamIndex} is not an audio stream of the file
     */
    public static AudioStats decode(Path file, int streamIndex, long limitMs, PcmConsumer consumer)
            throws MediaException {
        if (limitMs < 0) {
            throw new IllegalArgumentException("limitMs " + limitMs);
        }
        try (FfmpegInput input = FfmpegInput.open(file)) {
            long limitSamples = limitMs > Long.MAX_VALUE / RATE ? Long.MAX_VALUE : limitMs * (RATE / 1000);
            return new Run(input, streamIndex, limitSamples, consumer).decode();
        }
    }

    /** Picks the stream with the default disposition, else the first audio stream; -1 when there is none. */
    static int chooseStream(AVFormatContext context) {
        int first = -1;
        for (int i = 0; i < context.nb_streams(); i++) {
            AVStream stream = context.streams(i);
            if (stream.codecpar().codec_type() != AVMEDIA_TYPE_AUDIO
                    || (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0) {
                continue;
            }
            if ((stream.disposition() & AV_DISPOSITION_DEFAULT) != 0) {
                return i;
            }
            if (first < 0) {
                first = i;
            }
        }
        return first;
    }

    /** One decoding pass; owns every native object it allocates and frees them in {@link #decode()}. */
    private static final class Run {
        private final FfmpegInput input;
        private final int requestedStream;
        private final long limitSamples;
        private final PcmConsumer consumer;
        private final List<String> warnings = new ArrayList<>();
        private short[] block = new short[4096];
        private @Nullable SwrContext resampler;
        private final AVChannelLayout resamplerLayout = new AVChannelLayout();
        private int resamplerFormat = -1;
        private int resamplerRate = -1;
        private ShortPointer out = new ShortPointer(4096);
        private int outCapacity = 4096;
        private final PointerPointer<ShortPointer> outPlanes = new PointerPointer<>(1);
        private long delivered;
        private long dropPending;
        private boolean firstFrame = true;
        private long originMicros;
        private int decodeErrors;
        private long silenceSamples;
        private boolean lastPacketCorrupt;

        Run(FfmpegInput input, int requestedStream, long limitSamples, PcmConsumer consumer) {
            this.input = input;
            this.requestedStream = requestedStream;
            this.limitSamples = limitSamples;
            this.consumer = consumer;
            outPlanes.put(0, out);
        }

        AudioStats decode() throws MediaException {
            AVFormatContext context = input.context();
            Path path = input.path();
            int index = requestedStream == AUTO ? chooseStream(context) : requestedStream;
            if (requestedStream != AUTO && (index < 0 || index >= context.nb_streams()
                    || context.streams(index).codecpar().codec_type() != AVMEDIA_TYPE_AUDIO)) {
                throw new MediaException(path + ": stream " + requestedStream + " is not an audio stream");
            }
            if (index < 0) {
                throw new MediaException(path + ": no audio stream; sync needs audio");
            }
            for (int i = 0; i < context.nb_streams(); i++) {
                if (i != index) {
                    // The demuxer then skips these packets without reading them: video is never decoded.
                    context.streams(i).discard(org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL);
                }
            }
            AVStream stream = context.streams(index);
            AVCodecParameters parameters = stream.codecpar();
            String codecName = avcodec_get_name(parameters.codec_id()).getString(StandardCharsets.UTF_8);
            boolean discontinuous = (context.iformat().flags() & AVFMT_TS_DISCONT) != 0;
            originMicros = discontinuous && context.start_time() != AV_NOPTS_VALUE ? context.start_time() : 0;

            AVCodec codec = avcodec_find_decoder(parameters.codec_id());
            if (codec == null || codec.isNull()) {
                throw new MediaException(path + ": cannot decode the audio (no decoder for " + codecName + ")");
            }
            AVCodecContext decoder = avcodec_alloc_context3(codec);
            AVPacket packet = av_packet_alloc();
            AVFrame frame = av_frame_alloc();
            String readError = null;
            try {
                check(path, avcodec_parameters_to_context(decoder, parameters));
                decoder.pkt_timebase(stream.time_base());
                check(path, avcodec_open2(decoder, codec, (AVDictionary) null));
                while (delivered < limitSamples) {
                    int result = av_read_frame(context, packet);
                    if (result == AVERROR_EOF) {
                        break;
                    } else if (result < 0) {
                        readError = FfmpegNatives.errorText(result);
                        break;
                    }
                    if (packet.stream_index() == index) {
                        // libavformat flags a packet it could only read in part: the file ends inside it.
                        lastPacketCorrupt = (packet.flags() & AV_PKT_FLAG_CORRUPT) != 0;
                        result = avcodec_send_packet(decoder, packet);
                        if (result == AVERROR_EAGAIN()) {
                            // The decoder is full: take its frames out, then it accepts the same packet.
                            receive(decoder, frame, stream);
                            result = avcodec_send_packet(decoder, packet);
                        }
                        if (result < 0) {
                            decodeError(result);
                        }
                        receive(decoder, frame, stream);
                    }
                    av_packet_unref(packet);
                }
                if (delivered < limitSamples) {
                    avcodec_send_packet(decoder, (AVPacket) null);
                    receive(decoder, frame, stream);
                    drainResampler();
                }
            } finally {
                av_frame_free(frame);
                av_packet_free(packet);
                avcodec_free_context(decoder);
                if (resampler != null) {
                    swr_free(resampler);
                }
                av_channel_layout_uninit(resamplerLayout);
                resamplerLayout.close();
                out.close();
                outPlanes.close();
            }
            return stats(path, index, codecName, parameters, stream, readError);
        }

        private AudioStats stats(Path path, int index, String codecName, AVCodecParameters parameters,
                AVStream stream, @Nullable String readError) {
            Long declaredMs = null;
            long slackMs = TRUNCATION_SLACK_MS;
            if (stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0) {
                declaredMs = MediaTime.microsToMillis(MediaTime.ticksToMicros(stream.duration(), stream.time_base()));
            } else if (input.context().duration() != AV_NOPTS_VALUE && input.context().duration() > 0) {
                declaredMs = MediaTime.microsToMillis(input.context().duration());
                slackMs = Math.max(CONTAINER_SLACK_MS, declaredMs * 3 / 100);
            }
            long decodedMs = delivered * 1000 / RATE;
            boolean limited = delivered >= limitSamples;
            boolean truncated = false;
            if (readError != null) {
                truncated = true;
                warnings.add(0, "reading stopped at " + clock(decodedMs) + " (" + readError
                        + "); the audio up to there was used");
            } else if (!limited && lastPacketCorrupt) {
                truncated = true;
                warnings.add(0, "the last audio packet is cut off at " + clock(decodedMs)
                        + "; the file is probably truncated (the audio up to there was used)");
            } else if (!limited && declaredMs != null && decodedMs + slackMs < declaredMs) {
                truncated = true;
                warnings.add(0, "audio ends at " + clock(decodedMs) + " but the file declares " + clock(declaredMs)
                        + "; the file is probably truncated (the audio up to there was used)");
            }
            if (decodeErrors > 0) {
                warnings.add(decodeErrors + " audio packet(s) could not be decoded and were skipped");
            }
            if (silenceSamples > 0) {
                warnings.add(clock(silenceSamples * 1000 / RATE) + " of missing audio filled with silence");
            }
            for (String warning : warnings) {
                LOG.debug("{}: {}", path, warning);
            }
            return new AudioStats(index, codecName, parameters.sample_rate(), parameters.ch_layout().nb_channels(),
                    delivered, decodedMs, declaredMs, truncated, warnings);
        }

        private void receive(AVCodecContext decoder, AVFrame frame, AVStream stream) throws MediaException {
            while (delivered < limitSamples) {
                int result = avcodec_receive_frame(decoder, frame);
                if (result == AVERROR_EAGAIN() || result == AVERROR_EOF) {
                    return;
                } else if (result < 0) {
                    decodeError(result);
                    return;
                }
                try {
                    convert(frame, stream);
                } finally {
                    av_frame_unref(frame);
                }
            }
        }

        private void convert(AVFrame frame, AVStream stream) throws MediaException {
            ensureResampler(frame);
            SwrContext swr = resampler;
            if (swr == null) {
                return;
            }
            align(frame, stream, swr);
            int capacity = swr_get_out_samples(swr, frame.nb_samples());
            ensureOut(capacity);
            int converted = swr_convert(swr, outPlanes, outCapacity, frame.extended_data(), frame.nb_samples());
            if (converted < 0) {
                decodeError(converted);
                return;
            }
            emit(converted);
        }

        /**
         * Keeps sample positions equal to presentation time: pads silence before a frame that starts later than
         * the audio so far, drops output that starts before t=0 or overlaps. The first frame is aligned exactly;
         * later ones only when they are off by more than 20 ms.
         */
        private void align(AVFrame frame, AVStream stream, SwrContext swr) throws MediaException {
            long pts = frame.best_effort_timestamp();
            if (pts == AV_NOPTS_VALUE) {
                firstFrame = false;
                return;
            }
            long startMicros = MediaTime.ticksToMicros(pts, stream.time_base()) - originMicros;
            long startSample = Math.round(startMicros * (double) RATE / 1_000_000);
            long expected = delivered + swr_get_delay(swr, RATE) - dropPending;
            long difference = startSample - expected;
            long tolerance = firstFrame ? 0 : GAP_SAMPLES;
            firstFrame = false;
            if (difference > tolerance) {
                silence(difference);
            } else if (difference < -tolerance) {
                dropPending += -difference;
            }
        }

        private void ensureResampler(AVFrame frame) throws MediaException {
            AVChannelLayout layout = frame.ch_layout();
            if (resampler != null && frame.format() == resamplerFormat && frame.sample_rate() == resamplerRate
                    && av_channel_layout_compare(layout, resamplerLayout) == 0) {
                return;
            }
            if (resampler != null) {
                // The input format changed mid-stream (rare, e.g. a spliced file): finish the old one first.
                drainResampler();
                swr_free(resampler);
                resampler = null;
            }
            av_channel_layout_uninit(resamplerLayout);
            if (layout.order() == AV_CHANNEL_ORDER_UNSPEC) {
                // Without a layout libswresample cannot build a downmix matrix; assume the usual one.
                av_channel_layout_default(resamplerLayout, layout.nb_channels());
            } else {
                av_channel_layout_copy(resamplerLayout, layout);
            }
            resamplerFormat = frame.format();
            resamplerRate = frame.sample_rate();
            SwrContext swr = new SwrContext(null);
            try (AVChannelLayout mono = new AVChannelLayout()) {
                av_channel_layout_default(mono, 1);
                check(input.path(), swr_alloc_set_opts2(swr, mono, AV_SAMPLE_FMT_S16, RATE,
                        resamplerLayout, resamplerFormat, resamplerRate, 0, null));
            }
            check(input.path(), swr_init(swr));
            resampler = swr;
        }

        private void drainResampler() throws MediaException {
            SwrContext swr = resampler;
            if (swr == null) {
                return;
            }
            while (delivered < limitSamples) {
                ensureOut(Math.max(256, (int) swr_get_delay(swr, RATE) + 32));
                int converted = swr_convert(swr, outPlanes, outCapacity, (PointerPointer<?>) null, 0);
                if (converted <= 0) {
                    return;
                }
                emit(converted);
            }
        }

        private void ensureOut(int samples) {
            if (samples <= outCapacity) {
                return;
            }
            out.close();
            outCapacity = Math.max(samples, outCapacity * 2);
            out = new ShortPointer(outCapacity);
            outPlanes.put(0, out);
        }

        private void emit(int count) {
            int skip = (int) Math.min(dropPending, count);
            dropPending -= skip;
            int length = (int) Math.min(count - skip, limitSamples - delivered);
            if (length <= 0) {
                return;
            }
            if (block.length < length) {
                block = new short[Math.max(length, block.length * 2)];
            }
            out.position(skip).get(block, 0, length);
            out.position(0);
            delivered += length;
            consumer.accept(block, length);
        }

        private void silence(long samples) {
            long remaining = Math.min(samples, limitSamples - delivered);
            silenceSamples += Math.max(0, remaining);
            if (remaining <= 0) {
                return;
            }
            java.util.Arrays.fill(block, (short) 0);
            while (remaining > 0) {
                int length = (int) Math.min(remaining, block.length);
                delivered += length;
                remaining -= length;
                consumer.accept(block, length);
            }
        }

        private void decodeError(int code) {
            decodeErrors++;
            if (decodeErrors <= MAX_WARNINGS) {
                LOG.debug("{}: audio decode error at {} ({})", input.path(), clock(delivered * 1000 / RATE),
                        FfmpegNatives.errorText(code));
            }
        }

        private static void check(Path path, int result) throws MediaException {
            if (result < 0) {
                throw new MediaException(path + ": cannot decode the audio (" + FfmpegNatives.errorText(result) + ")");
            }
        }
    }

    /** {@code h:mm:ss.mmm} for messages. */
    static String clock(long millis) {
        return String.format(java.util.Locale.ROOT, "%d:%02d:%02d.%03d",
                millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
    }
}
