package io.capdex.search;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The primary Double Metaphone code of a string, exactly as Apache Commons Codec's {@code DoubleMetaphone} with the
 * same maximum code length returns it, but without allocating anything per call except the result.
 *
 * <p>Double Metaphone is Lawrence Philips' phonetic algorithm ("The Double Metaphone Search Algorithm", C/C++ Users
 * Journal, June 2000). The rules below follow the structure of Commons Codec's implementation (Apache-2.0, see
 * NOTICE), which is the behaviour the index was built with, quirks included; {@code MetaphoneProperties} and
 * {@code MetaphoneTest} compare the two. The library call cut a substring for each of the dozens of
 * region tests per word and copied the input twice; on the shingles of a large ingest that was a fifth of all CPU.
 * Only the primary code is computed: the alternate code never changes the primary one, and the library stops as
 * soon as both are full, which for the primary code is the same as stopping when it is full.
 *
 * <p>Not thread-safe: an instance reuses its buffers, so use one per thread.
 */
final class Metaphone {
    /** Per BMP char: 0 not yet known, 1 upper-cases to one char as {@link Character#toUpperCase(char)}, 2 other. */
    private static final byte[] CASING = new byte[Character.MAX_VALUE + 1];

    private static final byte UNKNOWN = 0;
    private static final byte SIMPLE = 1;
    private static final byte SPECIAL = 2;
    private static final String[] G_AFTER_INITIAL = {"ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER"};
    private static final String[] SCH_SOUNDS_SK = {"OO", "ER", "EN", "UY", "ED", "EM"};

    private final int maxCodeLength;
    private final char[] code;
    private char[] buf = new char[32];
    /** Length of the upper-cased, trimmed input in {@link #buf}. */
    private int n;
    private int codeLength;
    private boolean slavoGermanic;
    /** The input starts with "VAN " or "VON " or "SCH": Germanic spellings where CH, G and TH stay hard. */
    private boolean germanicStart;

    /** An encoder producing codes of at most {@code maxCodeLength} chars (the library's default is 4). */
    Metaphone(int maxCodeLength) {
        if (maxCodeLength < 1) {
            throw new IllegalArgumentException("maxCodeLength must be at least 1: " + maxCodeLength);
        }
        this.maxCodeLength = maxCodeLength;
        this.code = new char[maxCodeLength];
    }

    /**
     * The primary code of {@code value}: null when it is null or only white space or control chars (what
     * {@link String#trim()} removes), "" when nothing in it is encoded (digits, other scripts).
     */
    @Nullable String encode(@Nullable CharSequence value) {
        if (value == null) {
            return null;
        }
        int from = 0;
        int to = value.length();
        while (from < to && value.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && value.charAt(to - 1) <= ' ') {
            to--;
        }
        if (from == to) {
            return null;
        }
        if (!loadUpperCase(value, from, to)) {
            // A char whose upper case is not one char (ß -> SS, ligatures, Armenian և) or a surrogate: the
            // library's own String.toUpperCase, so positions and lengths are the same as its.
            load(value.subSequence(from, to).toString().toUpperCase(Locale.ENGLISH));
        }
        return run();
    }

    /** Upper-cases value[from, to) into the buffer char by char; false if some char needs String's rules. */
    private boolean loadUpperCase(CharSequence value, int from, int to) {
        int len = to - from;
        ensureCapacity(len);
        char[] b = buf;
        for (int i = 0; i < len; i++) {
            char c = value.charAt(from + i);
            if (c < 0x80) {
                b[i] = c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
            } else if (casing(c) == SIMPLE) {
                b[i] = Character.toUpperCase(c);
            } else {
                return false;
            }
        }
        n = len;
        return true;
    }

    private void load(String upper) {
        ensureCapacity(upper.length());
        upper.getChars(0, upper.length(), buf, 0);
        n = upper.length();
    }

    private void ensureCapacity(int len) {
        if (buf.length < len) {
            buf = new char[Math.max(len, buf.length * 2)];
        }
    }

    /**
     * Whether String.toUpperCase(Locale.ENGLISH) maps c alone to Character.toUpperCase(c). Java upper-cases without
     * context outside Turkish, Azeri and Lithuanian, so what holds for c alone holds for c in any string. Learned
     * once per char and JVM; concurrent writers store the same value, so the race is benign.
     */
    private static byte casing(char c) {
        byte k = CASING[c];
        if (k == UNKNOWN) {
            if (Character.isSurrogate(c)) {
                k = SPECIAL;
            } else {
                String u = String.valueOf(c).toUpperCase(Locale.ENGLISH);
                k = u.length() == 1 && u.charAt(0) == Character.toUpperCase(c) ? SIMPLE : SPECIAL;
            }
            CASING[c] = k;
        }
        return k;
    }

    private String run() {
        codeLength = 0;
        slavoGermanic = false;
        for (int i = 0; i < n; i++) {
            char c = buf[i];
            if (c == 'W' || c == 'K' || c == 'C' && i + 1 < n && buf[i + 1] == 'Z') {
                slavoGermanic = true; // the library also looks for "WITZ", which has a W
                break;
            }
        }
        germanicStart = at(0, "VAN ") || at(0, "VON ") || at(0, "SCH");
        int i = silentStart() ? 1 : 0;
        while (codeLength < maxCodeLength && i < n) {
            char c = buf[i];
            switch (c) {
                case 'A', 'E', 'I', 'O', 'U', 'Y' -> {
                    if (i == 0) {
                        add('A');
                    }
                    i++;
                }
                case 'B' -> i = single('P', i, 'B');
                case '\u00C7' -> {
                    add('S');
                    i++;
                }
                case 'C' -> i = c(i);
                case 'D' -> i = d(i);
                case 'F' -> i = single('F', i, 'F');
                case 'G' -> i = g(i);
                case 'H' -> i = h(i);
                case 'J' -> i = j(i);
                case 'K' -> i = single('K', i, 'K');
                case 'L' -> i = single('L', i, 'L'); // "-ILLO", "-ALLE" only drop L from the alternate code
                case 'M' -> {
                    add('M');
                    i += mTakesNext(i) ? 2 : 1;
                }
                case 'N' -> i = single('N', i, 'N');
                case '\u00D1' -> {
                    add('N');
                    i++;
                }
                case 'P' -> i = p(i);
                case 'Q' -> i = single('K', i, 'Q');
                case 'R' -> i = r(i);
                case 'S' -> i = s(i);
                case 'T' -> i = t(i);
                case 'V' -> i = single('F', i, 'V');
                case 'W' -> i = w(i);
                case 'X' -> i = x(i);
                case 'Z' -> i = z(i);
                default -> i++;
            }
        }
        return codeLength == 0 ? "" : new String(code, 0, codeLength);
    }

    /** GN, KN, PN, WR, PS at the start: the first letter is silent. */
    private boolean silentStart() {
        if (n < 2) {
            return false;
        }
        char a = buf[0];
        char b = buf[1];
        return b == 'N' && (a == 'G' || a == 'K' || a == 'P') || a == 'W' && b == 'R' || a == 'P' && b == 'S';
    }

    private void add(char c) {
        if (codeLength < maxCodeLength) {
            code[codeLength++] = c;
        }
    }

    private void add(char c1, char c2) {
        add(c1);
        add(c2);
    }

    /** A letter with one sound that a doubled letter does not repeat. */
    private int single(char sound, int i, char doubled) {
        add(sound);
        return charAt(i + 1) == doubled ? i + 2 : i + 1;
    }

    /** The char at i, or 0 outside the input (0 is none of the letters the rules look for). */
    private char charAt(int i) {
        return i >= 0 && i < n ? buf[i] : 0;
    }

    /** Whether the input holds {@code s} at {@code start}; false when it would reach outside the input. */
    private boolean at(int start, String s) {
        int len = s.length();
        if (start < 0 || start + len > n) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (buf[start + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private boolean at(int start, String a, String b) {
        return at(start, a) || at(start, b);
    }

    private boolean at(int start, String a, String b, String c) {
        return at(start, a) || at(start, b) || at(start, c);
    }

    private boolean at(int start, String a, String b, String c, String d) {
        return at(start, a) || at(start, b) || at(start, c) || at(start, d);
    }

    private boolean atAny(int start, String[] options) {
        for (String s : options) {
            if (at(start, s)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the char at i is one of {@code chars} (never for i outside the input). */
    private boolean oneOf(int i, String chars) {
        if (i < 0 || i >= n) {
            return false;
        }
        char c = buf[i];
        for (int k = 0; k < chars.length(); k++) { // a loop over a constant C2 unrolls; indexOf's call did not pay
            if (chars.charAt(k) == c) {
                return true;
            }
        }
        return false;
    }

    private static boolean vowel(char c) {
        return switch (c) {
            case 'A', 'E', 'I', 'O', 'U', 'Y' -> true;
            default -> false;
        };
    }

    private int c(int i) {
        if (cSoundsK(i)) {
            add('K');
            return i + 2;
        }
        if (i == 0 && at(i, "CAESAR")) {
            add('S');
            return i + 2;
        }
        if (charAt(i + 1) == 'H') {
            return ch(i);
        }
        if (charAt(i + 1) == 'Z' && !at(i - 2, "WICZ")) { // Czerny
            add('S');
            return i + 2;
        }
        if (at(i + 1, "CIA")) { // Focaccia
            add('X');
            return i + 3;
        }
        if (charAt(i + 1) == 'C' && !(i == 1 && charAt(0) == 'M')) { // not McClellan
            return cc(i);
        }
        if (oneOf(i + 1, "KGQ")) {
            add('K');
            return i + 2;
        }
        if (oneOf(i + 1, "IEY")) { // CIO, CIE, CIA differ only in the alternate code
            add('S');
            return i + 2;
        }
        add('K');
        if (at(i + 1, " C", " Q", " G")) { // Mac Caffrey, Mac Gregor
            return i + 3;
        }
        if (oneOf(i + 1, "CKQ") && !at(i + 1, "CE", "CI")) {
            return i + 2;
        }
        return i + 1;
    }

    /** Chianti, and the Germanic -ACH- as in Bacher, Macher, but not Bacharach-like -ACHI-/-ACHE-. */
    private boolean cSoundsK(int i) {
        if (at(i, "CHIA")) {
            return true;
        }
        if (i <= 1 || vowel(charAt(i - 2)) || !at(i - 1, "ACH")) {
            return false;
        }
        char c = charAt(i + 2);
        return c != 'I' && c != 'E' || at(i - 2, "BACHER", "MACHER");
    }

    private int cc(int i) {
        if (oneOf(i + 2, "IEH") && !at(i + 2, "HU")) { // Bellocchio, not Bacchus
            if (i == 1 && charAt(0) == 'A' || at(i - 1, "UCCEE", "UCCES")) { // Accident, Succeed
                add('K', 'S');
            } else {
                add('X');
            }
            return i + 3;
        }
        add('K'); // Pierce's rule
        return i + 2;
    }

    private int ch(int i) {
        if (i > 0 && at(i, "CHAE")) { // Michael
            add('K');
        } else if (chGreekStart(i) || chSoundsK(i)) {
            add('K');
        } else if (i > 0 && at(0, "MC")) {
            add('K');
        } else {
            add('X');
        }
        return i + 2;
    }

    /** Greek roots at the start: Character, Charisma, Chorus, Chymera, Chemistry, but not Chore. */
    private boolean chGreekStart(int i) {
        return i == 0
                && (at(1, "HARAC", "HARIS") || at(1, "HOR", "HYM", "HIA", "HEM"))
                && !at(0, "CHORE");
    }

    /** Germanic names, Orchestra, Architect, Orchid, and CH before a consonant (Christ, Schmidt). */
    private boolean chSoundsK(int i) {
        return germanicStart
                || at(i - 2, "ORCHES", "ARCHIT", "ORCHID")
                || oneOf(i + 2, "TS")
                || (oneOf(i - 1, "AOUE") || i == 0) && (oneOf(i + 2, "LRNMBHFVW ") || i + 1 == n - 1);
    }

    private int d(int i) {
        if (charAt(i + 1) == 'G') {
            if (oneOf(i + 2, "IEY")) { // Edge
                add('J');
                return i + 3;
            }
            add('T', 'K'); // Edgar
            return i + 2;
        }
        add('T');
        return oneOf(i + 1, "TD") ? i + 2 : i + 1;
    }

    private int g(int i) {
        char next = charAt(i + 1);
        if (next == 'H') {
            return gh(i);
        }
        if (next == 'N') {
            if (i == 1 && vowel(charAt(0)) && !slavoGermanic) {
                add('K', 'N');
            } else if (!at(i + 2, "EY") && !slavoGermanic) {
                add('N');
            } else {
                add('K', 'N');
            }
            return i + 2;
        }
        if (at(i + 1, "LI") && !slavoGermanic) { // Tagliaro
            add('K', 'L');
            return i + 2;
        }
        if (i == 0 && (next == 'Y' || atAny(i + 1, G_AFTER_INITIAL))) {
            add('K');
            return i + 2;
        }
        if ((at(i + 1, "ER") || next == 'Y')
                && !at(0, "DANGER", "RANGER", "MANGER")
                && !oneOf(i - 1, "EI")
                && !at(i - 1, "RGY", "OGY")) {
            add('K');
            return i + 2;
        }
        if (oneOf(i + 1, "EIY") || at(i - 1, "AGGI", "OGGI")) { // Italian Biaggi
            if (germanicStart || at(i + 1, "ET")) {
                add('K');
            } else {
                add('J'); // -GIER (Rogier) and the rest; they differ only in the alternate code
            }
            return i + 2;
        }
        add('K');
        return next == 'G' ? i + 2 : i + 1;
    }

    private int gh(int i) {
        if (i > 0 && !vowel(charAt(i - 1))) {
            add('K');
        } else if (i == 0) {
            add(charAt(i + 2) == 'I' ? 'J' : 'K'); // Ghislane, Ghiradelli
        } else if (i > 1 && oneOf(i - 2, "BHD") || i > 2 && oneOf(i - 3, "BHD") || i > 3 && oneOf(i - 4, "BH")) {
            // Hugh, Bough, Broughton: silent
        } else if (i > 2 && charAt(i - 1) == 'U' && oneOf(i - 3, "CGLRT")) {
            add('F'); // Laugh, McLaughlin, Cough, Gough, Rough, Tough
        } else if (charAt(i - 1) != 'I') {
            add('K');
        }
        return i + 2;
    }

    private int h(int i) {
        if ((i == 0 || vowel(charAt(i - 1))) && vowel(charAt(i + 1))) { // only between vowels or before one at the start
            add('H');
            return i + 2;
        }
        return i + 1;
    }

    private int j(int i) {
        boolean san = at(0, "SAN ");
        if (at(i, "JOSE") || san) { // Spanish Jose, San Jacinto
            if (i == 0 && charAt(i + 4) == ' ' || n == 4 || san) {
                add('H');
            } else {
                add('J');
            }
            return i + 1;
        }
        if (i == 0
                || vowel(charAt(i - 1)) && !slavoGermanic && (charAt(i + 1) == 'A' || charAt(i + 1) == 'O')
                || i == n - 1
                || !oneOf(i + 1, "LTKSNMBZ") && !oneOf(i - 1, "SKL")) {
            add('J');
        }
        return charAt(i + 1) == 'J' ? i + 2 : i + 1;
    }

    /** Dumb, Thumb, Plumber: the B after M is silent. */
    private boolean mTakesNext(int i) {
        return charAt(i + 1) == 'M' || at(i - 1, "UMB") && (i + 1 == n - 1 || at(i + 2, "ER"));
    }

    private int p(int i) {
        if (charAt(i + 1) == 'H') {
            add('F');
            return i + 2;
        }
        add('P');
        return oneOf(i + 1, "PB") ? i + 2 : i + 1; // Campbell, Raspberry
    }

    private int r(int i) {
        // French -IER at the end (Rogier) drops the R only from the alternate code, except -MEIER, -MAIER.
        boolean frenchIer = i == n - 1 && !slavoGermanic && at(i - 2, "IE") && !at(i - 4, "ME", "MA");
        if (!frenchIer) {
            add('R');
        }
        return charAt(i + 1) == 'R' ? i + 2 : i + 1;
    }

    private int s(int i) {
        if (at(i - 1, "ISL", "YSL")) { // Island, Carlysle: silent
            return i + 1;
        }
        if (i == 0 && at(i, "SUGAR")) {
            add('X');
            return i + 1;
        }
        if (charAt(i + 1) == 'H') {
            add(at(i + 1, "HEIM", "HOEK", "HOLM", "HOLZ") ? 'S' : 'X'); // Germanic compounds keep S
            return i + 2;
        }
        if (at(i, "SIO", "SIA")) { // "SIAN" starts with "SIA"; the variants differ only in the alternate code
            add('S');
            return i + 3;
        }
        if (i == 0 && oneOf(i + 1, "MNLW") || charAt(i + 1) == 'Z') { // Smith/Schmidt, Snider/Schneider
            add('S');
            return charAt(i + 1) == 'Z' ? i + 2 : i + 1;
        }
        if (charAt(i + 1) == 'C') {
            return sc(i);
        }
        if (!(i == n - 1 && at(i - 2, "AI", "OI"))) { // French Artois drops the S from the alternate code only
            add('S');
        }
        return oneOf(i + 1, "SZ") ? i + 2 : i + 1;
    }

    private int sc(int i) {
        if (charAt(i + 2) == 'H') {
            if (atAny(i + 3, SCH_SOUNDS_SK) && !at(i + 3, "ER", "EN")) { // Dutch Schooner, Schenker
                add('S', 'K');
            } else {
                add('X'); // Schlesinger, and -SCHER, -SCHEN, which sound SK only in the alternate code
            }
        } else if (oneOf(i + 2, "IEY")) {
            add('S');
        } else {
            add('S', 'K');
        }
        return i + 3;
    }

    private int t(int i) {
        char next = charAt(i + 1);
        if (next == 'I' && at(i, "TION", "TIA") || next == 'C' && at(i, "TCH")) {
            add('X');
            return i + 3;
        }
        if (next == 'H' || next == 'T' && charAt(i + 2) == 'H') { // TH, TTH
            // Thomas, Thames, and Germanic names keep T; otherwise TH is "0" (theta)
            add(at(i + 2, "OM", "AM") || germanicStart ? 'T' : '0');
            return i + 2;
        }
        add('T');
        return oneOf(i + 1, "TD") ? i + 2 : i + 1;
    }

    private int w(int i) {
        if (charAt(i + 1) == 'R') { // Wright: W silent
            add('R');
            return i + 2;
        }
        if (i == 0 && (vowel(charAt(i + 1)) || charAt(i + 1) == 'H')) {
            add('A');
            return i + 1;
        }
        if (i == n - 1 && vowel(charAt(i - 1))
                || at(i - 1, "EWSKI", "EWSKY", "OWSKI", "OWSKY")
                || at(0, "SCH")) {
            return i + 1; // Arnow, Filipowicz: F in the alternate code only
        }
        if (at(i, "WICZ", "WITZ")) {
            add('T', 'S');
            return i + 4;
        }
        return i + 1;
    }

    private int x(int i) {
        if (i == 0) { // Xavier
            add('S');
            return i + 1;
        }
        if (!(i == n - 1 && (at(i - 3, "IAU", "EAU") || at(i - 2, "AU", "OU")))) { // French Breaux
            add('K', 'S');
        }
        return oneOf(i + 1, "CX") ? i + 2 : i + 1;
    }

    private int z(int i) {
        if (charAt(i + 1) == 'H') { // Chinese Zhao
            add('J');
            return i + 2;
        }
        add('S'); // -ZO, -ZI, -ZA and Slavic Z differ only in the alternate code (TS)
        return charAt(i + 1) == 'Z' ? i + 2 : i + 1;
    }
}
