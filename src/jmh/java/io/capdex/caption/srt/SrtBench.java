package io.capdex.caption.srt;

import io.capdex.caption.ParseResult;
import io.capdex.caption.Track;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads and writes a generated 10,000-cue SRT file (about 0.9 MB, typical ASR captions: two lines per cue, some
 * italics, an occasional entity). Throughput in MB/s is the file size divided by the time per operation; the size
 * is printed at setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SrtBench {
    private static final String[] WORDS = {"the", "doctor", "said", "your", "inhaler", "should", "be", "used",
        "twice", "a", "day", "and", "please", "rinse", "mouth", "after", "each", "dose", "asthma", "control"};

    private final SrtReader reader = new SrtReader();
    private final SrtWriter writer = new SrtWriter();
    private String text = "";
    private Track track = Track.of(io.capdex.caption.Format.SRT, java.util.List.of());

    @Setup
    public void setUp() {
        StringBuilder sb = new StringBuilder(1 << 20);
        java.util.Random random = new java.util.Random(42);
        long t = 0;
        for (int i = 1; i <= 10_000; i++) {
            long start = t + random.nextInt(500);
            long end = start + 1000 + random.nextInt(4000);
            t = end;
            sb.append(i).append('\n').append(SrtTime.format(start)).append(" --> ").append(SrtTime.format(end))
                    .append('\n');
            for (int line = 0; line < 2; line++) {
                boolean italic = random.nextInt(10) == 0;
                if (italic) {
                    sb.append("<i>");
                }
                int words = 5 + random.nextInt(4);
                for (int w = 0; w < words; w++) {
                    if (w > 0) {
                        sb.append(' ');
                    }
                    sb.append(WORDS[random.nextInt(WORDS.length)]);
                }
                if (random.nextInt(50) == 0) {
                    sb.append(" &amp; more");
                }
                sb.append(italic ? "</i>\n" : ",\n");
            }
            sb.append('\n');
        }
        text = sb.toString();
        ParseResult r = reader.read(text);
        if (!r.isClean() || r.track().cues().size() != 10_000) {
            throw new IllegalStateException("benchmark input is not clean: " + r.problems());
        }
        track = r.track();
        System.out.println("\nSRT bytes per op: " + text.getBytes(StandardCharsets.UTF_8).length);
    }

    /**
     * Throughput per CPU second rather than per wall second, for shared machines where JMH's wall-clock score
     * mostly measures the other processes: {@code java -cp <bench classpath> io.capdex.caption.srt.SrtBench}.
     */
    public static void main(String[] args) {
        SrtBench bench = new SrtBench();
        bench.setUp();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double megabytes = bench.text.getBytes(StandardCharsets.UTF_8).length / 1e6;
        int ops = 200;
        for (int round = 1; round <= 8; round++) {
            long c0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < ops; i++) {
                bench.read();
            }
            long c1 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < ops; i++) {
                bench.write();
            }
            long c2 = threads.getCurrentThreadCpuTime();
            // The first rounds warm the JIT up; the last ones are the figures to quote.
            System.out.printf("round %d: read %.0f MB/s, write %.0f MB/s (per CPU second)%n", round,
                    megabytes * ops / ((c1 - c0) / 1e9), megabytes * ops / ((c2 - c1) / 1e9));
        }
    }

    @Benchmark
    public ParseResult read() {
        return reader.read(text);
    }

    @Benchmark
    public String write() {
        return writer.write(track);
    }
}
