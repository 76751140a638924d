package io.capdex.detect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.tika.detect.CompositeEncodingDetector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.txt.Icu4jEncodingDetector;
import org.apache.tika.parser.txt.UniversalEncodingDetector;
import org.jspecify.annotations.Nullable;

/**
 * Turns a text file's bytes into text: byte order mark first, then the UTF-16/32 NUL pattern, then strict UTF-8,
 * and only then Tika's statistical detectors. Stateless and thread-safe.
 *
 * <p>The order, and why:
 * <ol>
 *   <li>An override (the user's {@code --encoding}) wins. A BOM of the same Unicode family is still stripped.
 *   <li>A BOM (UTF-32 before UTF-16, since {@code FF FE 00 00} starts both) is definitive.
 *   <li>UTF-16 and UTF-32 without a BOM are recognised by where their NUL bytes fall: ASCII text in UTF-16 is
 *       also valid UTF-8, and Tika's universal detector calls it ISO-8859-1.
 *   <li>Valid UTF-8 (pure ASCII included) is UTF-8, checked by a strict validator without Tika, so an 18 MB
 *       file costs a few tens of milliseconds.
 *   <li>Bytes that are not valid UTF-8 are still UTF-8 when valid multi-byte sequences outnumber the invalid
 *       ones: that is a UTF-8 file with some corruption (a stray windows-1252 byte pasted in), and reading it
 *       as windows-1252 would garble every other accented letter. Otherwise the file is in a legacy charset
 *       and Tika's detectors (juniversalchardet, then ICU) pick it from the first {@value #DETECTION_PREFIX_BYTES}
 *       bytes; ISO-8859-1 becomes windows-1252, because the detectors report windows-1252 files as ISO-8859-1
 *       and ISO-8859-1 would turn {@code “ ” — …} (0x80–0x9F) into control characters.
 * </ol>
 * Invalid sequences become U+FFFD and are counted, never thrown.
 */
public final class TextDecoder {
    /** How many leading bytes the statistical detectors and the NUL-pattern check look at. */
    public static final int DETECTION_PREFIX_BYTES = 64 * 1024;

    /** What a legacy file is read as when no detector has an opinion: the commonest Western caption charset. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    /** Tika's detectors, made on first use: UTF-8 files (most) never need them, and loading them costs start-up. */
    private static final class Detectors {
        // juniversalchardet first: it tells windows-1252 from ISO-8859-1 and knows the common legacy sets; ICU
        // answers when it has no opinion (it returns null on input it cannot rank).
        static final EncodingDetector DETECTOR = new CompositeEncodingDetector(
                List.of(new UniversalEncodingDetector(), new Icu4jEncodingDetector()));
    }

    private TextDecoder() {
    }

    /** Decodes with detection; see the class comment for the order of the checks. */
    public static DecodedText decode(byte[] bytes) {
        return decode(bytes, null);
    }

    /**
     * Decodes {@code bytes}, with {@code override} if given, else with the detected charset. Never throws on
     * content: invalid sequences become U+FFFD and are reported in the result.
     */
    public static DecodedText decode(byte[] bytes, @Nullable Charset override) {
        Bom bom = Bom.of(bytes);
        if (override != null) {
            if (bom != null && bom.sameFamilyAs(override)) {
                return decode(bytes, bom.length(), bom.charset(), true);
            }
            return decode(bytes, 0, override, false);
        }
        if (bom != null) {
            return decode(bytes, bom.length(), bom.charset(), true);
        }
        Charset wide = wideUnicodeByNuls(bytes, Math.min(bytes.length, DETECTION_PREFIX_BYTES));
        if (wide != null) {
            return decode(bytes, 0, wide, false);
        }
        return utf8OrLegacy(bytes);
    }

    private static DecodedText decode(byte[] bytes, int offset, Charset charset, boolean bom) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            DecodedText valid = validUtf8(bytes, offset, bom);
            if (valid != null) {
                return valid;
            }
        }
        return decodeReplacing(bytes, offset, charset, bom);
    }

    /**
     * The fast path: a strict scan (eight ASCII bytes at a time), then the JDK's own decoder with its ASCII
     * intrinsics and compact strings. Null when the bytes are not valid UTF-8. (Decoding first and looking for
     * U+FFFD costs the same for valid files and a wasted decode for legacy ones: measured, not guessed.)
     */
    private static @Nullable DecodedText validUtf8(byte[] bytes, int offset, boolean bom) {
        int firstHigh = Utf8Scan.firstNonAscii(bytes, offset, bytes.length);
        if (firstHigh == bytes.length) {
            // Pure ASCII (most captions in English): the bytes are the string's own Latin-1 bytes, copied as they
            // are; the UTF-8 constructor would scan all of them once more for high bytes.
            return new DecodedText(new String(bytes, offset, bytes.length - offset, StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8, bom);
        }
        if (Utf8Scan.firstInvalid(bytes, firstHigh, bytes.length) >= 0) {
            return null;
        }
        return new DecodedText(new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8),
                StandardCharsets.UTF_8, bom);
    }

    /** Valid UTF-8 as UTF-8; mostly valid UTF-8 as UTF-8 with replacement; else what the detectors say. */
    private static DecodedText utf8OrLegacy(byte[] bytes) {
        DecodedText valid = validUtf8(bytes, 0, false);
        if (valid != null) {
            return valid;
        }
        Utf8Scan.Census census = Utf8Scan.census(bytes, 0, bytes.length);
        if (census.validMultiByte() > census.invalid()) {
            return decodeReplacing(bytes, 0, StandardCharsets.UTF_8, false);
        }
        Charset detected = detectLegacy(bytes);
        if (detected == null || detected.equals(StandardCharsets.ISO_8859_1)
                || detected.equals(StandardCharsets.US_ASCII)) {
            detected = WINDOWS_1252;
        }
        return decode(bytes, 0, detected, false);
    }

    private static @Nullable Charset detectLegacy(byte[] bytes) {
        int n = Math.min(bytes.length, DETECTION_PREFIX_BYTES);
        try {
            return Detectors.DETECTOR.detect(new ByteArrayInputStream(bytes, 0, n), new Metadata());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayInputStream does not fail
        } catch (RuntimeException e) {
            return null; // a detector tripping over odd bytes must not stop a batch: fall back to windows-1252
        }
    }

    /**
     * UTF-32 or UTF-16 (either byte order) when the NUL bytes of the first {@code length} bytes fall where those
     * encodings put them for mostly-ASCII text such as caption timing lines, else null. Binary data has NULs at
     * both parities and is not matched.
     */
    static @Nullable Charset wideUnicodeByNuls(byte[] b, int length) {
        if (length < 4) {
            return null;
        }
        int units = length / 4;
        if (utf32(b, units, 3, 2, 0, 1)) {
            return UTF_32LE;
        }
        if (utf32(b, units, 0, 1, 3, 2)) {
            return UTF_32BE;
        }
        int pairs = length / 2;
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            if (b[i] == 0) {
                zeroEven++;
            }
            if (b[i + 1] == 0) {
                zeroOdd++;
            }
        }
        // at least 30 % of the high bytes are NUL (timing lines, spaces and digits are ASCII in any language)
        // and NULs in the low bytes are rare (U+0000 itself, or code points like U+0100 and U+4E00)
        if (zeroOdd * 10 >= pairs * 3 && zeroEven * 20 <= zeroOdd) {
            return StandardCharsets.UTF_16LE;
        }
        if (zeroEven * 10 >= pairs * 3 && zeroOdd * 20 <= zeroEven) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Every unit has a NUL at {@code zero} and a plane number (≤ 0x10) at {@code plane}; few units are U+0000. */
    private static boolean utf32(byte[] b, int units, int zero, int plane, int low, int mid) {
        int nulChars = 0;
        for (int u = 0; u < units; u++) {
            int i = u * 4;
            if (b[i + zero] != 0 || (b[i + plane] & 0xFF) > 0x10) {
                return false;
            }
            if (b[i + low] == 0 && b[i + mid] == 0 && b[i + plane] == 0) {
                nulChars++;
            }
        }
        return nulChars * 10 <= units;
    }

    /** Decodes with the JDK's decoder in REPORT mode, putting one U+FFFD per malformed or unmappable sequence. */
    private static DecodedText decodeReplacing(byte[] bytes, int offset, Charset charset, boolean bom) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(
                (int) Math.min(Integer.MAX_VALUE - 16, (long) (in.remaining() * (double) decoder.averageCharsPerByte()) + 16));
        // the JDK's UTF-16/32 decoders report an unpaired surrogate together with the unit after it; skip only
        // the bad unit so that the next character survives
        int unit = charset.name().startsWith("UTF-16") ? 2 : charset.name().startsWith("UTF-32") ? 4 : Integer.MAX_VALUE;
        int invalid = 0;
        int firstInvalidAt = -1;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                result = decoder.flush(out);
                if (result.isUnderflow()) {
                    break;
                }
            }
            if (result.isOverflow()) {
                out = grow(out);
            } else if (result.isError()) {
                if (invalid++ == 0) {
                    firstInvalidAt = out.position();
                }
                if (!out.hasRemaining()) {
                    out = grow(out);
                }
                out.put('\uFFFD');
                in.position(in.position() + Math.min(result.length(), unit));
            }
        }
        out.flip();
        String text = out.toString();
        int line = invalid == 0 ? 0 : lineAt(text, firstInvalidAt);
        return new DecodedText(text, charset, bom, invalid > 0, invalid, line);
    }

    private static CharBuffer grow(CharBuffer out) {
        int capacity = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(16L, out.capacity() * 2L));
        if (capacity <= out.capacity()) {
            throw new OutOfMemoryError("decoded text does not fit in a Java string");
        }
        CharBuffer bigger = CharBuffer.allocate(capacity);
        out.flip();
        bigger.put(out);
        return bigger;
    }

    /** The 1-based line of the character at {@code index}, counting LF, CRLF and lone CR as line breaks. */
    static int lineAt(CharSequence text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    /** A byte order mark and what it says. */
    private record Bom(Charset charset, int length) {
        static @Nullable Bom of(byte[] b) {
            if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
                return new Bom(UTF_32BE, 4);
            }
            if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
                return new Bom(UTF_32LE, 4);
            }
            if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
                return new Bom(StandardCharsets.UTF_8, 3);
            }
            if (startsWith(b, 0xFE, 0xFF)) {
                return new Bom(StandardCharsets.UTF_16BE, 2);
            }
            if (startsWith(b, 0xFF, 0xFE)) {
                return new Bom(StandardCharsets.UTF_16LE, 2);
            }
            return null;
        }

        /** True when the override names this BOM's encoding, with or without a byte order. */
        boolean sameFamilyAs(Charset override) {
            String name = override.name();
            String mine = charset.name();
            return name.equals(mine) || (mine.startsWith("UTF-16") && name.equals("UTF-16"))
                    || (mine.startsWith("UTF-32") && name.equals("UTF-32"));
        }

        private static boolean startsWith(byte[] b, int... prefix) {
            if (b.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if ((b[i] & 0xFF) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
