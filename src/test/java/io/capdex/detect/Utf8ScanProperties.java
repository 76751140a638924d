package io.capdex.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class Utf8ScanProperties {

    /** The validator agrees with the JDK's strict decoder on bytes that are often, but not always, UTF-8. */
    @Property(tries = 3000)
    void findsTheSameFirstBadByteAsTheJdkStrictDecoder(@ForAll("nearlyUtf8") byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, CharBuffer.allocate(bytes.length + 1), true);
        int jdkFirstBad = result.isError() ? in.position() : -1;
        assertEquals(jdkFirstBad, Utf8Scan.firstInvalid(bytes, 0, bytes.length));
    }

    @Property(tries = 1000)
    void firstNonAsciiIsTheFirstHighByte(@ForAll("nearlyUtf8") byte[] bytes) {
        int expected = 0;
        while (expected < bytes.length && bytes[expected] >= 0) {
            expected++;
        }
        assertEquals(expected, Utf8Scan.firstNonAscii(bytes, 0, bytes.length));
    }

    /**
     * Valid UTF-8, ASCII or not, decodes to what the JDK's decoder makes of it (leaving out a leading BOM and NUL
     * bytes, which make the decoder strip the BOM or consider UTF-16).
     */
    @Property(tries = 1000)
    void validBytesDecodeAsTheJdkDecodesThem(@ForAll("nearlyUtf8") byte[] bytes) {
        boolean nul = false;
        for (byte b : bytes) {
            nul |= b == 0;
        }
        boolean bom = bytes.length > 0 && bytes[0] == (byte) 0xEF;
        if (Utf8Scan.firstInvalid(bytes, 0, bytes.length) < 0 && !bom && !nul) {
            DecodedText d = TextDecoder.decode(bytes);
            assertEquals(new String(bytes, StandardCharsets.UTF_8), d.text());
            assertEquals(StandardCharsets.UTF_8, d.charset());
        }
    }

    /**
     * Lenient decoding replaces something exactly when the census finds invalid sequences. (The counts may differ
     * by one at the very end: the JDK calls a truncated final sequence one malformed run.)
     */
    @Property(tries = 1000)
    void censusFindsInvalidBytesExactlyWhenDecodingReplaces(@ForAll("nearlyUtf8") byte[] bytes) {
        DecodedText d = TextDecoder.decode(bytes, StandardCharsets.UTF_8);
        assertEquals(Utf8Scan.census(bytes, 0, bytes.length).invalid() > 0, d.replacedInvalid());
    }

    @Provide
    Arbitrary<byte[]> nearlyUtf8() {
        Arbitrary<byte[]> validChar = Arbitraries.strings().ofMinLength(1).ofMaxLength(1)
                .withCharRange('\u0000', '\uFFFF').filter(s -> !Character.isSurrogate(s.charAt(0)))
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> supplementary = Arbitraries.integers().between(0x10000, 0x10FFFF)
                .map(cp -> new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> edgeBytes = Arbitraries.of((byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1,
                (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xA0, (byte) 0x9F, (byte) 0xED, (byte) 0xEF,
                (byte) 0xF0, (byte) 0x90, (byte) 0x8F, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF)
                .map(b -> new byte[] {b});
        Arbitrary<byte[]> anyByte = Arbitraries.bytes().map(b -> new byte[] {b});
        // long ASCII runs take the scanner's eight-bytes-at-a-time path
        Arbitrary<byte[]> asciiRun = Arbitraries.strings().ascii().ofMinLength(7).ofMaxLength(25)
                .map(s -> s.getBytes(StandardCharsets.US_ASCII));
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, validChar), net.jqwik.api.Tuple.of(2, supplementary),
                net.jqwik.api.Tuple.of(2, edgeBytes), net.jqwik.api.Tuple.of(1, anyByte),
                net.jqwik.api.Tuple.of(3, asciiRun));
        return piece.list().ofMaxSize(16).map(parts -> {
            int n = parts.stream().mapToInt(p -> p.length).sum();
            byte[] out = new byte[n];
            int i = 0;
            for (byte[] p : parts) {
                System.arraycopy(p, 0, out, i, p.length);
                i += p.length;
            }
            return out;
        });
    }
}
