package io.capdex.export;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads what {@link Verifier} needs from a video file: its container tags and the opening cues of every subtitle
 * stream. The media package's subtitle reader implements it; the caller wires it into the verifier.
 */
public interface MediaVerifier {
    /**
     * The container tags and subtitle streams of a video file.
     *
     * @throws IOException when the file cannot be opened or is not a video container
     */
    MediaSubtitles read(Path media) throws IOException;
}
