package io.capdex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever mix of marked-ASCII text, ASCII bytes, other text and single characters goes in, out come the UTF-8 bytes
 * of all of it in order: blocks of ASCII are copied, others encoded, and a surrogate pair split between appends or
 * blocks is encoded whole.
 */
class Utf8OutputProperties {
    /**
     * One append: 'a' appendAscii(CharSequence), 'b' appendAscii(byte[], from, to), 't' append(CharSequence),
     * 'r' append(text, start, end), 'c' append(char).
     */
    record Op(char kind, String text) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<String> ascii = Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(40),
                Arbitraries.integers().between(20_000, 70_000).map(n -> "x".repeat(n)));
        Arbitrary<String> any = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("é", "日本", "\uD83D\uDE00", "\uD83D", "\uDE00", "a\uD83D"),
                Arbitraries.integers().between(60_000, 70_000).map(n -> "y".repeat(n) + "\uD83D\uDE00"));
        Arbitrary<Op> op = Arbitraries.oneOf(
                ascii.map(s -> new Op('a', s)),
                ascii.map(s -> new Op('b', s)),
                any.map(s -> new Op('t', s)),
                any.map(s -> new Op('r', s)),
                Arbitraries.of("é", "z", "\uD83D", "\uDE00").map(s -> new Op('c', s)));
        return op.list().ofMaxSize(12);
    }

    @Property(tries = 200)
    void writesTheUtf8OfEverythingInOrder(@ForAll("ops") List<Op> ops) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Output out = new Utf8Output(bytes);
        StringBuilder all = new StringBuilder();
        for (Op op : ops) {
            switch (op.kind()) {
                case 'a' -> out.appendAscii(op.text());
                case 'b' -> {
                    byte[] framed = ("<" + op.text() + ">").getBytes(StandardCharsets.US_ASCII);
                    out.appendAscii(framed, 1, framed.length - 1);
                }
                case 't' -> out.append(op.text());
                case 'r' -> out.append("<" + op.text() + ">", 1, op.text().length() + 1);
                default -> out.append(op.text().charAt(0));
            }
            all.append(op.text());
        }
        out.flush();
        assertArrayEquals(all.toString().getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
    }
}
