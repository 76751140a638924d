package io.capdex.media;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link SubtitleReader} found in a media file: its container tags and every text subtitle stream.
 *
 * @param containerTags container metadata with lower-case keys ({@code comment}, {@code description}, …)
 */
public record SubtitleFile(Map<String, String> containerTags, List<SubtitleStreamCues> streams) {
    public SubtitleFile {
        containerTags = Collections.unmodifiableMap(new LinkedHashMap<>(containerTags));
        streams = List.copyOf(streams);
    }
}
