package io.capdex.caption.vtt;

import io.capdex.caption.Format;
import io.capdex.caption.ParseResult;
import io.capdex.caption.Track;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
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
 * Reads and writes a generated 10,000-cue WebVTT file: {@code plain} (two lines per cue, ids, some italics and
 * voices, settings on some cues) or {@code words} (YouTube auto-caption layout with an inline timestamp per word).
 * The byte size is printed at setup, so MB/s = size / time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VttBench {
    private static final String[] WORDS = {"the", "doctor", "said", "your", "inhaler", "should", "be", "used",
        "twice", "a", "day", "and", "please", "rinse", "mouth", "after", "each", "dose", "asthma", "control"};

    @Param({"plain", "words"})
    public String kind = "plain";

    private final VttReader reader = new VttReader();
    private final VttWriter writer = new VttWriter();
    private String text = "";
    private Track track = Track.of(Format.VTT, List.of());

    @Setup
    public void setUp() {
        StringBuilder sb = new StringBuilder(1 << 21).append("WEBVTT\n\n");
        Random random = new Random(42);
        long t = 0;
        for (int i = 1; i <= 10_000; i++) {
            long start = t + random.nextInt(500);
            long end = start + 1000 + random.nextInt(4000);
            t = end;
            if (kind.equals("plain")) {
                sb.append("cue-").append(i).append('\n');
            }
            sb.append(VttTime.format(start)).append(" --> ").append(VttTime.format(end));
            if (kind.equals("words")) {
                sb.append(" align:start position:0%");
            } else if (random.nextInt(5) == 0) {
                sb.append(" line:0 align:left");
            }
            sb.append('\n');
            long step = (end - start) / 20;
            int index = 0;
            for (int line = 0; line < 2; line++) {
                int words = 5 + random.nextInt(4);
                if (kind.equals("words")) {
                    for (int w = 0; w < words; w++) {
                        index++;
                        if (w > 0) {
                            sb.append('<').append(VttTime.format(start + step * index)).append("><c> ");
                        }
                        sb.append(WORDS[random.nextInt(WORDS.length)]);
                        if (w > 0) {
                            sb.append("</c>");
                        }
                    }
                } else {
                    boolean italic = random.nextInt(10) == 0;
                    sb.append(line == 0 && random.nextInt(4) == 0 ? "<v Dr. Ruiz>" : "").append(italic ? "<i>" : "");
                    for (int w = 0; w < words; w++) {
                        sb.append(w > 0 ? " " : "").append(WORDS[random.nextInt(WORDS.length)]);
                    }
                    sb.append(random.nextInt(50) == 0 ? " &amp; more" : "").append(italic ? "</i>" : ",");
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        text = sb.toString();
        ParseResult r = reader.read(text);
        if (!r.isClean() || r.track().cues().size() != 10_000) {
            throw new IllegalStateException("benchmark input is not clean: " + r.problems());
        }
        track = r.track();
        System.out.println("\nVTT (" + kind + ") bytes per op: " + text.getBytes(StandardCharsets.UTF_8).length);
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
