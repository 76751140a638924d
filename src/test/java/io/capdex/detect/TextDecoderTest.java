package io.capdex.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextDecoderTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static byte[] bytes(String name) {
        try (InputStream in = TextDecoderTest.class.getResourceAsStream("/encodings/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String expected(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static String lf(String text) {
        return text.replace("\r\n", "\n");
    }

    @Test
    void decodesWindows1252CurlyQuotesDashesAndAccents() {
        DecodedText d = TextDecoder.decode(bytes("es-windows-1252.srt"));
        assertEquals(WINDOWS_1252, d.charset());
        assertEquals(expected("es.txt"), lf(d.text()));
        assertTrue(d.text().contains("“No se preocupe” —dijo la señora Núñez—…"));
        assertFalse(d.bom());
        assertFalse(d.replacedInvalid());
    }

    @Test
    void readsWhatTheDetectorsCallIso88591AsWindows1252() {
        // Tika's detectors report this windows-1252 file as ISO-8859-1
        DecodedText d = TextDecoder.decode(bytes("en-windows-1252.srt"));
        assertEquals(WINDOWS_1252, d.charset());
        assertEquals(expected("en.txt"), d.text());
        assertTrue(d.text().contains("It’s naïve — isn’t it?"));
    }

    @Test
    void readsIso88591AsWindows1252WithTheSameText() {
        DecodedText d = TextDecoder.decode(bytes("fr-es-iso-8859-1.srt"));
        assertEquals(WINDOWS_1252, d.charset());
        assertEquals(expected("fr.txt"), lf(d.text()));
    }

    @Test
    void asksTheDetectorsForOtherLegacyCharsets() {
        DecodedText d = TextDecoder.decode(bytes("ru-windows-1251.srt"));
        assertEquals(Charset.forName("windows-1251"), d.charset());
        assertEquals(expected("ru.txt"), d.text());
    }

    @ParameterizedTest
    @CsvSource({
        "es-utf-8-bom.srt, UTF-8",
        "es-utf-16le-bom.srt, UTF-16LE",
        "es-utf-16be-bom.srt, UTF-16BE",
        "es-utf-32le-bom.srt, UTF-32LE",
        "es-utf-32be-bom.srt, UTF-32BE"})
    void stripsByteOrderMarkAndUsesItsEncoding(String file, String charset) {
        DecodedText d = TextDecoder.decode(bytes(file));
        assertEquals(Charset.forName(charset), d.charset());
        assertTrue(d.bom());
        assertEquals(expected("es.txt"), d.text());
        assertFalse(d.replacedInvalid());
    }

    @ParameterizedTest
    @CsvSource({
        "es-utf-16le.srt, UTF-16LE",
        "es-utf-16be.srt, UTF-16BE",
        "es-utf-32le.srt, UTF-32LE"})
    void recognisesUtf16And32WithoutBomByTheirNuls(String file, String charset) {
        DecodedText d = TextDecoder.decode(bytes(file));
        assertEquals(Charset.forName(charset), d.charset());
        assertFalse(d.bom());
        assertEquals(expected("es.txt"), d.text());
    }

    @Test
    void decodesUtf8WithoutBom() {
        DecodedText d = TextDecoder.decode(bytes("es-utf-8.srt"));
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertFalse(d.bom());
        assertEquals(expected("es.txt"), d.text());
    }

    @Test
    void decodesArmenianUtf8() {
        DecodedText d = TextDecoder.decode(bytes("hy-utf-8.srt"));
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertEquals(expected("hy.txt"), d.text());
        assertTrue(d.text().contains("«Բժիշկ Հակոբյան:»"));
    }

    @Test
    void readsPureAsciiAsUtf8() {
        DecodedText d = TextDecoder.decode(bytes("ascii.srt"));
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertEquals(new String(bytes("ascii.srt"), StandardCharsets.US_ASCII), d.text());
    }

    @Test
    void readsOneBadByteInUtf8TextAsUtf8WithReplacementAndItsLine() {
        DecodedText d = TextDecoder.decode(bytes("es-utf-8-one-bad-byte.srt"));
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertTrue(d.replacedInvalid());
        assertEquals(1, d.invalidCount());
        assertEquals(12, d.firstInvalidLine());
        assertEquals(expected("es.txt").replace("señora", "se\uFFFDora"), d.text());
    }

    @Test
    void readsAStrayLegacyByteInAsciiTextAsWindows1252() {
        // no valid multi-byte UTF-8 around the bad byte: it is a legacy file, and 0x92 is an apostrophe
        byte[] b = "1\n00:00:01,000 --> 00:00:02,000\nIt\u0092s fine.\n".getBytes(StandardCharsets.ISO_8859_1);
        DecodedText d = TextDecoder.decode(b);
        assertEquals(WINDOWS_1252, d.charset());
        assertTrue(d.text().contains("It’s fine."));
        assertFalse(d.replacedInvalid());
    }

    @Test
    void overrideWins() {
        DecodedText d = TextDecoder.decode(bytes("es-utf-8.srt"), WINDOWS_1252);
        assertEquals(WINDOWS_1252, d.charset());
        assertTrue(d.text().contains("seÃ±ora"), d.text());
        DecodedText latin = TextDecoder.decode(bytes("es-windows-1252.srt"), StandardCharsets.ISO_8859_1);
        assertEquals(StandardCharsets.ISO_8859_1, latin.charset());
        assertTrue(latin.text().contains("\u0093No se preocupe\u0094"));
    }

    @Test
    void overrideOfTheSameUnicodeFamilyStillStripsTheBom() {
        DecodedText d = TextDecoder.decode(bytes("es-utf-16le-bom.srt"), StandardCharsets.UTF_16);
        assertEquals(StandardCharsets.UTF_16LE, d.charset());
        assertTrue(d.bom());
        assertEquals(expected("es.txt"), d.text());
    }

    @Test
    void replacesInvalidBytesOfAForcedCharsetAndCountsThem() {
        byte[] b = "a\nb\n\u00e9\u00e9".getBytes(StandardCharsets.ISO_8859_1); // é é: invalid when forced to UTF-8
        DecodedText d = TextDecoder.decode(b, StandardCharsets.UTF_8);
        assertEquals("a\nb\n\uFFFD\uFFFD", d.text());
        assertEquals(2, d.invalidCount());
        assertEquals(3, d.firstInvalidLine());
    }

    @Test
    void replacesAnUnpairedSurrogateInUtf16() {
        byte[] b = {(byte) 0xFF, (byte) 0xFE, 'a', 0, '\n', 0, 0x00, (byte) 0xD8, 'b', 0};
        DecodedText d = TextDecoder.decode(b);
        assertEquals(StandardCharsets.UTF_16LE, d.charset());
        assertEquals("a\n\uFFFDb", d.text());
        assertEquals(2, d.firstInvalidLine());
    }

    @Test
    void decodesEmptyInputAsEmptyUtf8() {
        DecodedText d = TextDecoder.decode(new byte[0]);
        assertEquals("", d.text());
        assertEquals(StandardCharsets.UTF_8, d.charset());
    }

    @Test
    void keepsSparseNulsInUtf8TextForTheReaders() {
        byte[] b = "1\n00:00:01,000 --> 00:00:02,000\nHi\0there\n".getBytes(StandardCharsets.UTF_8);
        DecodedText d = TextDecoder.decode(b);
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertEquals("1\n00:00:01,000 --> 00:00:02,000\nHi\0there\n", d.text());
    }

    @Test
    void nulPatternIgnoresBinaryAndPlainText() {
        byte[] zeros = new byte[1000];
        assertNull(TextDecoder.wideUnicodeByNuls(zeros, zeros.length));
        byte[] ascii = bytes("ascii.srt");
        assertNull(TextDecoder.wideUnicodeByNuls(ascii, ascii.length));
        byte[] utf16 = bytes("es-utf-16be.srt");
        assertEquals(StandardCharsets.UTF_16BE, TextDecoder.wideUnicodeByNuls(utf16, utf16.length));
    }

    @Test
    void countsLinesAcrossLfCrlfAndCr() {
        assertEquals(1, TextDecoder.lineAt("abc", 2));
        assertEquals(4, TextDecoder.lineAt("a\nb\r\nc\rd", 7));
    }

    @Test
    void keepsUtf8FilesByteForByte() {
        byte[] b = bytes("hy-utf-8.srt");
        assertArrayEquals(b, TextDecoder.decode(b).text().getBytes(StandardCharsets.UTF_8));
    }
}
