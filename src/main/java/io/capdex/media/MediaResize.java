package io.capdex.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Re-encodes a video at another picture size and frame rate (H.264 through libopenh264, the source audio copied), for
 * benchmark material: a 640×360 or 1080p interview made from a small sample, since no large media is committed.
 */
public final class MediaResize {
    private MediaResize() {}

    /**
     * Writes {@code out} (MP4): {@code in}'s picture scaled to {@code width}×{@code height} at {@code fps} frames per
     * second (frames repeated or dropped as FFmpeg's {@code fps} filter does), at about 0.1 bit per pixel per frame.
     */
    public static void resize(Path in, int width, int height, double fps, Path out) throws MediaException {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0 || !(fps > 0)) {
            throw new IllegalArgumentException(width + "x" + height + " at " + fps + " fps");
        }
        FfmpegNatives.init();
        FfmpegInput.checkReadable(in);
        Path video;
        try {
            video = Files.createTempFile(out.toAbsolutePath().getParent(), "resize-", ".mp4");
        } catch (IOException e) {
            throw new MediaException(out + ": cannot create a temporary file (" + e.getMessage() + ")", e);
        }
        try {
            encode(in, width, height, fps, video);
            BurnIn.remux(video, in, out);
        } finally {
            try {
                Files.deleteIfExists(video);
            } catch (IOException e) {
                // A leftover temporary file next to the output is harmless.
            }
        }
    }

    private static void encode(Path in, int width, int height, double fps, Path video) throws MediaException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(in.toFile());
        grabber.setPixelFormat(AV_PIX_FMT_YUV420P);
        FFmpegFrameFilter filter = null;
        FFmpegFrameRecorder recorder = null;
        try {
            grabber.start();
            if (grabber.getImageWidth() <= 0) {
                throw new MediaException(in + ": has no video stream");
            }
            double sourceFps = grabber.getFrameRate() > 0 ? grabber.getFrameRate() : 25;
            filter = new FFmpegFrameFilter(String.format(Locale.ROOT, "scale=%d:%d:flags=bicubic,fps=%s", width,
                    height, fps), grabber.getImageWidth(), grabber.getImageHeight());
            filter.setPixelFormat(AV_PIX_FMT_YUV420P);
            filter.setFrameRate(sourceFps);
            filter.start();
            recorder = new FFmpegFrameRecorder(video.toFile(), width, height, 0);
            recorder.setFormat("mp4");
            recorder.setVideoCodec(AV_CODEC_ID_H264);
            recorder.setVideoCodecName("libopenh264");
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            recorder.setGopSize((int) Math.round(fps * 2));
            recorder.setVideoBitrate((int) Math.max(200_000, Math.round(width * (double) height * fps * 0.1)));
            recorder.start();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                filter.push(frame, AV_PIX_FMT_YUV420P);
                Frame scaled;
                while ((scaled = filter.pull()) != null) {
                    recorder.record(scaled, AV_PIX_FMT_YUV420P);
                }
            }
            filter.push(null);
            Frame rest;
            while ((rest = filter.pull()) != null) {
                recorder.record(rest, AV_PIX_FMT_YUV420P);
            }
            recorder.stop();
        } catch (FrameGrabber.Exception e) {
            throw new MediaException(in + ": cannot decode the video (" + e.getMessage() + ")", e);
        } catch (FrameFilter.Exception e) {
            throw new MediaException(in + ": cannot scale the video (" + e.getMessage() + ")", e);
        } catch (FrameRecorder.Exception e) {
            throw new MediaException(video + ": cannot encode H.264 (" + e.getMessage() + ")", e);
        } finally {
            try {
                if (recorder != null) {
                    recorder.release();
                }
                if (filter != null) {
                    filter.release();
                }
                grabber.release();
            } catch (FrameRecorder.Exception | FrameFilter.Exception | FrameGrabber.Exception e) {
                // Releasing after success or failure changes nothing about the result.
            }
        }
    }
}
