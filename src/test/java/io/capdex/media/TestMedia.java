package io.capdex.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S16LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Makes small test clips inside the tests (nothing big is committed): a grey picture that brightens linearly
 * over time and stereo audio that is silent except for a 1 kHz beep starting at a known time.
 */
final class TestMedia {
    static final int WIDTH = 320;
    static final int HEIGHT = 180;
    static final int FPS = 25;
    static final double BEEP_HZ = 1000;

    private TestMedia() {}

    /** Container and codecs of a generated clip. */
    record Spec(String format, boolean video, boolean audio, int videoCodec, int audioCodec, int sampleRate,
            int channels, double rotation) {
        static Spec mp4() {
            return new Spec("mp4", true, true, AV_CODEC_ID_H264, AV_CODEC_ID_AAC, 44_100, 2, 0);
        }

        static Spec mov() {
            return new Spec("mov", true, true, AV_CODEC_ID_H264, AV_CODEC_ID_AAC, 48_000, 2, 0);
        }

        static Spec mkv() {
            return new Spec("matroska", true, true, AV_CODEC_ID_MPEG4, AV_CODEC_ID_AAC, 48_000, 2, 0);
        }

        static Spec m4a() {
            return new Spec("ipod", false, true, 0, AV_CODEC_ID_AAC, 44_100, 2, 0);
        }

        static Spec wav() {
            return new Spec("wav", false, true, 0, AV_CODEC_ID_PCM_S16LE, 22_050, 1, 0);
        }

        static Spec silentMp4() {
            return new Spec("mp4", true, false, AV_CODEC_ID_H264, 0, 0, 0, 0);
        }

        Spec rotated(double counterClockwiseDegrees) {
            return new Spec(format, video, audio, videoCodec, audioCodec, sampleRate, channels,
                    counterClockwiseDegrees);
        }
    }

    /** Brightness (0–255) of the generated picture at a time; thumbnails are checked against it. */
    static int brightnessAt(long timeMs, long durationMs) {
        return (int) (20 + 200 * timeMs / durationMs);
    }

    /**
     * Writes a clip of {@code durationMs} whose audio beeps at 1 kHz from {@code beepMs} for 300 ms.
     *
     * @return the file
     */
    static Path write(Path file, Spec spec, long durationMs, long beepMs) throws IOException {
        FfmpegNatives.init();
        FFmpegFrameRecorder recorder = spec.video()
                ? new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT, spec.audio() ? spec.channels() : 0)
                : new FFmpegFrameRecorder(file.toFile(), spec.channels());
        recorder.setFormat(spec.format());
        recorder.setMetadata("title", "Interview 17 – Dr. Müller");
        recorder.setMetadata("comment", "capdex test clip");
        if (spec.video()) {
            recorder.setVideoCodec(spec.videoCodec());
            if (spec.videoCodec() == AV_CODEC_ID_H264) {
                recorder.setVideoCodecName("libopenh264");
            }
            recorder.setFrameRate(FPS);
            recorder.setGopSize(FPS);
            recorder.setVideoBitrate(400_000);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            if (spec.rotation() != 0) {
                recorder.setDisplayRotation(spec.rotation());
            }
        }
        if (spec.audio()) {
            recorder.setAudioCodec(spec.audioCodec());
            recorder.setSampleRate(spec.sampleRate());
            recorder.setAudioBitrate(96_000);
            recorder.setAudioMetadata("language", "eng");
        }
        if (!spec.format().equals("matroska") && !spec.format().equals("wav")) {
            // moov first, as published files have it: then a cut-off copy still opens (and is truncated).
            recorder.setOption("movflags", "+faststart");
        }
        try {
            recorder.start();
            long frames = durationMs * FPS / 1000;
            long samples = durationMs * spec.sampleRate() / 1000;
            long nextSample = 0;
            int chunk = 1024;
            Frame picture = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 3);
            for (long f = 0; f <= frames; f++) {
                long frameMs = f * 1000 / FPS;
                if (spec.audio()) {
                    long untilSample = Math.min(samples, (f + 1) * spec.sampleRate() / FPS);
                    while (nextSample < untilSample) {
                        int count = (int) Math.min(chunk, untilSample - nextSample);
                        recorder.recordSamples(spec.sampleRate(), spec.channels(),
                                tone(nextSample, count, spec.sampleRate(), spec.channels(), beepMs));
                        nextSample += count;
                    }
                }
                if (spec.video() && f < frames) {
                    fill(picture, brightnessAt(frameMs, durationMs));
                    recorder.record(picture, AV_PIX_FMT_BGR24);
                }
            }
            recorder.stop();
        } finally {
            recorder.release();
        }
        return file;
    }

    private static void fill(Frame picture, int brightness) {
        ByteBuffer buffer = (ByteBuffer) picture.image[0];
        byte value = (byte) brightness;
        for (int i = 0; i < buffer.capacity(); i++) {
            buffer.put(i, value);
        }
    }

    private static ShortBuffer tone(long firstSample, int count, int rate, int channels, long beepMs) {
        ShortBuffer buffer = ShortBuffer.allocate(count * channels);
        long beepStart = beepMs * rate / 1000;
        long beepEnd = beepStart + rate * 3L / 10;
        for (int i = 0; i < count; i++) {
            long n = firstSample + i;
            short value = 0;
            if (n >= beepStart && n < beepEnd) {
                value = (short) (12_000 * Math.sin(2 * Math.PI * BEEP_HZ * (n - beepStart) / rate));
            }
            for (int c = 0; c < channels; c++) {
                buffer.put(value);
            }
        }
        buffer.flip();
        return buffer;
    }

}
