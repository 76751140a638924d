package io.capdex.caption.srt;

import io.capdex.caption.CaptionReader;
import io.capdex.caption.Cue;
import io.capdex.caption.CueLines;
import io.capdex.caption.Format;
import io.capdex.caption.Line;
import io.capdex.caption.Origin;
import io.capdex.caption.ParseResult;
import io.capdex.caption.ProblemCode;
import io.capdex.caption.Problems;
import io.capdex.caption.Source;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Track;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads SubRip (SRT) text leniently, as cdown/srt does: every tolerated oddity is a warning, a cue that cannot be
 * read is skipped with an error, and nothing in the content makes it throw. Stateless and thread-safe.
 *
 * <p>What it tolerates (each reported with its 1-based line): a BOM; CR, LF, CRLF and mixes; missing, bad or
 * out-of-sequence cue numbers; the time forms {@link SrtTime} accepts; extra white space around numbers and
 * timings; {@code ->}, {@code —>} and other dash arrows; coordinates after the timing; blank lines inside cue
 * text; a missing blank line between cues; a missing final newline; text before the first cue and after the last;
 * NUL characters; unknown and unclosed tags. What it refuses (error, cue skipped): timings it cannot read, minutes
 * or seconds above 59, negative times and cues that end before they start.
 *
 * <p>A blank line ends a cue only when a cue start follows it (a timing line, or any line followed by one);
 * otherwise the text goes on and the blank line is dropped. After the last timing line of the file there is no
 * next cue to look for, so text after a blank line there is trailing garbage. Without a blank line, a new cue
 * starts only at a timing line whose times and arrow can be read ({@code 5 -> 6 mg} stays text).
 *
 * <p>SSA alignment blocks map onto WebVTT settings: {@code \an7}–{@code \an9} top ({@code line:0}),
 * {@code \an4}–{@code \an6} middle ({@code line:50%}), {@code \an1}–{@code \an3} bottom (no {@code line});
 * the left column ({@code \an1/4/7}) is {@code align:left}, the right one {@code align:right}, the middle none.
 * WebVTT's {@code left}/{@code right} are used rather than {@code start}/{@code end} because SSA positions are
 * physical, not tied to the text direction.
 */
public final class SrtReader implements CaptionReader {
    /**
     * How many characters of a large file one thread reads at a time (see {@link Parse#chunkStarts}): small, so
     * that the cues a second thread holds until their turn die young (2 MB chunks cost a full collection and
     * 35 MB of resident memory on a 200,000-cue file), large enough that handing chunks over costs nothing.
     */
    static final int CHUNK_CHARS = 1 << 16;

    /** Files shorter than this many chunks are read by one thread: a second one would not pay for itself. */
    static final int MIN_CHUNKS = 16;

    /** How many characters {@link Parse#splitLfOnly} copies and scans at a time (a buffer that stays small). */
    private static final int LF_BLOCK = 1 << 14;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int chunkChars;
    private final int cores;

    public SrtReader() {
        this(CHUNK_CHARS, 0);
    }

    /** A reader that reads on the calling thread only, whatever the file's size: what one core does (benchmarks). */
    public static SrtReader oneThread() {
        return new SrtReader(CHUNK_CHARS, 1);
    }

    /**
     * A reader that splits text of {@link #MIN_CHUNKS} {@code chunkChars} or more between two threads (tests use
     * small ones), when there are enough cores: {@code cores}, or the runtime's count when 0 (see {@link
     * Parse#inChunks}).
     */
    SrtReader(int chunkChars, int cores) {
        if (chunkChars < 1 || cores < 0) {
            throw new IllegalArgumentException("chunkChars " + chunkChars + ", cores " + cores);
        }
        this.chunkChars = chunkChars;
        this.cores = cores;
    }

    @Override
    public ParseResult read(CharSequence text) {
        return new Parse(text.toString(), null, this).run();
    }

    /**
     * Which byte (0-7, from the low end) holds the lowest 0x80 mark of {@code marks} (see {@code Parse.zeroBytes}):
     * that bit, shifted down to {@code 1 << 8k}, times 0x0001020304050607 has k in its top byte. A multiply where C1
     * compiles {@code Long.numberOfTrailingZeros} as a call (11 of the line split's 42 ms, profiled).
     */
    static int firstMarkedByte(long marks) {
        return (int) ((((marks & -marks) >>> 7) * 0x0001020304050607L) >>> 56);
    }

    /** How many chunks a read of {@code text} would take, streamed or not (for tests). */
    int chunkCount(String text, boolean streamed) {
        Parse parse = new Parse(text, streamed ? cue -> { } : null, this);
        return parse.chunkStarts().length - 1;
    }

    /** The lines a read of {@code text} walks (without their line ends), and the line endings it names. */
    record Lines(List<String> lines, String endings) {
    }

    /** The {@link Lines} of a read of {@code text} (for tests). */
    static Lines lines(String text) {
        Parse parse = new Parse(text, null, new SrtReader());
        List<String> lines = new ArrayList<>(parse.lineCount);
        for (int i = 0; i < parse.lineCount; i++) {
            lines.add(parse.s.substring(parse.starts[i], parse.ends[i]));
        }
        return new Lines(lines, parse.lineEndings);
    }

    /** For each line a read of {@code text} walks, whether it is looked at for markup (for tests). */
    static boolean[] mayHaveMarkup(String text) {
        Parse parse = new Parse(text, null, new SrtReader());
        boolean[] may = new boolean[parse.lineCount];
        for (int i = 0; i < may.length; i++) {
            may[i] = parse.mayHaveMarkup(i);
        }
        return may;
    }

    /** Streams: each cue goes to {@code sink} as soon as its text is read; only the problems are kept. */
    @Override
    public ParseResult read(CharSequence text, Consumer<Cue> sink) {
        return new Parse(text.toString(), sink, this).run();
    }

    /** Finds the lines of {@code text} (a fifth of the time a large file takes to read) and reads nothing yet. */
    @Override
    public Prepared prepare(String text) {
        Parse parse = new Parse(text, null, this);
        return new Prepared() {
            private boolean used;

            @Override
            public ParseResult read() {
                use();
                return parse.run();
            }

            @Override
            public ParseResult read(Consumer<Cue> sink) {
                use();
                parse.sink = Objects.requireNonNull(sink, "sink");
                return parse.run();
            }

            private synchronized void use() {
                if (used) {
                    throw new IllegalStateException("prepared text is read once");
                }
                used = true;
            }
        };
    }

    /** Where the line-walking state machine is between lines. */
    private enum State {
        /** Between cues: skipping blank lines, looking for a number or a timing line. */
        SEEK,
        /** At a timing line. */
        TIMING,
        /** Collecting the current cue's text lines. */
        TEXT,
        /** Skipping the text of a cue whose timing was refused. */
        SKIP
    }

    /** The state of one read, or of one chunk of a read (see {@link #chunkStarts}). */
    private static final class Parse {
        private final Problems problems = new Problems();
        private final SrtTime.Scan scan = new SrtTime.Scan();
        private final SrtMarkup markup = new SrtMarkup(problems);
        private final String s;
        private final boolean bom;
        private final int chunkChars;
        private final int cores;
        private final String lineEndings;
        private int[] starts;
        private int[] ends;
        /**
         * Bit {@code i} set: line {@code i} has none of {@code < { &}, so {@link SrtMarkup} need not look for
         * markup on it. Found by {@link #splitLfOnly} in the pass it makes anyway; null (look on every line) for
         * texts split otherwise.
         */
        private long @Nullable [] markupFree;
        private int lineCount;
        private final int[] memoLine = {-1, -1, -1, -1};
        private final boolean[] memoValue = new boolean[4];

        // set once before run() (by the constructor, or by a prepared read)
        private @Nullable Consumer<Cue> sink;
        private final List<Cue> cues = new ArrayList<>();
        private final List<Integer> cueFirstLines = new ArrayList<>();
        private int cueCount;
        private final List<Line> lineBuffer = new ArrayList<>(4);
        private int[] cueLines = new int[8];
        private int cueLineCount;
        private int lastIndex;
        private long startMs;
        private long endMs;
        private int timingLine;

        Parse(String text, @Nullable Consumer<Cue> sink, SrtReader reader) {
            this.sink = sink;
            this.chunkChars = reader.chunkChars;
            this.cores = reader.cores;
            bom = !text.isEmpty() && text.charAt(0) == '\uFEFF';
            String body = bom ? text.substring(1) : text;
            if (bom) {
                // A BOM is how many Windows tools mark UTF-8; harmless, but worth knowing about.
                problems.add(1, ProblemCode.BOM, "byte order mark at the start of the file skipped");
            }
            // Most files have LF line ends and no NUL: one pass finds the lines of those (see splitLfOnly).
            if (splitLfOnly(body)) {
                s = body;
                lineEndings = lfEndings(body);
                return;
            }
            boolean nuls = body.indexOf('\0') >= 0;
            if (nuls) {
                body = withoutNuls(body);
                // without its NULs the text may have LF line ends only after all
                if (splitLfOnly(body)) {
                    s = body;
                    lineEndings = Origin.lineEndingsOf(text);
                    return;
                }
            }
            s = body;
            String endings = split();
            // split() names the endings as Origin.lineEndingsOf does; a NUL between CR and LF is the one case
            // where the cleaned text differs, so ask the original then.
            lineEndings = nuls ? Origin.lineEndingsOf(text) : endings;
        }

        /**
         * Whether the text is read by two threads: {@link #MIN_CHUNKS} chunks or more, and a core for the second
         * one. A whole read needs two cores. A streamed read needs three: its sink has work of its own (convert
         * writes the cues on another thread), and on two cores a second parsing thread only competes with it. On
         * the 2-core machine of issue #2, streaming a 200,000-cue file in chunks cost 40-55 ms more wall time and
         * 70-120 ms more CPU than one parsing thread (medians of 10-12 interleaved runs); once the launcher had
         * C1 compile long loops sooner, the two were even (0.765 s either way), so one thread it stays.
         */
        private boolean inChunks() {
            int available = cores > 0 ? cores : Runtime.getRuntime().availableProcessors();
            return s.length() / MIN_CHUNKS >= chunkChars && available >= (sink == null ? 2 : 3);
        }

        /**
         * A chunk of {@code whole}'s read: the same text and lines, its own problems and cues, starting between
         * cues with {@code lastIndex} as the number of the cue before it. With a null sink the cues are kept.
         */
        Parse(Parse whole, int lastIndex, @Nullable Consumer<Cue> sink) {
            this.sink = sink;
            s = whole.s;
            bom = whole.bom;
            chunkChars = whole.chunkChars;
            cores = whole.cores;
            lineEndings = whole.lineEndings;
            starts = whole.starts;
            ends = whole.ends;
            markupFree = whole.markupFree;
            lineCount = whole.lineCount;
            this.lastIndex = lastIndex;
        }

        /** Removes NULs (left by UTF-16 read as 8-bit, or by broken tools) and reports each line that had some. */
        private String withoutNuls(String text) {
            StringBuilder sb = new StringBuilder(text.length());
            int line = 1;
            int nulsOnLine = 0;
            for (int i = 0, n = text.length(); i < n; i++) {
                char c = text.charAt(i);
                if (c == '\0') {
                    nulsOnLine++;
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    if (nulsOnLine > 0) {
                        problems.add(line, ProblemCode.NUL_CHARACTER, nulMessage(nulsOnLine));
                        nulsOnLine = 0;
                    }
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        sb.append(c);
                        c = '\n';
                        i++;
                    }
                    line++;
                }
                sb.append(c);
            }
            if (nulsOnLine > 0) {
                problems.add(line, ProblemCode.NUL_CHARACTER, nulMessage(nulsOnLine));
            }
            return sb.toString();
        }

        private static String nulMessage(int count) {
            return count == 1 ? "1 NUL character removed" : count + " NUL characters removed";
        }

        /**
         * Records where each line starts and ends; CR, LF and CRLF all end a line. For texts with a CR, which
         * {@link #splitLfOnly} leaves.
         *
         * @return the line endings as {@link Origin#lineEndingsOf} names them
         */
        private String split() {
            int n = s.length();
            int from = 0;
            boolean sawMixed = false;
            int firstKind = 0;
            int kinds = 0;
            starts = new int[n / 16 + 16];
            ends = new int[starts.length];
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r') {
                    addLine(from, i);
                    int kind;
                    if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                        kind = 2;
                        i += 2;
                    } else {
                        kind = c == '\r' ? 3 : 1;
                        i++;
                    }
                    kinds |= 1 << kind;
                    // Mixed endings come from files edited on two systems; every kind still ends one line.
                    if (firstKind == 0) {
                        firstKind = kind;
                    } else if (kind != firstKind && !sawMixed) {
                        sawMixed = true;
                        problems.add(lineCount, ProblemCode.MIXED_LINE_ENDINGS,
                                "line ends with " + kindName(kind) + " where earlier lines end with "
                                        + kindName(firstKind) + "; both read as line ends");
                    }
                    from = i;
                } else {
                    i++;
                }
            }
            if (from < n) {
                addLine(from, n);
            }
            return Integer.bitCount(kinds) > 1 ? "mixed" : kindName(firstKind);
        }

        /** The line endings of a text {@link #splitLfOnly} split, as {@link Origin#lineEndingsOf} names them. */
        private String lfEndings(String text) {
            return lineCount > 1 || text.endsWith("\n") ? "LF" : "none";
        }

        /**
         * Records where each line of a text that has neither CR nor NUL starts and ends, and which lines have no
         * markup character ({@link #markupFree}), in one pass that looks at eight characters at a time; returns
         * false, with no lines recorded, when the text has a CR or a NUL.
         *
         * <p>In C1-compiled code (short commands such as {@code convert}) {@code String.indexOf} is a plain loop,
         * and splitting at LFs and looking for CRs and NULs took three of them, the last two on a second thread:
         * about 80 ms of CPU for a 19 MB file, against 55 ms for this pass (profiled, issue #2). Blocks of the
         * text are copied into a buffer one byte per character (the low eight bits), then read as longs: each long
         * is tested at once for bytes 0x0A, 0x0D, 0x00 and the three markup characters. A line end, CR or NUL byte
         * is checked against the character itself, since characters above U+00FF can have those low bits (U+010D "č" ends in 0x0D). Such a
         * character can also look like markup here; its line is then merely looked at again.
         */
        // getBytes(int, int, byte[], int) copies the low byte of each char: wanted here
        @SuppressWarnings("deprecation")
        private boolean splitLfOnly(String text) {
            int n = text.length();
            starts = new int[n / 16 + 16];
            ends = new int[starts.length];
            markupFree = new long[starts.length / Long.SIZE + 1];
            byte[] block = new byte[Math.min(n, LF_BLOCK)];
            int from = 0;
            // whether the line being read has shown a markup character so far
            boolean markup = false;
            for (int offset = 0; offset < n; offset += LF_BLOCK) {
                int length = Math.min(LF_BLOCK, n - offset);
                text.getBytes(offset, offset + length, block, 0);
                int whole = length & -Long.BYTES;
                for (int i = 0; i < whole; i += Long.BYTES) {
                    long x = (long) LONGS.get(block, i);
                    long lf = zeroBytes(x ^ 0x0A0A0A0A0A0A0A0AL);
                    if ((zeroBytes(x ^ 0x0D0D0D0D0D0D0D0DL) | zeroBytes(x)) != 0 && hasCrOrNul(text, offset + i)) {
                        lineCount = 0;
                        markupFree = null;
                        return false;
                    }
                    // '<', '{' and '&': what SrtMarkup looks for
                    long marks = zeroBytes(x ^ 0x3C3C3C3C3C3C3C3CL) | zeroBytes(x ^ 0x7B7B7B7B7B7B7B7BL)
                            | zeroBytes(x ^ 0x2626262626262626L);
                    while (lf != 0) {
                        long bit = lf & -lf;
                        int at = offset + i + firstMarkedByte(lf);
                        if (text.charAt(at) == '\n') {
                            // the marks below this LF's bit are on the line it ends
                            addLine(from, at, markup || (marks & (bit - 1)) != 0);
                            from = at + 1;
                            markup = false;
                            marks &= -bit;
                        }
                        lf &= lf - 1;
                    }
                    markup |= marks != 0;
                }
                for (int at = offset + whole; at < offset + length; at++) {
                    char c = text.charAt(at);
                    if (c == '\r' || c == '\0') {
                        lineCount = 0;
                        markupFree = null;
                        return false;
                    }
                    if (c == '\n') {
                        addLine(from, at, markup);
                        from = at + 1;
                        markup = false;
                    } else if (c == '<' || c == '{' || c == '&') {
                        markup = true;
                    }
                }
            }
            if (from < n) {
                addLine(from, n, markup);
            }
            return true;
        }

        /** Records a line {@link #splitLfOnly} found, and whether it may have markup. */
        private void addLine(int from, int to, boolean markup) {
            addLine(from, to);
            long[] free = markupFree;
            if (!markup && free != null) {
                int line = lineCount - 1;
                if (line >>> 6 >= free.length) {
                    free = Arrays.copyOf(free, free.length + (free.length >> 1) + 1);
                    markupFree = free;
                }
                free[line >>> 6] |= 1L << line;
            }
        }

        /** Whether line {@code i} may have markup: it has one of {@code < { &}, or that was not looked at. */
        private boolean mayHaveMarkup(int i) {
            long[] free = markupFree;
            return free == null || (free[i >>> 6] & (1L << i)) == 0;
        }

        private static boolean hasCrOrNul(String text, int from) {
            for (int at = from; at < from + Long.BYTES; at++) {
                char c = text.charAt(at);
                if (c == '\r' || c == '\0') {
                    return true;
                }
            }
            return false;
        }

        /** 0x80 in each byte of {@code x} that is zero, 0 in every other bit (exact: no borrow between bytes). */
        private static long zeroBytes(long x) {
            return ~(((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x | 0x7F7F7F7F7F7F7F7FL);
        }

        private static String kindName(int kind) {
            return kind == 1 ? "LF" : kind == 2 ? "CRLF" : "CR";
        }

        private void addLine(int from, int to) {
            if (lineCount == starts.length) {
                starts = Arrays.copyOf(starts, lineCount + (lineCount >> 1));
                ends = Arrays.copyOf(ends, lineCount + (lineCount >> 1));
            }
            starts[lineCount] = from;
            ends[lineCount] = to;
            lineCount++;
        }

        private boolean blank(int i) {
            return SrtSyntax.isBlank(s, starts[i], ends[i]);
        }

        private boolean timingLike(int i) {
            if (i >= lineCount) {
                return false;
            }
            // The look-ahead after a blank line and the SEEK state ask about the same two lines; remember them.
            int slot = i & 3;
            if (memoLine[slot] == i) {
                return memoValue[slot];
            }
            boolean value = SrtSyntax.isTimingLike(s, starts[i], ends[i]);
            memoLine[slot] = i;
            memoValue[slot] = value;
            return value;
        }

        /** A timing-like line whose two times and arrow scan, even if a value is out of range. */
        private boolean readableTiming(int i) {
            if (!timingLike(i)) {
                return false;
            }
            int to = ends[i];
            int p = SrtSyntax.skipSpace(s, starts[i], to);
            if (scan.scan(s, p, to) == SrtTime.MALFORMED) {
                return false;
            }
            p = SrtSyntax.skipSpace(s, scan.end, to);
            int arrow = p;
            while (p < to && SrtSyntax.isDash(s.charAt(p))) {
                p++;
            }
            if (p == arrow || p >= to || s.charAt(p) != '>') {
                return false;
            }
            p = SrtSyntax.skipSpace(s, p + 1, to);
            return scan.scan(s, p, to) != SrtTime.MALFORMED;
        }

        private String quoted(int i) {
            return SrtSyntax.quote(s, SrtSyntax.skipSpace(s, starts[i], ends[i]),
                    SrtSyntax.trimEnd(s, starts[i], ends[i]));
        }

        ParseResult run() {
            int lastTiming = lineCount - 1;
            while (lastTiming >= 0 && !timingLike(lastTiming)) {
                lastTiming--;
            }
            int[] chunks = chunkStarts();
            if (chunks.length < 3) {
                walk(0, lineCount, lastTiming);
            } else {
                walkInChunks(chunks, lastTiming);
            }
            finishFile();
            Origin origin = new Origin(Format.SRT, "UTF-8", bom, lineEndings);
            Track track = new Track(Track.UNDETERMINED, Source.ASR, cues, List.of(), List.of(), origin);
            return new ParseResult(track, problems.toList(), sink == null ? new CueLines(cueFirstLines) : CueLines.none());
        }

        /**
         * Where the chunks of a large file start, plus {@code lineCount} at the end; just {0, lineCount} when the
         * file is read in one go. A chunk starts at a cue number line {@code N} (1 to 999,999,999) that follows a
         * blank line and precedes a timing line. The line walk is always between cues there ({@link State#SEEK};
         * whatever state a blank line finds it in, a cue start after the blank ends that state), and all it carries
         * over is the previous cue number, which for a second thread's chunk is guessed as {@code N - 1}
         * ({@link #walkInChunks} checks the guess). Line ends and NULs were dealt with (and reported) before: the
         * chunks share the one line table.
         */
        private int[] chunkStarts() {
            if (!inChunks()) {
                return new int[] {0, lineCount};
            }
            int[] cuts = new int[s.length() / chunkChars + 2];
            int count = 1;
            int line = 1;
            for (int k = 1; (long) k * chunkChars < s.length(); k++) {
                int target = k * chunkChars;
                while (line < lineCount && starts[line] < target) {
                    line++;
                }
                // a few lines on at most: a file with no cue start there is read by fewer chunks
                for (int limit = Math.min(lineCount - 1, line + 64); line < limit; line++) {
                    if (chunkStartsAt(line)) {
                        cuts[count++] = line;
                        line++;
                        break;
                    }
                }
            }
            cuts[count++] = lineCount;
            return Arrays.copyOf(cuts, count);
        }

        private boolean chunkStartsAt(int line) {
            int from = starts[line];
            int to = ends[line];
            return to - from <= 9 && blank(line - 1) && SrtSyntax.isIndexLike(s, from, to)
                    && SrtSyntax.skipSpace(s, from, to) == from && SrtSyntax.trimEnd(s, from, to) == to
                    && !timingLike(line) && timingLike(line + 1) && Integer.parseInt(s, from, to, 10) >= 1;
        }

        /**
         * Reads the chunks in order, this thread the even ones (straight to the sink) and a second thread the odd
         * ones (kept until their turn, at most one ahead, so little is held in memory). A second-thread chunk whose
         * guessed previous cue number would change a problem (the cue number check) is read again here with the
         * right one; so the cues, the problems and their order are exactly those of a read in one go.
         */
        private void walkInChunks(int[] chunks, int lastTiming) {
            int n = chunks.length - 1;
            List<FutureTask<Parse>> odd = new ArrayList<>(n / 2);
            for (int c = 1; c < n; c += 2) {
                int from = chunks[c];
                int to = chunks[c + 1];
                int guess = Integer.parseInt(s, starts[from], ends[from], 10) - 1;
                odd.add(new FutureTask<>(() -> {
                    Parse chunk = new Parse(this, guess, null);
                    chunk.walk(from, to, lastTiming);
                    return chunk;
                }));
            }
            Semaphore ahead = new Semaphore(1);
            Thread helper = new Thread(() -> {
                for (FutureTask<Parse> task : odd) {
                    ahead.acquireUninterruptibly();
                    task.run();
                }
            }, "capdex-srt-chunks");
            helper.setDaemon(true);
            helper.start();
            try {
                for (int c = 0; c < n; c++) {
                    int from = chunks[c];
                    int to = chunks[c + 1];
                    Parse chunk = c % 2 == 0 ? null : finished(odd.get(c / 2));
                    if (chunk != null && lastIndex >= 0 && lastIndex + 1L != Integer.parseInt(s, starts[from], ends[from], 10)) {
                        chunk = null; // the guess was wrong: the first cue number's check would differ
                    }
                    if (chunk == null) {
                        chunk = new Parse(this, lastIndex, sink);
                        chunk.walk(from, to, lastTiming);
                    }
                    if (c % 2 == 1) {
                        ahead.release();
                    }
                    absorb(chunk);
                }
            } finally {
                for (FutureTask<Parse> task : odd) {
                    task.cancel(false);
                }
                ahead.release(odd.size()); // a helper still waiting runs only cancelled tasks, which end at once
            }
        }

        /** A second thread's result, or null when this thread should do the work itself (interrupted while waiting). */
        private static <T> @Nullable T finished(FutureTask<T> task) {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /** Takes a finished chunk's cues (when it kept them), problems and last cue number, as if read here. */
        private void absorb(Parse chunk) {
            if (chunk.sink == null) {
                for (int k = 0; k < chunk.cues.size(); k++) {
                    deliver(chunk.cues.get(k), chunk.cueFirstLines.get(k));
                }
                // its task keeps the chunk until the read ends: streamed cues must not stay reachable from it
                chunk.cues.clear();
                chunk.cueFirstLines.clear();
            }
            cueCount += chunk.cueCount;
            problems.addAll(chunk.problems);
            lastIndex = chunk.lastIndex;
        }

        private void deliver(Cue cue, int firstLine) {
            if (sink != null) {
                sink.accept(cue);
            } else {
                cues.add(cue);
                cueFirstLines.add(firstLine);
            }
        }

        /** Walks lines {@code from} (between cues) to {@code to}, where the walk is between cues again or the file ends. */
        private void walk(int from, int to, int lastTiming) {
            State state = State.SEEK;
            int i = from;
            while (i < to) {
                switch (state) {
                    case SEEK -> {
                        if (blank(i)) {
                            i++;
                        } else if (timingLike(i)) {
                            missingIndex(i);
                            state = State.TIMING;
                        } else if (timingLike(i + 1)) {
                            index(i);
                            i++;
                            state = State.TIMING;
                        } else {
                            i = skipStray(i, lastTiming);
                        }
                    }
                    case TIMING -> {
                        state = timing(i) ? State.TEXT : State.SKIP;
                        if (state == State.TEXT) {
                            cueLineCount = 0;
                        }
                        i++;
                    }
                    default -> {
                        if (blank(i)) {
                            int j = i + 1;
                            while (j < lineCount && blank(j)) {
                                j++;
                            }
                            if (j >= lineCount || timingLike(j) || timingLike(j + 1) || i > lastTiming) {
                                finishCue(state);
                                state = State.SEEK;
                                i = j;
                            } else {
                                // cdown/srt keeps such text in the cue: a blank line is only a cue end when a cue
                                // start follows. The blank line itself is dropped (SRT cannot write it back).
                                if (state == State.TEXT) {
                                    problems.add(i + 1, ProblemCode.BLANK_LINE_IN_TEXT,
                                            "blank line inside cue text; the text after it kept in the cue");
                                }
                                i = j;
                            }
                        } else if (readableTiming(i)) {
                            // Some converters forget the blank line between cues; a timing line inside text starts
                            // the next cue, and a number just above it is that cue's number. Without a blank line
                            // the timing must be readable, so that text such as "5 -> 6" stays text.
                            int indexLine = -1;
                            if (state == State.TEXT && cueLineCount > 0) {
                                int last = cueLines[cueLineCount - 1];
                                if (last == i - 1 && SrtSyntax.isIndexLike(s, starts[last], ends[last])) {
                                    cueLineCount--;
                                    indexLine = last;
                                }
                            } else if (state == State.SKIP && i > 0
                                    && SrtSyntax.isIndexLike(s, starts[i - 1], ends[i - 1])) {
                                indexLine = i - 1;
                            }
                            finishCue(state);
                            problems.add((indexLine >= 0 ? indexLine : i) + 1, ProblemCode.MISSING_BLANK_LINE,
                                    "new cue starts without a blank line before it");
                            if (indexLine >= 0) {
                                index(indexLine);
                            } else {
                                missingIndex(i);
                            }
                            state = State.TIMING;
                        } else {
                            if (state == State.TEXT) {
                                if (cueLineCount == cueLines.length) {
                                    cueLines = Arrays.copyOf(cueLines, cueLineCount * 2);
                                }
                                cueLines[cueLineCount++] = i;
                            }
                            i++;
                        }
                    }
                }
            }
            finishCue(state);
        }

        /** Skips lines that belong to no cue, up to the next cue start; reports them once. */
        private int skipStray(int i, int lastTiming) {
            int first = i;
            while (i < lineCount && !timingLike(i) && !(timingLike(i + 1) && !blank(i))) {
                i++;
            }
            if (first > lastTiming) {
                problems.add(first + 1, ProblemCode.TRAILING_GARBAGE,
                        "text after the last cue ignored: " + quoted(first));
            } else {
                problems.add(first + 1, ProblemCode.STRAY_TEXT,
                        "text that belongs to no cue ignored: " + quoted(first));
            }
            return i;
        }

        private void missingIndex(int i) {
            problems.add(i + 1, ProblemCode.MISSING_INDEX, "cue without a number before its timing; read anyway");
            // The absent number counts as the expected one, so one gap does not also cause a sequence warning.
            if (lastIndex >= 0) {
                lastIndex++;
            }
        }

        /** Checks a cue number line; numbers are not kept (writers renumber), so problems are warnings. */
        private void index(int i) {
            int from = starts[i];
            int to = ends[i];
            int a = SrtSyntax.skipSpace(s, from, to);
            int b = SrtSyntax.trimEnd(s, a, to);
            if (!SrtSyntax.isIndexLike(s, a, b) || b - a > 18) {
                problems.add(i + 1, ProblemCode.BAD_INDEX,
                        "cue number " + quoted(i) + " is not a number; ignored");
                lastIndex = -1;
                return;
            }
            if (a != from || b != to) {
                problems.add(i + 1, ProblemCode.EXTRA_SPACE, "white space around the cue number ignored");
            }
            // at most 18 digits, all ASCII (isIndexLike): Long.parseLong's Character.digit per character cost half
            // of this method (8 ms of a 200,000-cue read, profiled)
            long n = 0;
            for (int k = a; k < b; k++) {
                n = n * 10 + (s.charAt(k) - '0');
            }
            long expected = lastIndex < 0 ? -1 : lastIndex + 1L;
            if (expected >= 0 && n != expected) {
                problems.add(i + 1, ProblemCode.INDEX_SEQUENCE,
                        "cue number " + n + " where " + expected + " was expected; cues are renumbered on write");
            }
            lastIndex = n > Integer.MAX_VALUE - 1 ? -1 : (int) n;
        }

        /** Reads a timing line; on success sets startMs/endMs and returns true, else reports an error. */
        private boolean timing(int line) {
            int from = starts[line];
            int to = ends[line];
            int lineNo = line + 1;
            timingLine = lineNo;
            // "HH:MM:SS,mmm --> HH:MM:SS,mmm" (more hour digits past 99 h), as capdex and most tools write it, read
            // by position: the same times as the scan below, which has nothing to report for such a line when the
            // cue lasts
            int startEnd = from;
            while (startEnd < to && SrtSyntax.isDigit(s.charAt(startEnd))) {
                startEnd++;
            }
            startEnd += 10;
            if (startEnd + 5 < to && s.startsWith(" --> ", startEnd)) {
                long start = SrtTime.canonical(s, from, startEnd);
                long end = start >= 0 ? SrtTime.canonical(s, startEnd + 5, to) : -1;
                if (end > start) {
                    startMs = start;
                    endMs = end;
                    return true;
                }
            }
            boolean extraSpace = false;
            int p = SrtSyntax.skipSpace(s, from, to);
            if (p != from) {
                extraSpace = true;
            }
            int outcome = scan.scan(s, p, to);
            if (outcome == SrtTime.MALFORMED) {
                return badTiming(line, "start time not readable");
            }
            long start = scan.valueMs;
            int startOutcome = outcome;
            int lenient = scan.lenient;
            p = scan.end;
            int spaceStart = p;
            p = SrtSyntax.skipSpace(s, p, to);
            if (p - spaceStart != 1 || s.charAt(spaceStart) != ' ') {
                extraSpace = true;
            }
            int arrowStart = p;
            while (p < to && SrtSyntax.isDash(s.charAt(p))) {
                p++;
            }
            if (p == arrowStart || p >= to || s.charAt(p) != '>') {
                return badTiming(line, "no '-->' after the start time");
            }
            p++;
            boolean variantArrow = p - arrowStart != 3 || !s.startsWith("-->", arrowStart);
            String arrow = variantArrow ? s.substring(arrowStart, p) : "-->";
            spaceStart = p;
            p = SrtSyntax.skipSpace(s, p, to);
            if (p - spaceStart != 1 || s.charAt(spaceStart) != ' ') {
                extraSpace = true;
            }
            outcome = scan.scan(s, p, to);
            if (outcome == SrtTime.MALFORMED) {
                return badTiming(line, "end time not readable");
            }
            long end = scan.valueMs;
            lenient |= scan.lenient;
            p = scan.end;
            int textEnd = p;
            if (startOutcome == SrtTime.NEGATIVE || outcome == SrtTime.NEGATIVE) {
                problems.add(lineNo, ProblemCode.NEGATIVE_TIME,
                        "negative time in " + SrtSyntax.quote(s, from, textEnd) + "; cue skipped");
                return false;
            }
            if (startOutcome == SrtTime.OUT_OF_RANGE || outcome == SrtTime.OUT_OF_RANGE) {
                problems.add(lineNo, ProblemCode.TIME_OUT_OF_RANGE,
                        "minutes or seconds above 59 in " + SrtSyntax.quote(s, from, textEnd) + "; cue skipped");
                return false;
            }
            if (end < start) {
                problems.add(lineNo, ProblemCode.END_BEFORE_START, "end before start ("
                        + SrtTime.format(start) + " --> " + SrtTime.format(end) + "); cue skipped");
                return false;
            }
            int rest = SrtSyntax.skipSpace(s, p, to);
            if (rest < to) {
                // SRT's optional "X1:100 X2:600 Y1:20 Y2:50" box; players ignore it and so does the model.
                problems.add(lineNo, ProblemCode.COORDINATES,
                        "text after the timing ignored: " + SrtSyntax.quote(s, rest, SrtSyntax.trimEnd(s, rest, to)));
            } else if (p != to) {
                extraSpace = true;
            }
            // Hand-edited files have tabs, double spaces or none around the arrow; the times are still clear.
            if (extraSpace) {
                problems.add(lineNo, ProblemCode.EXTRA_SPACE,
                        "white space in the timing line is not a single space around '-->'; read anyway");
            }
            if (variantArrow) {
                problems.add(lineNo, ProblemCode.ARROW_VARIANT, "arrow '" + arrow + "' read as '-->'");
            }
            if (lenient != 0) {
                problems.add(lineNo, ProblemCode.LENIENT_TIME, "non-standard time ("
                        + SrtTime.Scan.describe(lenient) + ") read as " + SrtTime.format(start) + " --> "
                        + SrtTime.format(end));
            }
            if (end == start) {
                problems.add(lineNo, ProblemCode.ZERO_DURATION,
                        "cue starts and ends at " + SrtTime.format(start) + "; kept");
            }
            startMs = start;
            endMs = end;
            return true;
        }

        private boolean badTiming(int line, String why) {
            problems.add(line + 1, ProblemCode.BAD_TIMING,
                    "timing line " + quoted(line) + " not readable (" + why + "); cue skipped");
            return false;
        }

        private void finishCue(State state) {
            if (state != State.TEXT) {
                return;
            }
            markup.startCue();
            List<Line> lines = lineBuffer;
            lines.clear();
            for (int k = 0; k < cueLineCount; k++) {
                int line = cueLines[k];
                markup.decodeLine(s, starts[line], ends[line], line + 1, mayHaveMarkup(line), lines);
            }
            markup.endCue();
            if (lines.isEmpty()) {
                problems.add(timingLine, ProblemCode.EMPTY_CUE, "cue has no text; kept");
            }
            Map<String, String> settings = settingsOf(markup.alignment);
            // One or two lines is the common case; List.of then makes the one object Cue keeps as it is.
            List<Line> kept = switch (lines.size()) {
                case 0 -> List.of();
                case 1 -> List.of(lines.get(0));
                case 2 -> List.of(lines.get(0), lines.get(1));
                default -> List.copyOf(lines);
            };
            Cue cue = new Cue(new TimeSpan(startMs, endMs), null, kept, null, List.of(), settings);
            cueCount++;
            deliver(cue, timingLine);
            cueLineCount = 0;
        }

        private void finishFile() {
            boolean anyText = false;
            for (int i = 0; i < lineCount && !anyText; i++) {
                anyText = !blank(i);
            }
            if (!anyText) {
                problems.add(1, ProblemCode.EMPTY_FILE, "the file is empty");
                return;
            }
            if (cueCount == 0) {
                problems.add(1, ProblemCode.NO_CUES, "no cue could be read");
            }
            char last = s.charAt(s.length() - 1);
            if (last != '\n' && last != '\r') {
                problems.add(lineCount, ProblemCode.MISSING_FINAL_NEWLINE, "the file does not end with a newline");
            }
        }
    }

    /** WebVTT settings for an SSA {@code \anN} position (see the class comment), 0 meaning none. */
    static Map<String, String> settingsOf(int alignment) {
        if (alignment == 0 || alignment == 2) {
            return Map.of();
        }
        Map<String, String> settings = new LinkedHashMap<>(4);
        if (alignment >= 7) {
            settings.put("line", "0");
        } else if (alignment >= 4) {
            settings.put("line", "50%");
        }
        int column = (alignment - 1) % 3;
        if (column == 0) {
            settings.put("align", "left");
        } else if (column == 2) {
            settings.put("align", "right");
        }
        return settings;
    }
}
