package io.capdex.batch;

import java.util.concurrent.CountDownLatch;

/**
 * Asks a running ingest to stop early (Ctrl-C, SIGTERM): no new interview starts, the ones under way get a grace
 * period to finish, everything stored so far is committed to the index, and the run returns; a rerun finishes the
 * rest. Thread-safe; requested once, never reset.
 */
public final class StopRequest {
    private final CountDownLatch requested = new CountDownLatch(1);

    /** Asks the run to stop; later calls do nothing. */
    public void request() {
        requested.countDown();
    }

    /** Whether a stop was asked for. */
    public boolean isRequested() {
        return requested.getCount() == 0;
    }

}
