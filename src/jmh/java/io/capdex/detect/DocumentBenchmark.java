package io.capdex.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Warm document reading (one call of {@link DocumentText#read} per test document and per sample) and language
 * detection on a 30,000-character transcript, English and mixed English/Spanish. Run from the repository root:
 * {@code mvn -o -q -Pbench compile}, then
 * {@code java -cp "target/classes:target/lib/*:JMH_JARS" org.openjdk.jmh.Main DocumentBenchmark}.
 * Cold start (Tika's configuration, the 23 MB language model) is {@link ColdStart}, one shot per fresh JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class DocumentBenchmark {
    @Param({"src/test/resources/documents/transcript.docx", "src/test/resources/documents/transcript.pdf",
            "src/test/resources/documents/transcript.odt", "src/test/resources/documents/transcript.html",
            "samples/cart-therapy.transcript.docx", "samples/all-remission.transcript.txt", "samples/all-remission.html"})
    public String document;

    @Benchmark
    public DocumentResult read() throws IOException {
        return DocumentText.read(Path.of(document));
    }

    /** Language detection on 30,000 characters of transcript. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public static class Language {
        private String english30k;
        private String mixed30k;

        @Setup
        public void texts() throws IOException {
            String en = Files.readString(Path.of("samples/all-remission.transcript.txt"));
            String es = TranscriptSource.read(Path.of("samples/cart-therapy.transcript.docx"));
            english30k = repeat(en, 30_000);
            mixed30k = repeat(en + "\n\n" + es, 30_000);
        }

        private static String repeat(String text, int chars) {
            StringBuilder sb = new StringBuilder(chars);
            while (sb.length() < chars) {
                sb.append(text).append("\n\n");
            }
            return sb.substring(0, chars);
        }

        @Benchmark
        public Object detectEnglish30k() {
            return LanguageDetector.detect(english30k);
        }

        @Benchmark
        public Object detectMixed30k() {
            return LanguageDetector.detect(mixed30k);
        }
    }

    /** The first call in a fresh JVM: class loading, Tika's configuration, and the language model. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 5, jvmArgs = "-Xmx1g")
    public static class ColdStart {
        @Benchmark
        public DocumentResult firstDocx() throws IOException {
            return DocumentText.read(Path.of("samples/cart-therapy.transcript.docx"));
        }

        @Benchmark
        public Object firstLanguageGuess() {
            return LanguageDetector.detect("Remission means we can no longer see leukaemia cells in the blood.");
        }
    }
}
