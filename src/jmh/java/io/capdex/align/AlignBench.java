package io.capdex.align;

import io.capdex.caption.Track;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Alignment of a three-hour interview: a 27,000-word transcript against its AI captions (about 12 % word errors),
 * the whole {@link Aligner#align} (words, exact WER, misheard terms, timing, segmentation) and the exact word
 * alignment alone, in a JVM capped at 256 MB of heap. {@code main} prints a quick single-run figure with the
 * peak heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m", "-Xms256m"})
public class AlignBench {
    @Param({"27000"})
    public int words;

    private Track captions;
    private TranscriptText transcript;
    private List<String> reference;
    private List<String> hypothesis;

    @Setup
    public void setUp() {
        SyntheticInterview s = SyntheticInterview.generate(words, 42, "en", 0.12);
        captions = s.captions();
        transcript = TranscriptText.parse(s.transcript());
        reference = transcript.words();
        hypothesis = WordNormalizer.words(String.join(" ",
                captions.cues().stream().map(c -> c.text()).toList()));
    }

    @Benchmark
    public AlignResult alignInterview() {
        return Aligner.align(captions, transcript, AlignOptions.defaults());
    }

    @Benchmark
    public WordAlignment wordAlignment() {
        return WordAligner.align(reference, hypothesis);
    }

    /** {@code java -Xmx256m -cp target/benchmarks.jar io.capdex.align.AlignBench [words]}: best of 10 runs. */
    public static void main(String[] args) {
        AlignBench b = new AlignBench();
        b.words = args.length > 0 ? Integer.parseInt(args[0]) : 27_000;
        b.setUp();
        for (int i = 0; i < 5; i++) {
            b.alignInterview(); // warm-up: let the JIT compile the hot loops
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long best = Long.MAX_VALUE;
        AlignResult last = null;
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            last = b.alignInterview();
            best = Math.min(best, System.nanoTime() - t0);
        }
        long bestWords = Long.MAX_VALUE;
        WordAlignment al = null;
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            al = b.wordAlignment();
            bestWords = Math.min(bestWords, System.nanoTime() - t0);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "words=%d captions=%d wer=%.4f cues=%d%n", b.reference.size(),
                b.hypothesis.size(), last.report().wer(), last.aligned().cues().size());
        System.out.printf(Locale.ROOT, "align (whole) best %.1f ms; word alignment best %.1f ms (%s)%n",
                best / 1e6, bestWords / 1e6, al);
        System.out.printf(Locale.ROOT, "peak heap used %.1f MB of max %.1f MB%n", peak / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
    }
}
