package io.capdex.batch;

import io.capdex.caption.CaptionReader;
import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Origin;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import io.capdex.caption.ProblemCode;
import io.capdex.detect.CaptionSyntax;
import io.capdex.detect.DecodedText;
import io.capdex.detect.FileKind;
import io.capdex.detect.FileKinds;
import io.capdex.detect.TextDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads caption files from disk safely: refuses what is missing, too large, empty, binary or unsupported with a
 * message for people, then decodes (detecting the charset), sniffs the format from the content, and parses. Reads
 * only; never writes. Stateless and thread-safe.
 */
public final class CaptionFiles {
    // Java arrays (and strings) stop a little below 2 GiB whatever the configured limit says.
    private static final long LARGEST_ARRAY = Integer.MAX_VALUE - 16;
    private static final int READ_BLOCK = 1 << 20;

    private CaptionFiles() {
    }

    /**
     * Reads one caption file. Every refusal is a {@link CaptionFileResult.Failed}; I/O errors become one too, so
     * a batch can go on with the next file.
     */
    public static CaptionFileResult read(Path path, ReadOptions options) {
        return readFile(path, options, null, null);
    }

    /**
     * Reads one caption file like {@link #read(Path, ReadOptions)}, with the same refusals and problems, but hands
     * each cue to {@code sink} in file order as the reader finds it (see {@link CaptionReader#read(CharSequence,
     * Consumer)}): the result's track has no cues. Nothing reaches the sink when the file is refused. An
     * unchecked exception from the sink stops the read and propagates.
     */
    public static CaptionFileResult stream(Path path, ReadOptions options, Consumer<Cue> sink) {
        return readFile(path, options, Objects.requireNonNull(sink, "sink"), null);
    }

    /**
     * Reads one caption file like {@link #read(Path, ReadOptions)}, taking what {@code ahead} already did when it
     * was made for this file with options that read it the same way and the file has not changed since (same size,
     * modification time and file key); otherwise, or when {@code ahead} is null or was taken already, reads the
     * file itself. The result is the same either way.
     */
    public static CaptionFileResult read(Path path, ReadOptions options, @Nullable Ahead ahead) {
        return readFile(path, options, null, ahead);
    }

    /**
     * {@link #stream(Path, ReadOptions, Consumer)} taking what {@code ahead} read, as {@link #read(Path, ReadOptions,
     * Ahead)} does.
     */
    public static CaptionFileResult stream(Path path, ReadOptions options, Consumer<Cue> sink, @Nullable Ahead ahead) {
        return readFile(path, options, Objects.requireNonNull(sink, "sink"), ahead);
    }

    /**
     * Does all that {@link #read(Path, ReadOptions)} does before the parse (the checks, reading the bytes, the
     * file kind, the charset, the decoding, the format and the reader's own preparation, such as finding an SRT
     * file's lines), for a later {@link #read(Path, ReadOptions, Ahead)} or {@link #stream(Path, ReadOptions,
     * Consumer, Ahead)} of the same file, which may run on another thread. Never throws for I/O.
     */
    public static Ahead readAhead(Path path, ReadOptions options) {
        return new Ahead(path, options, load(path, options));
    }

    /** A caption file read and decoded ahead of its parse; see {@link #readAhead}. Taken at most once. */
    public static final class Ahead {
        private final Path path;
        private final ReadOptions options;
        private final Object front; // a Loaded, or the Failed result
        private boolean taken;

        private Ahead(Path path, ReadOptions options, Object front) {
            this.path = path;
            this.options = options;
            this.front = front;
        }

        /** Whether a read took this (for tests). */
        public synchronized boolean taken() {
            return taken;
        }

        /**
         * What was read ahead, when it was read from {@code file} as {@code wanted} reads it and the file is as it
         * was then; null otherwise, and once taken.
         */
        private synchronized @Nullable Loaded take(Path file, ReadOptions wanted) {
            if (taken || !(front instanceof Loaded loaded) || !sameFile(path, file)
                    || !Objects.equals(options.encoding(), wanted.encoding())
                    || !Objects.equals(options.format(), wanted.format())
                    || !options.readers().equals(wanted.readers())
                    // the size limit only refuses: one that refuses neither read is the same limit
                    || loaded.attributes.size() > wanted.maxBytes() || !unchanged(file, loaded.attributes)) {
                return null;
            }
            taken = true;
            return loaded;
        }

        private static boolean sameFile(Path a, Path b) {
            return a.equals(b) || a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }

        private static boolean unchanged(Path file, BasicFileAttributes then) {
            BasicFileAttributes now;
            try {
                now = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                return false; // the read reports it
            }
            return now.size() == then.size() && now.lastModifiedTime().equals(then.lastModifiedTime())
                    && Objects.equals(now.fileKey(), then.fileKey());
        }
    }

    /** A file read, decoded and prepared, waiting to be parsed. */
    private record Loaded(BasicFileAttributes attributes, DecodedText decoded, Format format,
                          List<ParseProblem> fileProblems, CaptionReader.Prepared prepared) {
    }

    private static CaptionFileResult readFile(Path path, ReadOptions options, @Nullable Consumer<Cue> sink,
                                              @Nullable Ahead ahead) {
        Loaded loaded = ahead == null ? null : ahead.take(path, options);
        Object front = loaded != null ? loaded : load(path, options);
        // the result names the file as this caller does, whoever read it
        return front instanceof Loaded l ? parse(path, l, sink) : (CaptionFileResult) front;
    }

    /** Everything before the parse: a {@link Loaded}, or the {@link CaptionFileResult.Failed} refusal. */
    private static Object load(Path path, ReadOptions options) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return failed(path, "no such file");
        } catch (IOException e) {
            return failed(path, "cannot be read (" + IoReason.of(e) + ")");
        }
        if (attributes.isDirectory()) {
            return failed(path, "is a directory");
        }
        if (!attributes.isRegularFile()) {
            // a FIFO would block and /dev/zero never ends
            return failed(path, "not a regular file");
        }
        long size = attributes.size();
        if (size > options.maxBytes()) {
            return failed(path, Sizes.aboveLimit(size, options.maxBytes()) + " (captions.max-file-size); not read");
        }
        if (size > LARGEST_ARRAY) {
            return failed(path, Sizes.text(size) + " is too large for one caption file; not read");
        }
        if (size == 0) {
            return failed(path, "empty file");
        }
        if (!Files.isReadable(path)) {
            return failed(path, "cannot be read (permission denied)");
        }
        try {
            return load(path, attributes, (int) size, options);
        } catch (IOException e) {
            return failed(path, "cannot be read (" + IoReason.of(e) + ")");
        }
    }

    private static Object load(Path path, BasicFileAttributes attributes, int size, ReadOptions options)
            throws IOException {
        byte[] bytes = new byte[size];
        int length;
        try (InputStream in = Files.newInputStream(path)) {
            // the head first: a video named .srt is refused after 64 KB, not after reading all of it
            length = in.readNBytes(bytes, 0, Math.min(size, FileKinds.HEAD_BYTES));
            FileKind kind = FileKinds.detect(path, length == size ? bytes : Arrays.copyOf(bytes, length));
            // unknown bytes with a charset the user names are given the benefit of the doubt: UTF-16 of a script
            // outside Latin, without a BOM and with little ASCII, looks like binary data to any heuristic
            boolean vouchedFor = options.encoding() != null && kind.mediaType().equals("application/octet-stream");
            if (!kind.isText() && !vouchedFor) {
                return failed(path, "not a caption file (detected " + kind.mediaType() + ")");
            }
            if (options.format() == null && kind.caption() == CaptionSyntax.ASS) {
                return unsupported(path, CaptionSyntax.ASS);
            }
            length = readFully(in, bytes, length);
            if (length == size && in.read() >= 0) {
                return failed(path, "changed while being read (it grew); not read");
            }
        }
        if (length < size) {
            bytes = Arrays.copyOf(bytes, length); // it shrank while we read: take what is there
            if (length == 0) {
                return failed(path, "empty file");
            }
        }
        return prepare(path, attributes, TextDecoder.decode(bytes, options.encoding()), options);
    }

    /**
     * Reads into {@code bytes} from {@code from} until it is full or the stream ends; returns the count read in all.
     * At most {@link #READ_BLOCK} bytes per call: a channel's stream reads into a heap array through a temporary
     * direct buffer as large as the request, which the JDK allocates and zeroes afresh for a large one (15 ms of a
     * 19 MB file, profiled), where a small one is allocated once per thread and reused.
     */
    private static int readFully(InputStream in, byte[] bytes, int from) throws IOException {
        int n = from;
        while (n < bytes.length) {
            int read = in.read(bytes, n, Math.min(READ_BLOCK, bytes.length - n));
            if (read < 0) {
                break;
            }
            n += read;
        }
        return n;
    }

    private static Object prepare(Path path, BasicFileAttributes attributes, DecodedText decoded,
                                  ReadOptions options) {
        String fileName = path.getFileName() == null ? "" : path.getFileName().toString();
        String text = decoded.text();
        List<ParseProblem> fileProblems = new ArrayList<>(2);
        Format format = options.format();
        if (format == null) {
            Optional<CaptionSyntax> sniffed = FileKinds.sniffCaption(fileName, text);
            if (sniffed.isEmpty()) {
                return failed(path, "not a caption file (no SRT, WebVTT, SBV or TTML content found)");
            }
            CaptionSyntax syntax = sniffed.get();
            if (syntax.format().isEmpty()) {
                return unsupported(path, syntax);
            }
            format = syntax.format().get();
            Optional<Format> named = Format.fromFileName(fileName.toLowerCase(Locale.ROOT));
            if (named.isPresent() && named.get() != format && !fileName.toLowerCase(Locale.ROOT).endsWith(".xml")) {
                fileProblems.add(ParseProblem.of(0, ProblemCode.FORMAT_MISMATCH, "the file name says "
                        + CaptionSyntax.of(named.get()).displayName() + " but the content is " + syntax.displayName()
                        + "; read as " + syntax.displayName()));
            }
        }
        CaptionReader reader = options.readers().apply(format);
        if (reader == null) {
            return failed(path, CaptionSyntax.of(format).displayName() + " files cannot be read as captions");
        }
        if (decoded.replacedInvalid()) {
            int count = decoded.invalidCount();
            fileProblems.add(ParseProblem.of(decoded.firstInvalidLine(), ProblemCode.INVALID_ENCODING,
                    (count == 1 ? "1 byte sequence" : count + " byte sequences") + " not valid in "
                            + decoded.charset().name() + " replaced with U+FFFD (the first on this line)"));
        }
        return new Loaded(attributes, decoded, format, fileProblems, reader.prepare(text));
    }

    private static CaptionFileResult parse(Path path, Loaded loaded, @Nullable Consumer<Cue> sink) {
        DecodedText decoded = loaded.decoded();
        ParseResult parsed = sink == null ? loaded.prepared().read() : loaded.prepared().read(sink);
        // every reader names the text's line endings in its origin: asking Origin.lineEndingsOf again would scan a
        // 19 MB file once more (30 ms of a one-second convert)
        Origin origin = new Origin(loaded.format(), decoded.charset().name(), decoded.bom(),
                parsed.track().origin().lineEndings());
        List<ParseProblem> problems = parsed.problems();
        if (!loaded.fileProblems().isEmpty()) {
            problems = new ArrayList<>(loaded.fileProblems());
            problems.addAll(parsed.problems());
        }
        return new CaptionFileResult.Read(path, new ParseResult(parsed.track().withOrigin(origin), problems,
                parsed.cueLines()), decoded.charset(), decoded.replacedInvalid());
    }

    private static CaptionFileResult.Failed unsupported(Path path, CaptionSyntax syntax) {
        return failed(path, syntax.displayName() + " captions are not supported");
    }

    private static CaptionFileResult.Failed failed(Path path, String reason) {
        return new CaptionFileResult.Failed(path, reason);
    }
}
