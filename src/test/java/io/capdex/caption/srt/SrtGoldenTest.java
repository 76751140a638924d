package io.capdex.caption.srt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.ParseResult;
import io.capdex.caption.ProblemCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: for every {@code <case>.srt} in {@code golden/srt}, {@code <case>.expected.srt} holds
 * {@code write(read(input))}. Run with {@code -Dgolden.update=true} to rewrite the expected files, then review the
 * diff like code.
 */
class SrtGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/golden/srt");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> writeOfReadMatchesExpectedFile() throws IOException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(DIR)) {
            inputs = files.filter(p -> p.toString().endsWith(".srt") && !p.toString().endsWith(".expected.srt"))
                    .sorted().toList();
        }
        assertFalse(inputs.isEmpty(), "no golden inputs in " + DIR.toAbsolutePath());
        return inputs.stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
            String name = input.getFileName().toString();
            Path expectedFile = input.resolveSibling(name.substring(0, name.length() - 4) + ".expected.srt");
            String actual = new SrtWriter().write(new SrtReader().read(Files.readString(input)).track());
            if (UPDATE) {
                Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            }
            assertTrue(Files.exists(expectedFile), "missing " + expectedFile + "; run with -Dgolden.update=true");
            assertEquals(Files.readString(expectedFile), actual);
            // The expected file is canonical: reading it finds nothing but what the cues themselves hold (a zero
            // duration, text that looks like an unknown tag), and writing it again changes nothing.
            ParseResult again = new SrtReader().read(actual);
            assertTrue(again.problems().stream().allMatch(p -> p.code().equals(ProblemCode.ZERO_DURATION.id())
                    || p.code().equals(ProblemCode.UNKNOWN_TAG.id())), again.problems()::toString);
            assertEquals(actual, new SrtWriter().write(again.track()));
        }));
    }
}
