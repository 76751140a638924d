package io.capdex.caption;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

/** QC and repair of a 10,000-cue track (about 8 hours of interview captions), messy and already clean. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QcRepairBench {
    private static final String[] WORDS = ("the patient said that her treatment was going well and the doctor "
            + "explained how leukemia affects blood cells, so we talked about chemotherapy. really? yes").split(" ");

    private Track messy;
    private Track clean;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        List<Cue> cues = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < 10_000; i++) {
            StringBuilder text = new StringBuilder();
            int words = 4 + random.nextInt(14);
            for (int w = 0; w < words; w++) {
                text.append(w == 0 ? "" : random.nextInt(20) == 0 ? "  " : " ")
                        .append(WORDS[random.nextInt(WORDS.length)]);
            }
            long duration = random.nextInt(10) == 0 ? 0 : 1000 + random.nextInt(4000);
            long start = Math.max(0, t - (random.nextInt(5) == 0 ? 300 : 0)); // every 5th overlaps a little
            cues.add(Cue.of(start, start + duration, text.toString()));
            t = start + Math.max(duration, 500);
        }
        messy = Track.of(Format.SRT, cues).withLanguage("en");
        clean = Repair.repair(messy, RepairOptions.defaults()).track();
    }

    @Benchmark
    public List<ParseProblem> checkNetflix() {
        return Qc.check(messy, QcProfile.NETFLIX, 25);
    }

    @Benchmark
    public RepairResult repairMessy() {
        return Repair.repair(messy, RepairOptions.defaults());
    }

    @Benchmark
    public RepairResult repairClean() {
        return Repair.repair(clean, RepairOptions.defaults());
    }
}
