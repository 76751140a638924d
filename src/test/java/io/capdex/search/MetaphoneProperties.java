package io.capdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.codec.language.DoubleMetaphone;

/** {@link Metaphone} against Commons Codec's DoubleMetaphone, the behaviour the index was built with. */
class MetaphoneProperties {

    /** Letter groups that the rules look for, so random strings reach every branch, not just the plain letters. */
    private static final List<String> RULE_PIECES = List.of(
            "SCH", "GH", "CH", "TH", "WR", "PS", "KN", "GN", "PN", "CZ", "WICZ", "WITZ", "VAN ", "VON ", "SAN ",
            "JOSE", "CAESAR", "CHIA", "ACH", "BACHER", "MACHER", "CHAE", "HARAC", "HARIS", "HOR", "HYM", "HIA", "HEM",
            "CHORE", "ORCHES", "ARCHIT", "ORCHID", "UCCEE", "UCCES", "CIA", "CIO", "CIE", "CC", "CK", "CG", "CQ",
            "DANGER", "RANGER", "MANGER", "RGY", "OGY", "AGGI", "OGGI", "IER", "GLI", "GN", "GEY", "GY", "GER", "GET",
            "ILLO", "ILLA", "ALLE", "LL", "UMB", "UMBER", "MM", "ISL", "YSL", "SUGAR", "SH", "HEIM", "HOEK", "HOLM",
            "HOLZ", "SIO", "SIA", "SIAN", "SM", "SZ", "SC", "SCHER", "SCHEN", "SCHOO", "SCHUY", "SCHED", "SCHEM",
            "TION", "TIA", "TCH", "TTH", "THOM", "THAM", "EWSKI", "EWSKY", "OWSKI", "OWSKY", "IAU", "EAU", "AU",
            "OU", "ZO", "ZI", "ZA", "ZH", "ZZ", "MC", "AI", "OI", "MEIER", "MAIER", "IE", " C", " Q", " G", "DG",
            "DGE", "DT", "DD", "PH", "PB", "PP", "BB", "FF", "KK", "NN", "QQ", "RR", "VV", "XX", "XC", "JJ", "JA",
            "JO", "UGH", "OUGH", "AUGH", "IGH", "BUGH", "HUGH", "DOUGH", "WH", "ES", "EP", "EB", "EL", "EY", "IB",
            "IL", "IN", "EI", "ER", "HU", "CE", "CI", "CY");

    /** Chars outside A-Z: accents the rules name, digits, punctuation, white space and control chars the library
     * trims, other scripts, chars whose upper case is longer (ß, ligatures, Armenian և), and surrogates. */
    private static final List<String> OTHER_CHARS = List.of(
            "\u00C7", "\u00E7", "\u00D1", "\u00F1", "0", "1", "7", "9", "'", "\u2019", " ", " ", "-", ".", "\t", "\n",
            "\u0000", "\u001F", "\u00A0", "\u0561", "\u0562", "\u0587", "\u0531", "\u0436", "\u0416", "\u03B1",
            "\u0390", "\u4E2D", "\u00DF", "\u0149", "\u01F0", "\uFB01", "\uFB00", "\uFB13", "\u1E96", "\u1F80",
            "\u0131", "\u0130", "\u00FF", "\u00B5", "\u017F", "\u01C5", "\u00E9", "\u00C9", "\u00FC", "\u00E0",
            "\uD83D\uDE00", "\uD801\uDC28", "\uD801", "\uDC28", "\uFFFF");

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** Weighted toward the letters with the most rules, and the vowels they look at. */
    private static final String TRICKY = "CGHJLRSTWXZAEIOUYCGHSTW";

    /** Mixed strings of rule pieces, letters in both cases and other chars: the primary code equals the library's. */
    @Property(tries = 20_000)
    void primaryCodeEqualsCommonsCodec(@ForAll("mixed") String s, @ForAll @IntRange(min = 1, max = 12) int maxLength) {
        assertEquals(oracle(s, maxLength), new Metaphone(maxLength).encode(s), () -> describe(s, maxLength));
    }

    /** The index's own case: lowercase ASCII letters, as the folded tokens and joined shingles are. */
    @Property(tries = 20_000)
    void lowercaseShinglesEqualCommonsCodec(@ForAll("lowercase") String s) {
        assertEquals(oracle(s, Analysis.MAX_CODE_LENGTH), new Metaphone(Analysis.MAX_CODE_LENGTH).encode(s),
                () -> describe(s, Analysis.MAX_CODE_LENGTH));
    }

    /** Any string at all, including unpaired surrogates and every Unicode block. */
    @Property(tries = 10_000)
    void anyStringEqualsCommonsCodec(@ForAll("unicode") String s, @ForAll @IntRange(min = 1, max = 10) int maxLength) {
        assertEquals(oracle(s, maxLength), new Metaphone(maxLength).encode(s), () -> describe(s, maxLength));
    }

    /** One encoder reused for many strings of different lengths gives what a fresh one gives: no state leaks. */
    @Property(tries = 2_000)
    void reusedEncoderForgetsEarlierInput(@ForAll("batches") List<String> batch) {
        Metaphone reused = new Metaphone(4);
        for (String s : batch) {
            assertEquals(oracle(s, 4), reused.encode(s), () -> describe(s, 4));
        }
    }

    @Provide
    Arbitrary<String> mixed() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(RULE_PIECES)),
                Tuple.of(1, Arbitraries.of(RULE_PIECES).map(MetaphoneProperties::lower)),
                Tuple.of(4, Arbitraries.of(chars(LETTERS))),
                Tuple.of(4, Arbitraries.of(chars(TRICKY))),
                Tuple.of(2, Arbitraries.of(chars(TRICKY)).map(MetaphoneProperties::lower)),
                Tuple.of(2, Arbitraries.of(OTHER_CHARS)));
        return piece.list().ofMaxSize(12).map(p -> cut(String.join("", p), 30));
    }

    @Provide
    Arbitrary<String> lowercase() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(RULE_PIECES).map(MetaphoneProperties::lower)),
                Tuple.of(5, Arbitraries.of(chars(LETTERS)).map(MetaphoneProperties::lower)),
                Tuple.of(3, Arbitraries.of(chars(TRICKY)).map(MetaphoneProperties::lower)),
                Tuple.of(1, Arbitraries.of("0", "1", "'", "\u0561", "\u0587")));
        return piece.list().ofMaxSize(10).map(p -> cut(String.join("", p), 18));
    }

    @Provide
    Arbitrary<String> unicode() {
        return Arbitraries.strings().all().ofMaxLength(30);
    }

    @Provide
    Arbitrary<List<String>> batches() {
        return mixed().list().ofMinSize(2).ofMaxSize(8);
    }

    static @org.jspecify.annotations.Nullable String oracle(@org.jspecify.annotations.Nullable String s, int maxLength) {
        DoubleMetaphone dm = new DoubleMetaphone();
        dm.setMaxCodeLen(maxLength);
        return dm.doubleMetaphone(s);
    }

    private static String describe(String s, int maxLength) {
        StringBuilder b = new StringBuilder("max ").append(maxLength).append(", \"").append(s).append("\" =");
        s.chars().forEach(c -> b.append(String.format(" %04X", c)));
        return b.toString();
    }

    private static List<String> chars(String s) {
        List<String> out = new ArrayList<>();
        for (char c : s.toCharArray()) {
            out.add(String.valueOf(c));
        }
        return out;
    }

    private static String lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    private static String cut(String s, int maxChars) {
        return s.length() <= maxChars ? s : s.substring(0, maxChars);
    }
}
