package io.capdex.export;

import java.io.IOException;

/**
 * Writes a video output (MP4 or MKV with soft subtitles, or MP4 with captions burned in) from a request
 * {@link Exporter} has prepared: the tracks already stamped, their titles and the container comment chosen. The
 * media package implements it; the caller wires it into the exporter.
 */
public interface MediaExport {
    /**
     * Writes {@link MediaExportRequest#target()}, replacing what is there.
     *
     * @throws IOException when the video cannot be read or the output cannot be written
     */
    void write(MediaExportRequest request) throws IOException;
}
