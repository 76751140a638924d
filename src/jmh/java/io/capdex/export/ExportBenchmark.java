package io.capdex.export;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Track;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Exporting (stamp + write) and verifying a 10,000-cue track (about 5.5 hours of interview) per text format.
 * Run: {@code mvn -o -Pbench package -DskipTests && java -jar target/benchmarks.jar ExportBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExportBenchmark {
    @Param({"srt", "vtt", "sbv", "ttml", "txt", "html", "docx", "json"})
    public String format;

    private Track track;
    private Exporter exporter;
    private Verifier verifier;
    private ExportFormat exportFormat;
    private byte[] exported;
    private Path name;

    @Setup
    public void setUp() {
        List<Cue> cues = new ArrayList<>(10_000);
        for (int i = 0; i < 10_000; i++) {
            long start = i * 2_000L;
            cues.add(Cue.of(start, start + 1_800, "so the question is how the treatment number " + i
                    + "\nchanged over the last ten years").withSpeaker(i % 7 == 0 ? "Dr Hakobyan" : "Ann"));
        }
        track = Track.of(Format.SRT, cues).withLanguage("en");
        WarningTexts texts = WarningTexts.shipped();
        exporter = new Exporter(texts, ExportOptions.defaults());
        verifier = new Verifier(texts);
        exportFormat = ExportFormat.fromId(format).orElseThrow();
        exported = exporter.export(track, exportFormat).content();
        name = Path.of("bench." + exportFormat.extension());
    }

    @Benchmark
    public Exported export() {
        return exporter.export(track, exportFormat, "Benchmark interview");
    }

    @Benchmark
    public VerifyResult verify() {
        return verifier.verify(name, exported);
    }
}
