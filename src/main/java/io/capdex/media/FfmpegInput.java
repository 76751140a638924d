package io.capdex.media;

import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.javacpp.BytePointer;
import org.jspecify.annotations.Nullable;

/** An opened FFmpeg demuxer for one local file; turns every failure into a readable {@link MediaException}. */
final class FfmpegInput implements AutoCloseable {
    private final Path path;
    private final AVFormatContext context;

    private FfmpegInput(Path path, AVFormatContext context) {
        this.path = path;
        this.context = context;
    }

    /**
     * Opens a file and reads its stream information.
     *
     * @throws MediaException "FILE: no such file", "FILE: not a media file (…)" and similar
     */
    static FfmpegInput open(Path path) throws MediaException {
        FfmpegNatives.init();
        checkReadable(path);
        AVFormatContext context = new AVFormatContext(null);
        // FFmpeg wants UTF-8 file names; JavaCPP's String mapping would use the platform charset instead.
        int result;
        FfmpegNatives.clearLastError();
        try (BytePointer url = new BytePointer(path.toString(), java.nio.charset.StandardCharsets.UTF_8)) {
            result = avformat_open_input(context, url, (AVInputFormat) null, (AVDictionary) null);
        }
        if (result < 0) {
            throw new MediaException(path + ": not a media file (" + FfmpegNatives.failureText(result) + ")");
        }
        FfmpegInput input = new FfmpegInput(path, context);
        result = avformat_find_stream_info(context, (org.bytedeco.javacpp.PointerPointer<?>) null);
        if (result < 0) {
            input.close();
            throw new MediaException(path + ": cannot read the streams (" + FfmpegNatives.failureText(result) + ")");
        }
        return input;
    }

    static void checkReadable(Path path) throws MediaException {
        if (Files.isDirectory(path)) {
            throw new MediaException(path + ": is a directory, not a media file");
        }
        if (!Files.exists(path)) {
            throw new MediaException(path + ": no such file");
        }
        if (!Files.isReadable(path)) {
            throw new MediaException(path + ": cannot read the file (permission denied)");
        }
        try {
            if (Files.size(path) == 0) {
                throw new MediaException(path + ": not a media file (the file is empty)");
            }
        } catch (IOException e) {
            throw new MediaException(path + ": cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    Path path() {
        return path;
    }

    AVFormatContext context() {
        return context;
    }

    /** Every entry of an FFmpeg dictionary, in order; empty for a null dictionary. */
    static Map<String, String> entries(@Nullable AVDictionary dictionary) {
        Map<String, String> map = new LinkedHashMap<>();
        if (dictionary == null || dictionary.isNull()) {
            return map;
        }
        AVDictionaryEntry entry = null;
        while ((entry = av_dict_get(dictionary, "", entry, AV_DICT_IGNORE_SUFFIX)) != null) {
            map.put(entry.key().getString(java.nio.charset.StandardCharsets.UTF_8),
                    entry.value().getString(java.nio.charset.StandardCharsets.UTF_8));
        }
        return map;
    }

    @Override
    public void close() {
        if (!context.isNull()) {
            avformat_close_input(context);
        }
    }
}
