package io.capdex.align;

import io.capdex.caption.QcProfile;
import java.util.Objects;

/**
 * How {@link Aligner} segments and when it gives up.
 *
 * @param profile the style guide the aligned cues are cut for (line length, lines, reading speed, durations)
 * @param fps the video's frame rate, for the profile's least gap between cues
 * @param minMatchedShare below this share of transcript words matched inside runs of two or more matched words
 *     (in the part the captions cover), the transcript is taken to be of another interview and no track is made
 * @param maxWer above this error rate over the covered part, likewise
 */
public record AlignOptions(QcProfile profile, double fps, double minMatchedShare, double maxWer) {
    public AlignOptions {
        Objects.requireNonNull(profile, "profile");
        if (!(fps > 0)) {
            throw new IllegalArgumentException("frame rate must be positive, not " + fps);
        }
    }

    /** Netflix profile at 25 fps; give up below 30 % matched words or above a WER of 0.8. */
    public static AlignOptions defaults() {
        return new AlignOptions(QcProfile.NETFLIX, 25, 0.3, 0.8);
    }

    public AlignOptions withProfile(QcProfile newProfile) {
        return new AlignOptions(newProfile, fps, minMatchedShare, maxWer);
    }

    public AlignOptions withFps(double newFps) {
        return new AlignOptions(profile, newFps, minMatchedShare, maxWer);
    }
}
