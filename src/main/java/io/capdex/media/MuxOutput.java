package io.capdex.media;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOFILE;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.BytePointer;

/**
 * An FFmpeg muxer writing one file: stream-copied and new streams, container tags, interleaved packets. If it is
 * closed before {@link #finish()}, the partial file is deleted, so a failed export leaves nothing behind.
 */
final class MuxOutput implements AutoCloseable {
    private final Path path;
    private final AVFormatContext context;
    private boolean opened;
    private boolean finished;

    private MuxOutput(Path path, AVFormatContext context) {
        this.path = path;
        this.context = context;
    }

    static MuxOutput create(Path path, String muxer) throws MediaException {
        FfmpegNatives.init();
        AVFormatContext context = new AVFormatContext(null);
        FfmpegNatives.clearLastError();
        int result;
        try (BytePointer name = new BytePointer(muxer, StandardCharsets.UTF_8);
                BytePointer url = new BytePointer(path.toString(), StandardCharsets.UTF_8)) {
            result = avformat_alloc_output_context2(context, (AVOutputFormat) null, name, url);
        }
        if (result < 0 || context.isNull()) {
            throw new MediaException(path + ": cannot create a " + muxer + " file ("
                    + FfmpegNatives.failureText(result) + ")");
        }
        return new MuxOutput(path, context);
    }

    AVFormatContext context() {
        return context;
    }

    /** Whether codecs must put their extradata in the container header rather than in packets. */
    boolean needsGlobalHeader() {
        return (context.oformat().flags() & org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER) != 0;
    }

    /** A new output stream copying {@code in}'s codec parameters, tags and disposition (stream copy). */
    AVStream copyOf(AVStream in) throws MediaException {
        AVStream out = newStream();
        int result = avcodec_parameters_copy(out.codecpar(), in.codecpar());
        if (result < 0) {
            throw new MediaException(path + ": cannot copy stream " + in.index() + " ("
                    + FfmpegNatives.errorText(result) + ")");
        }
        // The source container's codec tag (e.g. MP4 'avc1') may be wrong for the target; 0 lets the muxer choose.
        out.codecpar().codec_tag(0);
        out.time_base(in.time_base());
        out.avg_frame_rate(in.avg_frame_rate());
        out.sample_aspect_ratio(in.sample_aspect_ratio());
        out.disposition(in.disposition());
        AVDictionary tags = new AVDictionary(null);
        av_dict_copy(tags, in.metadata(), 0);
        out.metadata(tags);
        return out;
    }

    AVStream newStream() throws MediaException {
        AVStream out = avformat_new_stream(context, (AVCodec) null);
        if (out == null || out.isNull()) {
            throw new MediaException(path + ": cannot add a stream (out of memory)");
        }
        return out;
    }

    static void setTag(AVStream stream, String key, String value) {
        AVDictionary tags = stream.metadata();
        if (tags == null) {
            tags = new AVDictionary(null);
        }
        av_dict_set(tags, key, value, 0);
        stream.metadata(tags);
    }

    void setTags(Map<String, String> tags) {
        AVDictionary dictionary = context.metadata();
        if (dictionary == null) {
            dictionary = new AVDictionary(null);
        }
        for (Map.Entry<String, String> e : tags.entrySet()) {
            av_dict_set(dictionary, e.getKey(), e.getValue(), 0);
        }
        context.metadata(dictionary);
    }

    /** Opens the file and writes the header; {@code options} are muxer options such as {@code movflags}. */
    void start(Map<String, String> options) throws MediaException {
        FfmpegNatives.clearLastError();
        if ((context.oformat().flags() & AVFMT_NOFILE) == 0) {
            AVIOContext io = new AVIOContext(null);
            int result;
            try (BytePointer url = new BytePointer(path.toString(), StandardCharsets.UTF_8)) {
                result = avio_open(io, url, AVIO_FLAG_WRITE);
            }
            if (result < 0) {
                throw new MediaException(path + ": cannot write the file (" + FfmpegNatives.failureText(result) + ")");
            }
            context.pb(io);
            opened = true;
        }
        AVDictionary dictionary = new AVDictionary(null);
        for (Map.Entry<String, String> e : options.entrySet()) {
            av_dict_set(dictionary, e.getKey(), e.getValue(), 0);
        }
        int result = avformat_write_header(context, dictionary);
        av_dict_free(dictionary);
        if (result < 0) {
            throw new MediaException(path + ": cannot write the header (" + FfmpegNatives.failureText(result) + ")");
        }
    }

    /** Writes a packet whose timestamps are in its output stream's time base; takes its data (unrefs it). */
    void write(AVPacket packet) throws MediaException {
        int result = av_interleaved_write_frame(context, packet);
        if (result < 0) {
            throw new MediaException(path + ": cannot write a packet of stream " + packet.stream_index() + " ("
                    + FfmpegNatives.failureText(result) + ")");
        }
    }

    /** Flushes the interleaving queue and writes the trailer (and, with faststart, moves the index up front). */
    void finish() throws MediaException {
        FfmpegNatives.clearLastError();
        int result = av_write_trailer(context);
        if (result < 0) {
            throw new MediaException(path + ": cannot finish the file (" + FfmpegNatives.failureText(result) + ")");
        }
        finished = true;
    }

    @Override
    public void close() {
        if (opened) {
            avio_closep(context.pb());
            opened = false;
        }
        avformat_free_context(context);
        if (!finished) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // Nothing more to do: the caller already gets the original failure.
            }
        }
    }
}
