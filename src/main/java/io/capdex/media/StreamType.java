package io.capdex.media;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a stream in a media file carries. */
public enum StreamType {
    VIDEO,
    AUDIO,
    SUBTITLE,
    DATA,
    ATTACHMENT,
    UNKNOWN;

    /** The lower-case name used in JSON, e.g. {@code "video"}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
