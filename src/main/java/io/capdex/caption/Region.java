package io.capdex.caption;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A WebVTT region (or a TTML region mapped onto one).
 *
 * @param settings WebVTT region settings by name, values as written ({@code width:40%}, {@code lines:3},
 *     {@code regionanchor:0%,100%}, {@code viewportanchor:10%,90%}, {@code scroll:up})
 */
public record Region(String id, Map<String, String> settings) {
    public Region {
        Objects.requireNonNull(id, "id");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
