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

    private CaptionFiles() {
    }

    /**
     * Reads one caption file. Every refusal is a {@link CaptionFileResult.Failed}; I/O errors become one too, so
     * a batch can go on with the next file.
     */
    public static CaptionFileResult read(Path path, ReadOptions options) {
        return read(path, options, null);
    }

    /**
     * Reads one caption file like {@link #read(Path, ReadOptions)}, with the same refusals and problems, but hands
     * each cue to {@code sink} in file order as the reader finds it (see {@link CaptionReader#read(CharSequence,
     * Consumer)}): the result's track has no cues. Nothing reaches the sink when the file is refused. An
     * unchecked exception from the sink stops the read and propagates.
     */
    public static CaptionFileResult stream(Path path, ReadOptions options, Consumer<Cue> sink) {
        return read(path, options, Objects.requireNonNull(sink, "sink"));
    }

    private static CaptionFileResult read(Path path, ReadOptions options, @Nullable Consumer<Cue> sink) {
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
            return read(path, (int) size, options, sink);
        } catch (IOException e) {
            return failed(path, "cannot be read (" + IoReason.of(e) + ")");
        }
    }

    private static CaptionFileResult read(Path path, int size, ReadOptions options, @Nullable Consumer<Cue> sink)
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
            length += in.readNBytes(bytes, length, size - length);
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
        return parse(path, TextDecoder.decode(bytes, options.encoding()), options, sink);
    }

    private static CaptionFileResult parse(Path path, DecodedText decoded, ReadOptions options,
                                           @Nullable Consumer<Cue> sink) {
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
        ParseResult parsed = sink == null ? reader.read(text) : reader.read(text, sink);
        // every reader names the text's line endings in its origin: asking Origin.lineEndingsOf again would scan a
        // 19 MB file once more (30 ms of a one-second convert)
        Origin origin = new Origin(format, decoded.charset().name(), decoded.bom(),
                parsed.track().origin().lineEndings());
        List<ParseProblem> problems = parsed.problems();
        if (!fileProblems.isEmpty()) {
            problems = new ArrayList<>(fileProblems);
            problems.addAll(parsed.problems());
        }
        return new CaptionFileResult.Read(path, new ParseResult(parsed.track().withOrigin(origin), problems, parsed.cueLines()),
                decoded.charset(), decoded.replacedInvalid());
    }

    private static CaptionFileResult unsupported(Path path, CaptionSyntax syntax) {
        return failed(path, syntax.displayName() + " captions are not supported");
    }

    private static CaptionFileResult failed(Path path, String reason) {
        return new CaptionFileResult.Failed(path, reason);
    }
}
