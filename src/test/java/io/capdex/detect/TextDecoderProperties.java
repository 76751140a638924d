package io.capdex.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TextDecoderProperties {

    /** Any text written in a Unicode encoding with its BOM reads back exactly, in that encoding. */
    @Property(tries = 500)
    void readsBackEveryUnicodeEncodingWithBom(@ForAll("text") String text,
                                              @ForAll("unicode") String charsetName) {
        // FF FE 00 00 is the UTF-32LE BOM: a UTF-16LE file starting with U+0000 is ambiguous by design
        Assume.that(!text.startsWith("\0"));
        Charset charset = Charset.forName(charsetName);
        byte[] bom = "\uFEFF".getBytes(charset);
        byte[] body = text.getBytes(charset);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);
        DecodedText d = TextDecoder.decode(bytes);
        assertEquals(text, d.text());
        assertEquals(charset, d.charset());
        assertTrue(d.bom());
        assertFalse(d.replacedInvalid());
    }

    /** Valid UTF-8 without a BOM or NULs is read as UTF-8, unchanged. */
    @Property(tries = 500)
    void readsValidUtf8AsUtf8(@ForAll("text") String text) {
        Assume.that(!text.startsWith("\uFEFF") && text.indexOf('\0') < 0);
        DecodedText d = TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(text, d.text());
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertFalse(d.replacedInvalid());
    }

    /** Arbitrary bytes never make the decoder throw, and what it reports is consistent. */
    @Property(tries = 1000)
    void neverThrowsOnBytes(@ForAll byte[] bytes) {
        DecodedText d = TextDecoder.decode(bytes);
        if (d.replacedInvalid()) {
            assertTrue(d.text().indexOf('\uFFFD') >= 0);
            assertTrue(d.firstInvalidLine() >= 1);
        }
    }

    @Provide
    Arbitrary<String> text() {
        // every BMP character except the surrogates, which alone are not text
        return Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFF')
                .ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> unicode() {
        return Arbitraries.of("UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE");
    }
}
