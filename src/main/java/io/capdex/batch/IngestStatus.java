package io.capdex.batch;

import java.util.Locale;

/** How one interview ended in an ingest (DESIGN.md §3). */
public enum IngestStatus {
    OK,
    /** Stored, with something a person should look at (QC errors, a sync not applied, an ignored file). */
    WARNING,
    /** Not stored; the reason is in the messages. */
    FAILED,
    /** Skipped: nothing it is made from changed since the last ingest. */
    UNCHANGED,
    /** Removed from the store because its files are gone ({@code --prune}). */
    PRUNED;

    /** The lower-case name used in JSON and on screen. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
