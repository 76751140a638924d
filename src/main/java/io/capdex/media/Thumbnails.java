package io.capdex.media;

import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.jspecify.annotations.Nullable;

/** JPEG stills of a video at many times from one open decoder (one open, one seek per time); thread safe. */
public final class Thumbnails {
    /** JPEG quality 0–1: sharp enough for text in the picture, about 8 KB at 320 px. */
    private static final float QUALITY = 0.85f;
    /** How far before a time to seek: longer than one frame at any common rate (down to 10 fps). */
    private static final long SEEK_MARGIN_MS = 100;

    private Thumbnails() {}

    /**
     * Captures one picture per requested time, scaled to {@code widthPx} with the display aspect ratio kept
     * (pixel aspect and rotation applied, so a portrait phone clip gives a portrait picture). Times before 0 or
     * past the end show the first or last frame.
     *
     * @param timesMs presentation times in milliseconds, in any order; the result has the same order
     * @param widthPx width of every picture, at least 2
     * @throws MediaException when the file cannot be read or has no video stream
     */
    public static List<Thumbnail> capture(Path file, List<Long> timesMs, int widthPx) throws MediaException {
        if (widthPx < 2) {
            throw new IllegalArgumentException("widthPx " + widthPx);
        }
        if (timesMs.isEmpty()) {
            return List.of();
        }
        MediaInfo info = MediaProbe.probe(file);
        StreamInfo video = info.firstStream(StreamType.VIDEO)
                .orElseThrow(() -> new MediaException(file + ": no video stream; nothing to take pictures of"));
        long durationMs = video.durationMs() != null ? video.durationMs()
                : info.durationMs() != null ? info.durationMs() : Long.MAX_VALUE;
        int rotation = video.rotation() == null ? 0 : video.rotation();

        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toString());
        grabber.setVideoStream(video.index());
        // No stream has this index, so JavaCV opens no audio decoder: seeking then decodes pictures only.
        grabber.setAudioStream(Integer.MAX_VALUE);
        grabber.setImageScalingFlags(SWS_BICUBIC);
        try {
            grabber.start();
            double pixelAspect = grabber.getAspectRatio() > 0 ? grabber.getAspectRatio() : 1.0;
            double displayWidth = grabber.getImageWidth() * pixelAspect;
            double displayHeight = grabber.getImageHeight();
            boolean sideways = rotation == 90 || rotation == 270;
            double aspect = sideways ? displayWidth / displayHeight : displayHeight / displayWidth;
            int heightPx = Math.max(2, (int) Math.round(widthPx * aspect));
            // The scaler works before rotation: a sideways picture is decoded as height x width, then turned.
            grabber.setImageWidth(sideways ? heightPx : widthPx);
            grabber.setImageHeight(sideways ? widthPx : heightPx);

            Integer[] order = new Integer[timesMs.size()];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparingLong(timesMs::get));
            Thumbnail[] result = new Thumbnail[timesMs.size()];
            try (Java2DFrameConverter converter = new Java2DFrameConverter()) {
                for (int i : order) {
                    long requested = timesMs.get(i);
                    long target = Math.max(0, Math.min(requested, durationMs));
                    Shot shot = grab(grabber, target, converter);
                    if (shot == null) {
                        throw new MediaException(file + ": no picture could be decoded near "
                                + AudioDecoder.clock(target));
                    }
                    BufferedImage image = rotate(shot.image, rotation);
                    result[i] = new Thumbnail(requested, shot.frameMs, image.getWidth(), image.getHeight(),
                            jpeg(image));
                }
            }
            return List.of(result);
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new MediaException(file + ": cannot decode the video (" + readable(e) + ")", e);
        } finally {
            try {
                grabber.release();
            } catch (FFmpegFrameGrabber.Exception e) {
                // Releasing native memory cannot fail in a way the caller could act on.
            }
        }
    }

    /**
     * JavaCV says "av_read_frame() error -5: Could not read frame (For more details, make sure
     * FFmpegLogCallback.set() has been called.)"; a person needs only the words (FFmpeg's log is in SLF4J).
     */
    static String readable(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("[A-Za-z_0-9]+\\(\\) error -?\\d+:?\\s*", "")
                .replace(" (For more details, make sure FFmpegLogCallback.set() has been called.)", "")
                .strip();
    }

    private record Shot(BufferedImage image, long frameMs) {}

    /**
     * The frame on screen at {@code targetMs}: the last one that starts at or before it. This seeks shortly
     * before the time (JavaCV decodes on from the key frame) and walks on until the next frame would start
     * later. A time in the last GOP may land past the final frame; then the last frame of the file is used.
     */
    private static @Nullable Shot grab(FFmpegFrameGrabber grabber, long targetMs, Java2DFrameConverter converter)
            throws FFmpegFrameGrabber.Exception {
        // JavaCV's seek may land on the first frame after the time; starting a little earlier (walked off below
        // at the cost of a few decoded frames) finds the one still on screen.
        grabber.setTimestamp(MediaTime.millisToMicros(Math.max(0, targetMs - SEEK_MARGIN_MS)));
        Shot onScreen = null;
        Frame frame;
        while ((frame = grabber.grabImage()) != null) {
            long frameMs = MediaTime.microsToMillis(frame.timestamp);
            if (frameMs > targetMs && onScreen != null) {
                return onScreen;
            }
            onScreen = shot(frame, converter);
            if (frameMs >= targetMs) {
                return onScreen;
            }
        }
        if (onScreen != null) {
            return onScreen;
        }
        grabber.setTimestamp(MediaTime.millisToMicros(Math.max(0, targetMs - 2_000)));
        while ((frame = grabber.grabImage()) != null) {
            onScreen = shot(frame, converter);
        }
        return onScreen;
    }

    private static Shot shot(Frame frame, Java2DFrameConverter converter) {
        // The converter reuses its image: copy it, since the next grab overwrites the frame.
        BufferedImage view = converter.convert(frame);
        BufferedImage copy = new BufferedImage(view.getWidth(), view.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = copy.createGraphics();
        graphics.drawImage(view, 0, 0, null);
        graphics.dispose();
        return new Shot(copy, MediaTime.microsToMillis(frame.timestamp));
    }

    private static BufferedImage rotate(BufferedImage image, int clockwiseDegrees) {
        if (clockwiseDegrees == 0) {
            return image;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        boolean sideways = clockwiseDegrees == 90 || clockwiseDegrees == 270;
        BufferedImage turned = new BufferedImage(sideways ? height : width, sideways ? width : height,
                BufferedImage.TYPE_3BYTE_BGR);
        AffineTransform transform = new AffineTransform();
        transform.translate(turned.getWidth() / 2.0, turned.getHeight() / 2.0);
        transform.rotate(Math.toRadians(clockwiseDegrees));
        transform.translate(-width / 2.0, -height / 2.0);
        Graphics2D graphics = turned.createGraphics();
        graphics.drawImage(image, transform, null);
        graphics.dispose();
        return turned;
    }

    private static byte[] jpeg(BufferedImage image) throws MediaException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(QUALITY);
            writer.setOutput(output);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } catch (IOException e) {
            throw new MediaException("cannot encode a JPEG picture (" + e.getMessage() + ")", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
