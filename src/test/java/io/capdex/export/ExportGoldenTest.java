package io.capdex.export;

import io.capdex.caption.GoldenFiles;
import io.capdex.caption.Track;
import io.capdex.caption.json.JsonReader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each {@code golden/export/<case>.json} track exported in every text format but DOCX and JSON must equal
 * {@code <case>.expected.<ext>}; {@code -Dgolden.update=true} rewrites them.
 */
class ExportGoldenTest {
    private static final Exporter EXPORTER = new Exporter(WarningTexts.shipped(), ExportOptions.defaults());

    private static Stream<DynamicTest> cases(ExportFormat format) {
        return GoldenFiles.cases("export", List.of("json"), format.extension(), json -> {
            Track track = new JsonReader().read(json).track();
            return EXPORTER.export(track, format, "Joining the register").text();
        });
    }

    @TestFactory
    Stream<DynamicTest> srt() {
        return cases(ExportFormat.SRT);
    }

    @TestFactory
    Stream<DynamicTest> vtt() {
        return cases(ExportFormat.VTT);
    }

    @TestFactory
    Stream<DynamicTest> sbv() {
        return cases(ExportFormat.SBV);
    }

    @TestFactory
    Stream<DynamicTest> ttml() {
        return cases(ExportFormat.TTML);
    }

    @TestFactory
    Stream<DynamicTest> txt() {
        return cases(ExportFormat.TXT);
    }

    @TestFactory
    Stream<DynamicTest> html() {
        return cases(ExportFormat.HTML);
    }
}
