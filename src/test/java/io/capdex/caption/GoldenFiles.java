package io.capdex.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Golden-file cases in {@code src/test/resources/golden/<feature>/}: each {@code <case>.<in>} rendered must equal
 * {@code <case>.expected.<out>}; {@code -Dgolden.update=true} rewrites the expected files instead (review the diff).
 */
public final class GoldenFiles {
    private static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private GoldenFiles() {
    }

    public static Stream<DynamicTest> cases(String feature, List<String> inputExtensions, String outputExtension,
                                            Function<String, String> render) {
        Path dir = ROOT.resolve(feature);
        boolean update = Boolean.getBoolean("golden.update");
        List<Path> inputs;
        try (Stream<Path> files = Files.list(dir)) {
            inputs = files.filter(p -> {
                String name = p.getFileName().toString();
                return !name.contains(".expected.") && inputExtensions.stream().anyMatch(e -> name.endsWith("." + e));
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(inputs.isEmpty(), "no golden cases in " + dir);
        return inputs.stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
            String name = input.getFileName().toString();
            String caseName = name.substring(0, name.lastIndexOf('.'));
            Path expected = dir.resolve(caseName + ".expected." + outputExtension);
            String actual = render.apply(Files.readString(input, StandardCharsets.UTF_8));
            if (update) {
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
                return;
            }
            assertTrue(Files.exists(expected), () -> expected + " is missing; run with -Dgolden.update=true");
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, name);
        }));
    }
}
