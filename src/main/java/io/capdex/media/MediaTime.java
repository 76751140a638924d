package io.capdex.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import org.bytedeco.ffmpeg.avutil.AVRational;

/** FFmpeg time (microseconds, or ticks of a stream's time base) to model milliseconds, in one place. */
final class MediaTime {
    private MediaTime() {}

    /**
     * The one conversion from FFmpeg/JavaCV microseconds to model milliseconds: rounds to the nearest
     * millisecond, halves upwards (1,500 µs is 2 ms, -1,500 µs is -1 ms), so a time survives ms → µs → ms.
     */
    static long microsToMillis(long micros) {
        return Math.floorDiv(micros + 500, 1000);
    }

    /** Milliseconds to FFmpeg/JavaCV microseconds (exact). */
    static long millisToMicros(long millis) {
        return Math.multiplyExact(millis, 1000L);
    }

    /**
     * Ticks of {@code timeBase} to microseconds (FFmpeg's {@code av_rescale_q}, nearest), or {@link
     * AV_NOPTS_VALUE} unchanged.
     */
    static long ticksToMicros(long ticks, AVRational timeBase) {
        if (ticks == AV_NOPTS_VALUE) {
            return AV_NOPTS_VALUE;
        }
        return av_rescale_q(ticks, timeBase, Microseconds.TIME_BASE);
    }

    /** Holder, so the pure conversions above never load the natives. Read-only after creation: thread safe. */
    private static final class Microseconds {
        static final AVRational TIME_BASE = new AVRational().num(1).den(1_000_000);
    }
}
