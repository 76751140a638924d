package io.capdex.export;

import io.capdex.caption.Cue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a video file says about its subtitles, for {@link Verifier}.
 *
 * @param tags the container tags ({@code comment}, {@code description}, {@code title}, …), keys lower case
 * @param streams every subtitle stream, in stream order
 */
public record MediaSubtitles(Map<String, String> tags, List<SubtitleStream> streams) {
    public MediaSubtitles {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        streams = List.copyOf(streams);
    }

    /**
     * One subtitle stream.
     *
     * @param index the stream index in the container
     * @param language its language tag as the container has it ({@code eng}, {@code spa}, {@code und})
     * @param title its title ({@code handler_name} in MP4, {@code title} in MKV), or null
     * @param openingCues its cues decoded from the start, at least those of the first 60 seconds
     */
    public record SubtitleStream(int index, String language, @Nullable String title, List<Cue> openingCues) {
        public SubtitleStream {
            Objects.requireNonNull(language, "language");
            openingCues = List.copyOf(openingCues);
        }
    }
}
