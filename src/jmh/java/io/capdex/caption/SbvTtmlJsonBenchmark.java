package io.capdex.caption;

import io.capdex.caption.json.JsonReader;
import io.capdex.caption.json.JsonWriter;
import io.capdex.caption.sbv.SbvReader;
import io.capdex.caption.sbv.SbvWriter;
import io.capdex.caption.ttml.TtmlReader;
import io.capdex.caption.ttml.TtmlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** Reading and writing a 10,000-cue track (about 5.5 hours of interview) in SBV, TTML and the JSON view. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SbvTtmlJsonBenchmark {
    private Track track;
    private String sbv;
    private String ttml;
    private String json;

    @Setup
    public void setUp() {
        List<Cue> cues = new ArrayList<>(10_000);
        for (int i = 0; i < 10_000; i++) {
            long start = i * 2_000L;
            List<Line> lines = List.of(Line.plain("so the question is how the treatment number " + i),
                    new Line(List.of(Run.plain("changed over the "),
                            new Run("last ten years", Style.PLAIN.withItalic(true)))));
            cues.add(new Cue(new TimeSpan(start, start + 1_800), null, lines, null, List.of(),
                    i % 50 == 0 ? Map.of("line", "0") : Map.of()));
        }
        track = Track.of(Format.TTML, cues).withLanguage("en");
        sbv = new SbvWriter().write(track);
        ttml = new TtmlWriter().write(track);
        json = new JsonWriter().write(track);
    }

    @Benchmark
    public ParseResult readSbv() {
        return new SbvReader().read(sbv);
    }

    @Benchmark
    public String writeSbv() {
        return new SbvWriter().write(track);
    }

    @Benchmark
    public ParseResult readTtml() {
        return new TtmlReader().read(ttml);
    }

    @Benchmark
    public String writeTtml() {
        return new TtmlWriter().write(track);
    }

    @Benchmark
    public ParseResult readJson() {
        return new JsonReader().read(json);
    }

    @Benchmark
    public String writeJson() {
        return new JsonWriter().write(track);
    }
}
