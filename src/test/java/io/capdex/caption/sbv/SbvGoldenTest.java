package io.capdex.caption.sbv;

import io.capdex.caption.GoldenFiles;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class SbvGoldenTest {
    @TestFactory
    Stream<DynamicTest> readingThenWritingGivesCanonicalSbv() {
        return GoldenFiles.cases("sbv", List.of("sbv"), "sbv",
                text -> new SbvWriter().write(new SbvReader().read(text).track()));
    }
}
