package io.capdex.batch;

import java.util.Objects;

/**
 * What an interview page says about the interview, as plain strings the pipeline fills from the page ({@code ""}
 * when the page does not say).
 *
 * @param date as the page gives it (an ISO date-time from {@code article:published_time}, or a visible label)
 */
public record PageFacts(String title, String speaker, String affiliation, String date, String summary) {
    /** A page that says nothing (or no page). */
    public static final PageFacts NONE = new PageFacts("", "", "", "", "");

    public PageFacts {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(affiliation, "affiliation");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(summary, "summary");
    }
}
