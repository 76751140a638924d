package io.capdex.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOFILE;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_copy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.BytePointer;

/**
 * Joins copies of one media file end to end by stream copy (no decoding), for benchmark material such as a
 * 60-minute interview made from a 90-second sample. Each copy starts exactly {@code copy × durationMs} later.
 */
public final class MediaConcat {
    private MediaConcat() {}

    /**
     * Writes {@code copies} copies of {@code in} one after another into {@code out} (container from its
     * extension). Audio packets before a copy's time 0 (encoder priming, hidden by the edit list of the first
     * copy) are left out of later copies so that no copy drifts against its video.
     *
     * @return the duration of one copy in milliseconds: copy {@code k} starts at {@code k} times it
     */
    public static long repeat(Path in, int copies, Path out) throws MediaException {
        if (copies < 1) {
            throw new IllegalArgumentException("copies " + copies);
        }
        try (FfmpegInput input = FfmpegInput.open(in)) {
            AVFormatContext ic = input.context();
            long durationMs = MediaTime.microsToMillis(ic.duration());
            AVFormatContext oc = new AVFormatContext(null);
            int r;
            try (BytePointer name = new BytePointer(out.toString(), StandardCharsets.UTF_8)) {
                r = avformat_alloc_output_context2(oc, (AVOutputFormat) null, (String) null, name.getString());
            }
            if (r < 0 || oc.isNull()) {
                throw new MediaException(out + ": cannot write this container (" + FfmpegNatives.failureText(r) + ")");
            }
            AVPacket pkt = av_packet_alloc();
            try {
                int n = ic.nb_streams();
                for (int i = 0; i < n; i++) {
                    AVStream is = ic.streams(i);
                    AVStream os = avformat_new_stream(oc, null);
                    avcodec_parameters_copy(os.codecpar(), is.codecpar());
                    os.codecpar().codec_tag(0); // the source container's tag may not fit the output container
                    os.time_base(is.time_base());
                    // a fresh (null) dictionary: JavaCPP hands its address to FFmpeg as the AVDictionary** to fill
                    AVDictionary metadata = new AVDictionary(null);
                    av_dict_copy(metadata, is.metadata(), 0);
                    os.metadata(metadata);
                }
                AVDictionary containerTags = new AVDictionary(null);
                av_dict_copy(containerTags, ic.metadata(), 0);
                oc.metadata(containerTags);
                if ((oc.oformat().flags() & AVFMT_NOFILE) == 0) {
                    AVIOContext pb = new AVIOContext(null);
                    r = avio_open(pb, out.toString(), AVIO_FLAG_WRITE);
                    if (r < 0) {
                        throw new MediaException(out + ": cannot open for writing (" + FfmpegNatives.failureText(r) + ")");
                    }
                    oc.pb(pb);
                }
                r = avformat_write_header(oc, (AVDictionary) null);
                if (r < 0) {
                    throw new MediaException(out + ": cannot write the header (" + FfmpegNatives.failureText(r) + ")");
                }
                for (int copy = 0; copy < copies; copy++) {
                    if (copy > 0) {
                        av_seek_frame(ic, -1, 0, 1); // AVSEEK_FLAG_BACKWARD: the first key frame
                    }
                    while (av_read_frame(ic, pkt) >= 0) {
                        AVStream is = ic.streams(pkt.stream_index());
                        if (copy > 0 && pkt.pts() != AV_NOPTS_VALUE && pkt.pts() < 0) {
                            av_packet_unref(pkt);
                            continue;
                        }
                        long offset = ticks(copy * durationMs, is);
                        if (pkt.pts() != AV_NOPTS_VALUE) {
                            pkt.pts(pkt.pts() + offset);
                        }
                        if (pkt.dts() != AV_NOPTS_VALUE) {
                            pkt.dts(pkt.dts() + offset);
                        }
                        AVStream os = oc.streams(pkt.stream_index());
                        av_packet_rescale_ts(pkt, is.time_base(), os.time_base());
                        pkt.pos(-1);
                        r = av_interleaved_write_frame(oc, pkt);
                        av_packet_unref(pkt);
                        if (r < 0) {
                            throw new MediaException(out + ": cannot write a packet (" + FfmpegNatives.failureText(r) + ")");
                        }
                    }
                }
                av_write_trailer(oc);
            } finally {
                av_packet_free(pkt);
                if (oc.pb() != null && !oc.pb().isNull()) {
                    avio_closep(oc.pb());
                }
                avformat_free_context(oc);
            }
            return durationMs;
        }
    }

    private static long ticks(long ms, AVStream stream) {
        return Math.round(ms / 1000.0 * stream.time_base().den() / stream.time_base().num());
    }
}
