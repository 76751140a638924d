package io.capdex.detect;

import java.nio.charset.Charset;
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
 * Decoding an 18 MB SRT (about 18 hours of captions) in each path of {@link TextDecoder}: valid UTF-8 (the
 * fast path, no Tika), windows-1252 (census, Tika on the prefix, JDK decoder) and UTF-16LE with a BOM.
 * Run: {@code mvn -o -q -Pbench compile}, then {@code java -cp target/classes:CLASSPATH org.openjdk.jmh.Main TextDecoder}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class TextDecoderBenchmark {
    private byte[] utf8;
    private byte[] windows1252;
    private byte[] utf16;

    @Setup
    public void makeFiles() {
        StringBuilder sb = new StringBuilder(19_000_000);
        String[] texts = {
            "—Doctor, ¿qué significa “leucemia”? Es un cáncer de la sangre.",
            "The treatment starts tomorrow; we will be with your child.",
            "El niño recibirá quimioterapia mañana… “No se preocupe”."};
        for (int i = 0; sb.length() < 18_000_000; i++) {
            long start = i * 2000L;
            sb.append(i + 1).append('\n')
                    .append(time(start)).append(" --> ").append(time(start + 1800)).append('\n')
                    .append(texts[i % texts.length]).append('\n').append('\n');
        }
        String text = sb.toString();
        utf8 = text.getBytes(StandardCharsets.UTF_8);
        windows1252 = text.getBytes(Charset.forName("windows-1252"));
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        utf16 = new byte[body.length + 2];
        utf16[0] = (byte) 0xFF;
        utf16[1] = (byte) 0xFE;
        System.arraycopy(body, 0, utf16, 2, body.length);
    }

    private static String time(long ms) {
        return String.format("%02d:%02d:%02d,%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }

    @Benchmark
    public DecodedText utf8() {
        return TextDecoder.decode(utf8);
    }

    @Benchmark
    public DecodedText windows1252() {
        return TextDecoder.decode(windows1252);
    }

    @Benchmark
    public DecodedText utf16WithBom() {
        return TextDecoder.decode(utf16);
    }
}
