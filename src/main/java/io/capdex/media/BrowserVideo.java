package io.capdex.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

/**
 * What web browsers play, and an MP4 they play made from a file they do not (MKV, MOV, AVI, or codecs such as
 * MPEG-4 Part 2, HEVC or PCM audio): the picture and sound are stream-copied when their codecs are playable in
 * MP4, and only otherwise re-encoded (H.264 through OpenH264, AAC). The MP4 is written with {@code faststart}, so a
 * browser can start playing and seeking before it has the whole file.
 */
public final class BrowserVideo {
    /** Containers browsers play directly (HTML5 {@code <video>} in Chromium, Firefox and Safari). */
    private static final Set<String> PLAYABLE_CONTAINERS = Set.of("mp4", "m4a", "webm");
    /** Video codecs every current browser decodes in MP4 (Chromium: also VP9 and AV1; Safari: AV1 on new Macs). */
    private static final Set<String> MP4_VIDEO = Set.of("h264");
    private static final Set<String> WEBM_VIDEO = Set.of("vp8", "vp9", "av1");
    /** Audio codecs browsers decode in MP4. */
    private static final Set<String> MP4_AUDIO = Set.of("aac", "mp3");
    private static final Set<String> WEBM_AUDIO = Set.of("opus", "vorbis");

    private BrowserVideo() {}

    /**
     * How an MP4 for the browser was made.
     *
     * @param videoCopied the picture was stream-copied (false: re-encoded, or there is no picture)
     * @param audioCopied the sound was stream-copied (false: re-encoded, or there is no sound)
     */
    public record Result(boolean videoCopied, boolean audioCopied) {}

    /** Whether browsers play the file as it is (container and the codecs of its first video and audio streams). */
    public static boolean playable(MediaInfo info) {
        String container = info.container();
        if (!PLAYABLE_CONTAINERS.contains(container)) {
            return false;
        }
        boolean webm = container.equals("webm");
        Optional<StreamInfo> video = info.firstStream(StreamType.VIDEO);
        Optional<StreamInfo> audio = info.firstStream(StreamType.AUDIO);
        boolean videoOk = video.isEmpty() || (webm ? WEBM_VIDEO : MP4_VIDEO).contains(video.get().codec());
        boolean audioOk = audio.isEmpty() || (webm ? WEBM_AUDIO : MP4_AUDIO).contains(audio.get().codec());
        return videoOk && audioOk && (video.isPresent() || audio.isPresent());
    }

    /** The MIME type a browser needs for a playable file ({@code video/mp4}, {@code audio/mp4}, {@code video/webm}). */
    public static String mediaType(MediaInfo info) {
        return switch (info.container()) {
            case "webm" -> info.hasVideo() ? "video/webm" : "audio/webm";
            case "m4a" -> "audio/mp4";
            default -> info.hasVideo() ? "video/mp4" : "audio/mp4";
        };
    }

    /**
     * Writes an MP4 of {@code in}'s first video and first audio stream that browsers play, to {@code out} (which
     * must not be {@code in}). Stream copy when both codecs are playable in MP4 (seconds for an hour), else a
     * re-encode (H.264 + AAC; about real time on one core). Other streams (subtitles, more audio tracks,
     * attachments) are left out: the player loads captions as WebVTT. A failure deletes the partial file.
     *
     * @throws MediaException when {@code in} cannot be read or {@code out} cannot be written
     */
    public static Result toMp4(Path in, Path out) throws MediaException {
        MediaInfo info = MediaProbe.probe(in);
        Optional<StreamInfo> video = info.firstStream(StreamType.VIDEO);
        Optional<StreamInfo> audio = info.firstStream(StreamType.AUDIO);
        if (video.isEmpty() && audio.isEmpty()) {
            throw new MediaException(in + ": no video or audio stream to play");
        }
        boolean copyVideo = video.isEmpty() || MP4_VIDEO.contains(video.get().codec());
        boolean copyAudio = audio.isEmpty() || MP4_AUDIO.contains(audio.get().codec());
        if (copyVideo && copyAudio) {
            copy(in, out, video.map(StreamInfo::index).orElse(-1), audio.map(StreamInfo::index).orElse(-1));
            return new Result(video.isPresent(), audio.isPresent());
        }
        transcode(in, out, video.isPresent(), audio.isPresent());
        return new Result(false, false);
    }

    /** Packet copy of two streams into MP4 with faststart (the index up front). */
    private static void copy(Path in, Path out, int videoIndex, int audioIndex) throws MediaException {
        try (FfmpegInput input = FfmpegInput.open(in); MuxOutput output = MuxOutput.create(out, "mp4")) {
            AVFormatContext ic = input.context();
            int[] map = new int[ic.nb_streams()];
            java.util.Arrays.fill(map, -1);
            for (int i : new int[] {videoIndex, audioIndex}) {
                if (i >= 0) {
                    map[i] = output.copyOf(ic.streams(i)).index();
                }
            }
            output.start(Map.of("movflags", "+faststart"));
            AVPacket packet = av_packet_alloc();
            try {
                while (av_read_frame(ic, packet) >= 0) {
                    int source = packet.stream_index();
                    if (source >= map.length || map[source] < 0
                            || packet.dts() == AV_NOPTS_VALUE && packet.pts() == AV_NOPTS_VALUE) {
                        av_packet_unref(packet);
                        continue;
                    }
                    AVStream is = ic.streams(source);
                    AVStream os = output.context().streams(map[source]);
                    av_packet_rescale_ts(packet, is.time_base(), os.time_base());
                    packet.stream_index(map[source]);
                    packet.pos(-1);
                    output.write(packet);
                }
            } finally {
                av_packet_free(packet);
            }
            output.finish();
        }
    }

    /** Decode and re-encode: H.264 (OpenH264) and AAC in MP4 with faststart. */
    private static void transcode(Path in, Path out, boolean hasVideo, boolean hasAudio) throws MediaException {
        FfmpegNatives.init();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(in.toFile());
        FFmpegFrameRecorder recorder = null;
        boolean done = false;
        try {
            try {
                grabber.start();
            } catch (FrameGrabber.Exception e) {
                throw new MediaException(in + ": not a media file (" + Thumbnails.readable(e) + ")", e);
            }
            int width = hasVideo ? grabber.getImageWidth() : 0;
            int height = hasVideo ? grabber.getImageHeight() : 0;
            int channels = hasAudio ? Math.min(2, Math.max(1, grabber.getAudioChannels())) : 0;
            recorder = new FFmpegFrameRecorder(out.toFile(), width, height, channels);
            recorder.setFormat("mp4");
            recorder.setOption("movflags", "+faststart");
            if (hasVideo) {
                double fps = grabber.getFrameRate() > 0 && grabber.getFrameRate() < 240 ? grabber.getFrameRate() : 25;
                recorder.setVideoCodec(AV_CODEC_ID_H264);
                recorder.setVideoCodecName("libopenh264");
                recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
                recorder.setFrameRate(fps);
                recorder.setGopSize((int) Math.round(fps * 2));
                recorder.setVideoBitrate((int) Math.min(8_000_000, Math.max(300_000,
                        Math.round(width * (double) height * fps * 0.1))));
            }
            if (hasAudio) {
                recorder.setAudioCodec(AV_CODEC_ID_AAC);
                recorder.setSampleRate(grabber.getSampleRate() > 0 ? grabber.getSampleRate() : 48_000);
                recorder.setAudioBitrate(128_000);
            }
            recorder.start();
            Frame frame;
            while ((frame = grabber.grab()) != null) {
                if (frame.image != null && hasVideo) {
                    // keep the source's timing (variable frame rates, gaps) without repeating a timestamp
                    if (frame.timestamp > recorder.getTimestamp()) {
                        recorder.setTimestamp(frame.timestamp);
                    }
                    recorder.record(frame, AV_PIX_FMT_YUV420P);
                } else if (frame.samples != null && hasAudio) {
                    recorder.record(frame);
                }
            }
            recorder.stop();
            done = true;
        } catch (FrameGrabber.Exception e) {
            throw new MediaException(in + ": cannot decode (" + Thumbnails.readable(e) + ")", e);
        } catch (FrameRecorder.Exception e) {
            throw new MediaException(out + ": cannot encode H.264/AAC (" + Thumbnails.readable(e) + ")", e);
        } finally {
            if (recorder != null) {
                try {
                    recorder.release();
                } catch (FrameRecorder.Exception e) {
                    // already failing or finished; a partial file is deleted below
                }
            }
            try {
                grabber.release();
            } catch (FrameGrabber.Exception e) {
                // nothing left to read
            }
            if (!done) {
                try {
                    java.nio.file.Files.deleteIfExists(out);
                } catch (java.io.IOException e) {
                    // the caller already gets the original failure
                }
            }
        }
    }
}
