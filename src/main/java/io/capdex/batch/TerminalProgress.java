package io.capdex.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Ingest progress as a bar redrawn in place on a terminal (progressbar 0.10), e.g.
 * {@code ingest  45% │██████▊        │  90/200 interviews (0:00:12 / 0:00:15) 7.5 interviews/s  talk-091 · 1 failed}:
 * done/total, elapsed / estimated time left, rate, the interview most recently started and the failures so far.
 * Rate and ETA count only the interviews processed in this run: unchanged ones are done at once and would make
 * the estimate far too hopeful. {@link #close} draws the final state and ends the line.
 */
public final class TerminalProgress implements IngestPipeline.Progress, AutoCloseable {
    /** Redraws per second: enough to look alive, few enough to cost nothing. */
    static final int REFRESH_MS = 250;

    private final PrintWriter err;
    private final IntSupplier columns;
    private final boolean unicode;
    private final Deque<String> running = new ConcurrentLinkedDeque<>();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile boolean finishing;
    private volatile @Nullable ProgressBar bar;

    /**
     * @param err where the bar is drawn (the terminal's stderr)
     * @param columns the terminal's width, asked at each redraw (see {@link #terminalColumns})
     * @param unicode whether the terminal shows block characters; else the bar is ASCII
     */
    public TerminalProgress(PrintWriter err, IntSupplier columns, boolean unicode) {
        this.err = err;
        this.columns = columns;
        this.unicode = unicode;
    }

    /** A bar on the process's own terminal: its width from JLine, Unicode when the console encoding is UTF-8. */
    public static TerminalProgress onConsole(PrintWriter err) {
        int width = terminalColumns();
        String encoding = System.getProperty("sun.stderr.encoding",
                System.getProperty("native.encoding", Charset.defaultCharset().name()));
        return new TerminalProgress(err, () -> width, encoding.replace("-", "").equalsIgnoreCase("UTF8"));
    }

    /** The terminal's width in columns as JLine reads it, 80 when it cannot tell. */
    public static int terminalColumns() {
        try (Terminal t = TerminalBuilder.builder().system(true).dumb(true).build()) {
            int width = t.getWidth();
            return width >= 20 ? width : 80;
        } catch (IOException | RuntimeException e) {
            return 80; // no terminal to ask: the usual width
        }
    }

    @Override
    public void starting(int total, int unchanged) {
        bar = new ProgressBarBuilder()
                .setTaskName("ingest")
                .setInitialMax(total)
                .startsFrom(unchanged, Duration.ZERO)
                .setUnit(" interviews", 1)
                .showSpeed(new java.text.DecimalFormat("0.0"))
                .setEtaFunction(TerminalProgress::eta)
                .setStyle(unicode ? ProgressBarStyle.UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(REFRESH_MS)
                .continuousUpdate() // the elapsed time and ETA move even while a long interview runs
                .setConsumer(new Consumer())
                .build();
        bar.stepTo(unchanged);
    }

    @Override
    public void began(String id) {
        running.addFirst(id);
        message();
    }

    @Override
    public void finished(int done, int total, ReportInterview entry) {
        running.remove(entry.id());
        if (entry.status() == IngestStatus.FAILED) {
            failed.incrementAndGet();
        }
        ProgressBar b = bar;
        if (b != null) {
            b.stepTo(done);
            message();
        }
    }

    @Override
    public void finishing() {
        finishing = true;
        message();
    }

    private void message() {
        ProgressBar b = bar;
        if (b == null) {
            return;
        }
        String current = finishing ? "committing the index…" : running.peekFirst();
        int f = failed.get();
        b.setExtraMessage(" " + (current == null ? "" : current) + (f == 0 ? "" : " · " + f + " failed"));
    }

    /** Draws the final state and moves to a new line. */
    @Override
    public void close() {
        ProgressBar b = bar;
        if (b != null) {
            running.clear();
            finishing = false;
            message();
            b.close();
        }
    }

    /**
     * Time left at the rate of this run so far: elapsed × remaining / processed; empty before the first processed
     * interview (no rate yet).
     */
    static Optional<Duration> eta(ProgressState state) {
        return eta(state.getCurrent() - state.getStart(), state.getElapsedAfterStart(), state.getMax() - state.getCurrent());
    }

    static Optional<Duration> eta(long processed, Duration elapsed, long remaining) {
        if (processed <= 0 || remaining < 0) {
            return Optional.empty();
        }
        return Optional.of(elapsed.multipliedBy(remaining).dividedBy(processed));
    }

    /** Redraws the bar over itself: carriage return, the line cut to the width, erase to the end of the line. */
    private final class Consumer implements ProgressBarConsumer {
        @Override
        public int getMaxRenderedLength() {
            return Math.max(20, columns.getAsInt() - 1);
        }

        @Override
        public void accept(String rendered) {
            synchronized (err) {
                err.print("\r" + rendered + "\u001b[K");
                err.flush();
            }
        }

        @Override
        public void close() {
            synchronized (err) {
                err.println();
                err.flush();
            }
        }
    }
}
