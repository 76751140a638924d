package io.capdex.search;

import java.io.IOException;

/** Another process (or another writer in this one) holds the index's write lock; the message names it. */
public final class IndexLockedException extends IOException {
    private final String holder;

    IndexLockedException(String message, String holder, Throwable cause) {
        super(message, cause);
        this.holder = holder;
    }

    /** Who holds the lock, e.g. {@code pid 4242 on host ws1 (capdex ingest samples) since 2026-11-26T16:00:00Z}. */
    public String holder() {
        return holder;
    }
}
