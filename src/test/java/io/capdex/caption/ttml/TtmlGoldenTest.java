package io.capdex.caption.ttml;

import io.capdex.caption.GoldenFiles;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class TtmlGoldenTest {
    @TestFactory
    Stream<DynamicTest> readingThenWritingGivesCanonicalTtml() {
        return GoldenFiles.cases("ttml", List.of("ttml", "dfxp"), "ttml",
                text -> new TtmlWriter().write(new TtmlReader().read(text).track()));
    }
}
