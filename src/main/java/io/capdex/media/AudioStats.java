package io.capdex.media;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@link AudioDecoder} delivered from one file.
 *
 * @param streamIndex the audio stream that was decoded
 * @param codec FFmpeg's name of its codec, e.g. {@code aac}
 * @param sourceSampleRate the stream's own sample rate in Hz
 * @param sourceChannels the stream's own channel count (mixed down to mono)
 * @param samples how many 16 kHz samples were delivered, silence inserted for gaps included
 * @param decodedMs those samples as milliseconds ({@code samples / 16})
 * @param declaredMs the duration the file declares for the stream (or the container), or null if none
 * @param truncated true when the audio stopped well before {@code declaredMs} or the file could not be read
 *     to its end: what was there was still delivered
 * @param warnings readable notes: truncation, gaps filled with silence, packets that failed to decode
 */
public record AudioStats(
        int streamIndex,
        String codec,
        int sourceSampleRate,
        int sourceChannels,
        long samples,
        long decodedMs,
        @Nullable Long declaredMs,
        boolean truncated,
        List<String> warnings) {
    public AudioStats {
        warnings = List.copyOf(warnings);
    }
}
