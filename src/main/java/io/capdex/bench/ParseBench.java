package io.capdex.bench;

import io.capdex.caption.formats.CaptionFormats;
import io.capdex.caption.CaptionReader;
import io.capdex.caption.CaptionWriter;
import io.capdex.caption.Format;
import io.capdex.caption.ParseResult;
import io.capdex.caption.Track;
import io.capdex.caption.srt.SrtReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code capdex bench parse}: read and write throughput of every caption format on a generated interview-like
 * track (200,000 cues for SRT, the size of the whole-process target), one thread, after warm-up.
 */
public final class ParseBench {
    private final int cues;
    private final int runs;

    public ParseBench(int cues, int runs) {
        this.cues = cues;
        this.runs = runs;
    }

    public BenchReport run() {
        Track track = Workloads.interview(cues, 42);
        List<Metric> metrics = new ArrayList<>();
        for (Format f : new Format[] {Format.SRT, Format.VTT, Format.SBV, Format.TTML}) {
            measure(f, track, metrics);
        }
        return new BenchReport("parse", metrics, BenchReport.currentEnvironment());
    }

    private void measure(Format format, Track track, List<Metric> metrics) {
        CaptionWriter writer = CaptionFormats.writer(format);
        // SRT reads a large whole file on two threads when it has two cores; the figure is for one
        CaptionReader reader = format == Format.SRT ? SrtReader.oneThread() : CaptionFormats.reader(format);
        String text = writer.write(track);
        double mb = text.getBytes(StandardCharsets.UTF_8).length / 1e6;
        // warm-up: let the JIT compile the hot paths before timing
        for (int i = 0; i < 3; i++) {
            sink(reader.read(text));
            sink(writer.write(track).length());
        }
        long bestRead = Long.MAX_VALUE;
        long bestWrite = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            ParseResult r = reader.read(text);
            long t1 = System.nanoTime();
            sink(r);
            if (r.track().cues().size() != track.cues().size()) {
                throw new IllegalStateException(format.id() + " read " + r.track().cues().size() + " of "
                        + track.cues().size() + " cues");
            }
            long t2 = System.nanoTime();
            sink(writer.write(track).length());
            long t3 = System.nanoTime();
            bestRead = Math.min(bestRead, t1 - t0);
            bestWrite = Math.min(bestWrite, t3 - t2);
        }
        String f = format.id();
        metrics.add(new Metric(f + ".size", Math.round(mb * 1000) / 1000.0, "MB"));
        metrics.add(new Metric(f + ".read", round(mb / (bestRead / 1e9)), "MB/s"));
        metrics.add(new Metric(f + ".read.cues", Math.round(track.cues().size() / (bestRead / 1e9)), "cues/s"));
        metrics.add(new Metric(f + ".write", round(mb / (bestWrite / 1e9)), "MB/s"));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static volatile Object blackhole;

    private static void sink(Object o) {
        blackhole = o;
    }
}
