package io.capdex.media;

import java.nio.file.Path;
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
 * Decode speed (divide the file's length by the score for × realtime), probe and thumbnail times on a real
 * interview-sized file, with a small heap to show PCM is streamed. Make a 10-minute test file with Debian's
 * ffmpeg (authoring only) and pass it as {@code -p file=...}:
 *
 * <pre>
 * ffmpeg -f lavfi -i testsrc2=size=320x180:rate=25 -f lavfi -i sine=frequency=440:sample_rate=48000 -ac 2 \
 *   -t 600 -c:v libx264 -preset ultrafast -b:v 150k -c:a aac -b:a 128k -movflags +faststart /tmp/base.mp4
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx48m")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class AudioDecodeBenchmark {
    @Param("/tmp/base.mp4")
    public String file;

    private Path path;

    @Setup
    public void setUp() {
        path = Path.of(file);
        FfmpegNatives.init();
    }

    /** Seconds to stream the whole audio track as 16 kHz mono PCM. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long decode() throws MediaException {
        long[] sum = new long[1];
        AudioDecoder.decode(path, (samples, count) -> sum[0] += samples[count - 1]);
        return sum[0];
    }

    /** Milliseconds to open the file and read its facts. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public MediaInfo probe() throws MediaException {
        return MediaProbe.probe(path);
    }

    /** Milliseconds for ten 320 px stills spread over the first nine minutes. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Thumbnail> tenThumbnails() throws MediaException {
        return Thumbnails.capture(path, List.of(0L, 60_000L, 120_000L, 180_000L, 240_000L, 300_000L, 360_000L,
                420_000L, 480_000L, 540_000L), 320);
    }
}
