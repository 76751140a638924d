package io.capdex.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.capdex.caption.Cue;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AssTextProperties {
    @Property
    void dialogueParsesBackToTheSameLines(@ForAll("lines") List<String> lines, @ForAll boolean top) {
        Cue cue = Cue.of(0, 1_000, String.join("\n", lines));
        if (top) {
            cue = cue.withSettings(java.util.Map.of("line", "0"));
        }
        AssText.Parsed parsed = AssText.parse(AssText.dialogue(1, cue), true);
        assertEquals(lines, parsed.lines());
        assertEquals(top, parsed.top());
    }

    @Provide
    Arbitrary<List<String>> lines() {
        // Caption lines: any text without line breaks or the invisible word joiner, the first one non-empty.
        Arbitrary<String> line = Arbitraries.strings().withChars("ab ,:'%{}\\nNhé¿?")
                .withCharRange('\u0020', '\u007e').ofMinLength(1).ofMaxLength(30);
        return line.list().ofMinSize(1).ofMaxSize(3);
    }
}
