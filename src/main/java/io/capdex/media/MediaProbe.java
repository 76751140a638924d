package io.capdex.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_CAPTIONS;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_COMMENT;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_DEFAULT;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_DESCRIPTIONS;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_DUB;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_FORCED;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_HEARING_IMPAIRED;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ORIGINAL;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_VISUAL_IMPAIRED;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_ATTACHMENT;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_DATA;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.IntPointer;
import org.jspecify.annotations.Nullable;

/** Reads container and stream facts of a media file with FFmpeg's demuxers (no decoding). Thread safe. */
public final class MediaProbe {
    private MediaProbe() {}

    /**
     * Probes one file.
     *
     * @throws MediaException with a readable message when the file is missing, empty or not a media file
     */
    public static MediaInfo probe(Path file) throws MediaException {
        try (FfmpegInput input = FfmpegInput.open(file)) {
            return describe(input);
        }
    }

    static MediaInfo describe(FfmpegInput input) {
        AVFormatContext context = input.context();
        String formatName = context.iformat().name().getString(StandardCharsets.UTF_8);
        Map<String, String> tags = FfmpegInput.entries(context.metadata());
        List<StreamInfo> streams = new ArrayList<>();
        for (int i = 0; i < context.nb_streams(); i++) {
            streams.add(stream(context.streams(i)));
        }
        boolean hasAudio = streams.stream().anyMatch(s -> s.type() == StreamType.AUDIO);
        return new MediaInfo(
                input.path().toString(),
                container(formatName, tags.get("major_brand"), input.path()),
                formatName,
                micros(context.duration()),
                context.start_time() == AV_NOPTS_VALUE ? null : MediaTime.microsToMillis(context.start_time()),
                hasAudio,
                positive(context.bit_rate()),
                streams,
                tags);
    }

    private static StreamInfo stream(AVStream stream) {
        AVCodecParameters parameters = stream.codecpar();
        StreamType type = type(parameters.codec_type());
        Map<String, String> tags = FfmpegInput.entries(stream.metadata());
        String language = tags.get("language");
        if (language != null && (language.isBlank() || language.equals("und"))) {
            language = null;
        }
        boolean audio = type == StreamType.AUDIO;
        boolean video = type == StreamType.VIDEO;
        return new StreamInfo(
                stream.index(),
                type,
                avcodec_get_name(parameters.codec_id()).getString(StandardCharsets.UTF_8),
                language,
                audio ? Integer.valueOf(parameters.ch_layout().nb_channels()) : null,
                audio ? Integer.valueOf(parameters.sample_rate()) : null,
                video ? Integer.valueOf(parameters.width()) : null,
                video ? Integer.valueOf(parameters.height()) : null,
                video ? fps(stream.avg_frame_rate()) : null,
                video ? Integer.valueOf(rotation(parameters, tags)) : null,
                positive(parameters.bit_rate()),
                stream.duration() == AV_NOPTS_VALUE
                        ? null
                        : MediaTime.microsToMillis(MediaTime.ticksToMicros(stream.duration(), stream.time_base())),
                tags.get("title"),
                disposition(stream.disposition()),
                tags);
    }

    private static StreamType type(int mediaType) {
        if (mediaType == AVMEDIA_TYPE_VIDEO) {
            return StreamType.VIDEO;
        } else if (mediaType == AVMEDIA_TYPE_AUDIO) {
            return StreamType.AUDIO;
        } else if (mediaType == AVMEDIA_TYPE_SUBTITLE) {
            return StreamType.SUBTITLE;
        } else if (mediaType == AVMEDIA_TYPE_DATA) {
            return StreamType.DATA;
        } else if (mediaType == AVMEDIA_TYPE_ATTACHMENT) {
            return StreamType.ATTACHMENT;
        }
        return StreamType.UNKNOWN;
    }

    private static @Nullable Double fps(AVRational rate) {
        if (rate.num() <= 0 || rate.den() <= 0) {
            return null;
        }
        return Math.round(1000.0 * rate.num() / rate.den()) / 1000.0;
    }

    /**
     * Clockwise degrees, as the legacy {@code rotate} tag counts them. FFmpeg's display matrix angle is
     * counter-clockwise, so a phone's portrait clip ({@code rotate=90}) has a matrix angle of -90.
     */
    static int rotation(AVCodecParameters parameters, Map<String, String> tags) {
        AVPacketSideData sideData = av_packet_side_data_get(
                parameters.coded_side_data(), parameters.nb_coded_side_data(), AV_PKT_DATA_DISPLAYMATRIX);
        double clockwise;
        if (sideData != null && !sideData.isNull() && sideData.size() >= 9 * 4) {
            double counterClockwise = av_display_rotation_get(new IntPointer(sideData.data()));
            if (Double.isNaN(counterClockwise)) {
                return 0;
            }
            clockwise = -counterClockwise;
        } else {
            String rotate = tags.get("rotate");
            if (rotate == null) {
                return 0;
            }
            try {
                clockwise = Double.parseDouble(rotate.trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        // Snap to the nearest quarter turn: players only honour those, and the matrix carries float noise.
        int quarter = (int) Math.round(clockwise / 90.0);
        return Math.floorMod(quarter * 90, 360);
    }

    private static List<String> disposition(int flags) {
        List<String> names = new ArrayList<>();
        add(names, flags, AV_DISPOSITION_DEFAULT, "default");
        add(names, flags, AV_DISPOSITION_DUB, "dub");
        add(names, flags, AV_DISPOSITION_ORIGINAL, "original");
        add(names, flags, AV_DISPOSITION_COMMENT, "comment");
        add(names, flags, AV_DISPOSITION_FORCED, "forced");
        add(names, flags, AV_DISPOSITION_HEARING_IMPAIRED, "hearing_impaired");
        add(names, flags, AV_DISPOSITION_VISUAL_IMPAIRED, "visual_impaired");
        add(names, flags, AV_DISPOSITION_ATTACHED_PIC, "attached_pic");
        add(names, flags, AV_DISPOSITION_CAPTIONS, "captions");
        add(names, flags, AV_DISPOSITION_DESCRIPTIONS, "descriptions");
        return names;
    }

    private static void add(List<String> names, int flags, int flag, String name) {
        if ((flags & flag) != 0) {
            names.add(name);
        }
    }

    /**
     * The friendly container name. The demuxer decides the family (content, not the name); inside the MP4
     * family the brand decides, and the extension only when there is no brand; Matroska and WebM share a
     * demuxer, so the extension tells them apart.
     */
    static String container(String formatName, @Nullable String majorBrand, Path path) {
        String extension = extension(path);
        if (formatName.startsWith("mov,")) {
            String brand = majorBrand == null ? "" : majorBrand.trim().toLowerCase(Locale.ROOT);
            if (brand.equals("qt")) {
                return "mov";
            } else if (brand.startsWith("m4a") || brand.startsWith("m4b")) {
                return "m4a";
            } else if (brand.startsWith("3g")) {
                return "3gp";
            } else if (!brand.isEmpty()) {
                return "mp4";
            }
            return switch (extension) {
                case "mov", "qt" -> "mov";
                case "m4a", "m4b" -> "m4a";
                case "3gp", "3g2" -> "3gp";
                default -> "mp4";
            };
        }
        if (formatName.startsWith("matroska")) {
            return extension.equals("webm") ? "webm" : "mkv";
        }
        String first = formatName.contains(",") ? formatName.substring(0, formatName.indexOf(',')) : formatName;
        return switch (first) {
            case "mpegts" -> "ts";
            case "mpeg" -> "mpg";
            case "mp3" -> "mp3";
            case "asf" -> "wmv";
            default -> first;
        };
    }

    private static String extension(Path path) {
        Path name = path.getFileName();
        String text = name == null ? "" : name.toString();
        int dot = text.lastIndexOf('.');
        return dot < 0 ? "" : text.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static @Nullable Long micros(long micros) {
        return micros == AV_NOPTS_VALUE || micros < 0 ? null : MediaTime.microsToMillis(micros);
    }

    private static @Nullable Long positive(long value) {
        return value > 0 ? value : null;
    }
}
