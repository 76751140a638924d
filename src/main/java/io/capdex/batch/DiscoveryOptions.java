package io.capdex.batch;

import io.capdex.media.MediaProbe;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How {@link Discovery} scans.
 *
 * @param dataFolder capdex's data folder, skipped when it lies inside a root; null when there is none to skip
 *     (folders named {@code capdex-data} are skipped anyway)
 * @param probe reads a video's language tag and creation time; {@link #defaults()} uses FFmpeg, tests a fake
 * @param readContent whether file contents are sniffed (content beats the extension); off, names alone decide
 */
public record DiscoveryOptions(@Nullable Path dataFolder, VideoProbe probe, boolean readContent) {

    /** The folder name of the default data folder, skipped wherever it appears. */
    public static final String DEFAULT_DATA_FOLDER_NAME = "capdex-data";

    /** Reads the facts discovery needs from one video. */
    @FunctionalInterface
    public interface VideoProbe {
        /** @throws Exception with a message for people when the file cannot be probed; discovery notes it */
        VideoFacts probe(Path video) throws Exception;
    }

    public DiscoveryOptions {
        Objects.requireNonNull(probe, "probe");
    }

    /** Probe with FFmpeg, read contents, no data folder. */
    public static DiscoveryOptions defaults() {
        return new DiscoveryOptions(null, video -> VideoFacts.of(MediaProbe.probe(video)), true);
    }

    public DiscoveryOptions withDataFolder(@Nullable Path folder) {
        return new DiscoveryOptions(folder, probe, readContent);
    }

    public DiscoveryOptions withProbe(VideoProbe newProbe) {
        return new DiscoveryOptions(dataFolder, newProbe, readContent);
    }

    public DiscoveryOptions withReadContent(boolean on) {
        return new DiscoveryOptions(dataFolder, probe, on);
    }
}
