package io.capdex.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.lucene.analysis.Analyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Nanoseconds per DoubleMetaphone primary code (max length 8) of the joined shingles the index encodes, made from the
 * sample captions' tokens with the index's limits: Commons Codec against {@link Metaphone}. Run from the repository
 * root (it reads samples/*.srt).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MetaphoneBench {
    /** Shingles per operation; the score is per shingle. */
    private static final int SHINGLES = 4096;

    private final String[] shingles = new String[SHINGLES];
    private final DoubleMetaphone library = new DoubleMetaphone();
    private final Metaphone ours = new Metaphone(Analysis.MAX_CODE_LENGTH);

    @Setup
    public void setUp() throws IOException {
        library.setMaxCodeLen(Analysis.MAX_CODE_LENGTH);
        List<String> tokens = new ArrayList<>();
        try (Analyzer exact = Analysis.exact(); Stream<Path> files = Files.list(Path.of("samples"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".srt")).sorted().toList()) {
                Analysis.tokens(exact, Files.readString(p, StandardCharsets.UTF_8)).forEach(t -> tokens.add(t.term()));
            }
        }
        List<String> all = new ArrayList<>();
        for (int from = 0; from < tokens.size(); from++) {
            // the same joins and limits as Analysis.Phonetics.shingleCodes
            if (tokens.get(from).length() > Analysis.MAX_FRAGMENT_CHARS) {
                continue;
            }
            StringBuilder joined = new StringBuilder(tokens.get(from));
            for (int k = 2; k <= Analysis.MAX_SHINGLE && from + k - 1 < tokens.size(); k++) {
                String next = tokens.get(from + k - 1);
                joined.append(next);
                if (joined.length() > Analysis.MAX_SHINGLE_CHARS || next.length() > Analysis.MAX_FRAGMENT_CHARS) {
                    break;
                }
                if (joined.length() >= Analysis.MIN_SHINGLE_CHARS) {
                    all.add(joined.toString());
                }
            }
        }
        for (int i = 0; i < SHINGLES; i++) {
            shingles[i] = all.get(i % all.size());
            String a = library.doubleMetaphone(shingles[i]);
            if (!a.equals(ours.encode(shingles[i]))) {
                throw new IllegalStateException("codes differ for " + shingles[i]);
            }
        }
        System.out.println("\nshingles from the samples: " + all.size());
    }

    /**
     * Nanoseconds per code per CPU second rather than per wall second, for shared machines where JMH's wall-clock
     * score mostly measures the other processes: {@code java -cp <bench classpath> io.capdex.search.MetaphoneBench}.
     */
    public static void main(String[] args) throws IOException {
        MetaphoneBench bench = new MetaphoneBench();
        bench.setUp();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int passes = 500;
        long sink = 0;
        for (int round = 1; round <= 10; round++) {
            long c0 = threads.getCurrentThreadCpuTime();
            for (int p = 0; p < passes; p++) {
                for (String s : bench.shingles) {
                    sink += bench.library.doubleMetaphone(s).length();
                }
            }
            long c1 = threads.getCurrentThreadCpuTime();
            for (int p = 0; p < passes; p++) {
                for (String s : bench.shingles) {
                    sink += bench.ours.encode(s).length();
                }
            }
            long c2 = threads.getCurrentThreadCpuTime();
            // The first rounds warm the JIT up; the last ones are the figures to quote.
            double codes = (double) passes * SHINGLES;
            System.out.printf("round %d: commons-codec %.0f ns, Metaphone %.0f ns per code (CPU time)%n", round,
                    (c1 - c0) / codes, (c2 - c1) / codes);
        }
        System.out.println("(code chars: " + sink + ")");
    }

    @Benchmark
    @OperationsPerInvocation(SHINGLES)
    public void commonsCodec(Blackhole bh) {
        for (String s : shingles) {
            bh.consume(library.doubleMetaphone(s));
        }
    }

    @Benchmark
    @OperationsPerInvocation(SHINGLES)
    public void metaphone(Blackhole bh) {
        for (String s : shingles) {
            bh.consume(ours.encode(s));
        }
    }
}
