package io.capdex.caption.json;

import io.capdex.caption.CaptionReader;
import io.capdex.caption.GoldenFiles;
import io.capdex.caption.ParseResult;
import io.capdex.caption.sbv.SbvReader;
import io.capdex.caption.ttml.TtmlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class JsonGoldenTest {
    private static String view(CaptionReader reader, String text) {
        ParseResult r = reader.read(text);
        StringBuilder sb = new StringBuilder();
        try {
            new JsonWriter().write(r.track(), r.problems(), sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    @TestFactory
    Stream<DynamicTest> sbvFilesGiveTheirJsonView() {
        return GoldenFiles.cases("json", List.of("sbv"), "json", text -> view(new SbvReader(), text));
    }

    @TestFactory
    Stream<DynamicTest> ttmlFilesGiveTheirJsonView() {
        return GoldenFiles.cases("json", List.of("ttml"), "json", text -> view(new TtmlReader(), text));
    }
}
