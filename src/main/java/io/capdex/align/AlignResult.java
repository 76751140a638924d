package io.capdex.align;

import io.capdex.caption.Track;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Aligner#align} made: the aligned track (null when the transcript does not fit the captions or either
 * side has no words), the accuracy report of the captions (null when the transcript has no words), and messages
 * saying what was left out and why.
 *
 * @param coverage the share of transcript words that made it into the aligned track (0 without a track; below 1
 *     when the transcript runs on where the captions end)
 */
public record AlignResult(@Nullable Track aligned, @Nullable AlignmentReport report, double coverage,
                          List<String> messages) {
    public AlignResult {
        messages = List.copyOf(messages);
    }

    public boolean hasTrack() {
        return aligned != null;
    }
}
