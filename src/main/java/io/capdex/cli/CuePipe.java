package io.capdex.cli;

import io.capdex.caption.CaptionWriter.CueStream;
import io.capdex.caption.Cue;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Takes cues from a reader and writes them to a {@link CueStream} on a second thread, in order, so that parsing
 * and writing a large file use both cores (issue #2's convert target). Cues travel in batches through a short
 * queue, which also bounds the memory in flight. Once the stream refuses a cue or fails, the rest are dropped;
 * {@link #finish()} says which. One reader thread calls {@link #accept}, then {@link #finish()} or {@link #close()}.
 */
final class CuePipe implements Consumer<Cue>, AutoCloseable {
    private static final int BATCH = 512;
    // the end-of-cues mark, recognised by identity
    private static final List<Cue> END = new ArrayList<>(0);

    private final BlockingQueue<List<Cue>> queue = new ArrayBlockingQueue<>(16);
    private final CueStream stream;
    private final Thread writer;
    private List<Cue> batch = new ArrayList<>(BATCH);
    private boolean ended;

    // written by the writer thread, read by the reader thread after join()
    private volatile boolean stopped;
    private boolean refused;
    private int written;
    private @Nullable Throwable failure;

    CuePipe(CueStream stream) {
        this.stream = stream;
        this.writer = new Thread(this::drain, "capdex-cue-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void accept(Cue cue) {
        if (stopped) {
            return; // the output is given up already: no point queueing more
        }
        batch.add(cue);
        if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /**
     * Waits until every cue is written.
     *
     * @return false when the stream refused a cue (nothing after it was written)
     * @throws IOException when writing failed
     */
    boolean finish() throws IOException {
        end();
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return !refused;
    }

    /** How many cues were written; valid after {@link #finish()}. */
    int written() {
        return written;
    }

    /** Stops the writer thread if {@link #finish()} was not reached (the reader failed). */
    @Override
    public void close() {
        if (!ended) {
            stopped = true;
            end();
        }
    }

    private void end() {
        ended = true;
        if (!batch.isEmpty()) {
            put(batch);
            batch = new ArrayList<>(0);
        }
        put(END);
        boolean interrupted = false;
        while (true) {
            try {
                writer.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the writer ends by itself at END; wait for it, then keep the interrupt
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(List<Cue> cues) {
        try {
            queue.put(cues);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
            throw new UncheckedIOException(new InterruptedIOException("interrupted while converting"));
        }
    }

    private void drain() {
        while (true) {
            List<Cue> cues;
            try {
                cues = queue.take();
            } catch (InterruptedException e) {
                failure = new InterruptedIOException("interrupted while converting");
                stopped = true;
                return;
            }
            if (cues == END) {
                return;
            }
            if (stopped) {
                continue; // keep taking so that the reader never blocks on a full queue
            }
            try {
                for (Cue cue : cues) {
                    if (!stream.write(cue)) {
                        refused = true;
                        stopped = true;
                        break;
                    }
                    written++;
                }
            } catch (IOException | RuntimeException | Error e) {
                failure = e;
                stopped = true;
            }
        }
    }
}
