package io.capdex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.capdex.caption.CaptionReader;
import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Origin;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import io.capdex.caption.ProblemCode;
import io.capdex.caption.Track;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionFilesTest {
    private static final String SRT = "1\n00:00:01,000 --> 00:00:02,500\nHello.\n\n2\n00:00:03,000 --> 00:00:04,000\nBye.\n";
    private static final String VTT = "WEBVTT\n\n00:01.000 --> 00:02.500\nHello.\n";

    @TempDir
    Path dir;

    /** A stand-in for the real readers: one cue per timing line, the line endings, and what a reader reports about NULs. */
    private static final class FakeReader implements CaptionReader {
        final Format format;
        final List<String> seen = new ArrayList<>();

        FakeReader(Format format) {
            this.format = format;
        }

        @Override
        public ParseResult read(CharSequence text) {
            String s = text.toString();
            seen.add(s);
            List<Cue> cues = new ArrayList<>();
            List<ParseProblem> problems = new ArrayList<>();
            String[] lines = s.split("\r\n|\r|\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains("-->")) {
                    cues.add(Cue.of(cues.size() * 1000L, cues.size() * 1000L + 500, "cue"));
                }
                if (lines[i].indexOf('\0') >= 0) {
                    problems.add(ParseProblem.of(i + 1, ProblemCode.NUL_CHARACTER, "NUL removed"));
                }
            }
            // as every reader does, the origin names the line endings; the file layer fills in the encoding
            Origin origin = new Origin(format, "UTF-8", false, Origin.lineEndingsOf(s));
            return new ParseResult(Track.of(format, cues).withOrigin(origin), problems);
        }
    }

    private final Map<Format, FakeReader> readers = new EnumMap<>(Format.class);

    private ReadOptions options() {
        return ReadOptions.defaults(this::readerFor);
    }

    private @Nullable CaptionReader readerFor(Format format) {
        return format == Format.JSON ? null : readers.computeIfAbsent(format, FakeReader::new);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] resource(String name) {
        try (InputStream in = CaptionFilesTest.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String failure(Path path) {
        return failure(path, options());
    }

    private static String failure(Path path, ReadOptions options) {
        CaptionFileResult result = CaptionFiles.read(path, options);
        return assertInstanceOf(CaptionFileResult.Failed.class, result, result::toString).message();
    }

    private CaptionFileResult.Read read(Path path, ReadOptions options) {
        CaptionFileResult result = CaptionFiles.read(path, options);
        return assertInstanceOf(CaptionFileResult.Read.class, result, result::toString);
    }

    @Test
    void refusesAMissingFile() {
        Path missing = dir.resolve("missing.srt");
        assertEquals(missing + ": no such file", failure(missing));
    }

    @Test
    void refusesADirectory() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("folder.srt"));
        assertEquals(sub + ": is a directory", failure(sub));
    }

    @Test
    void refusesDevicesWithoutReadingThem() {
        Path device = Path.of("/dev/zero");
        assumeTrue(Files.exists(device));
        assertEquals("/dev/zero: not a regular file", failure(device));
    }

    @Test
    void refusesAnUnreadableFile() throws IOException {
        Path file = write("locked.srt", SRT);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as root: every file is readable");
        assertEquals(file + ": cannot be read (permission denied)", failure(file));
    }

    @Test
    void reportsTheSystemsReasonWhenAFileCannotBeExamined() throws IOException {
        Path a = dir.resolve("a.srt");
        Path b = dir.resolve("b.srt");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        // the JDK's own words follow (Linux: "too many levels of symbolic links or unable to access attributes…")
        String message = failure(a);
        assertTrue(message.startsWith(a + ": cannot be read (too many levels of symbolic links"), message);
    }

    @Test
    void refusesAFileAboveTheLimitBeforeReadingIt() throws IOException {
        Path big = dir.resolve("huge.srt");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(210L * 1024 * 1024); // sparse: no data blocks, and all NULs if anything did read it
        }
        assertEquals(big + ": 210 MB is above the 200 MB limit (captions.max-file-size); not read", failure(big));
        assertTrue(readers.isEmpty());
    }

    @Test
    void namesExactSizesWhenRoundingWouldHideTheDifference() throws IOException {
        Path file = write("a.srt", SRT + "x".repeat(2049 - SRT.length()));
        assertEquals(file + ": 2049 bytes is above the 2048-byte limit (captions.max-file-size); not read",
                failure(file, options().withMaxBytes(2048)));
        Path small = write("s.srt", SRT);
        assertEquals(small + ": " + SRT.length() + " bytes is above the 10 bytes limit (captions.max-file-size);"
                + " not read", failure(small, options().withMaxBytes(10)));
        Path kb = write("b.srt", "x".repeat(1536));
        assertEquals(kb + ": 1.5 KB is above the 1 KB limit (captions.max-file-size); not read",
                failure(kb, options().withMaxBytes(1024)));
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path empty = write("empty.srt", new byte[0]);
        assertEquals(empty + ": empty file", failure(empty));
    }

    @Test
    void refusesAVideo() throws IOException {
        Path mp4 = write("interview.mp4", resource("filekinds/tiny.mp4"));
        assertEquals(mp4 + ": not a caption file (detected video/mp4)", failure(mp4));
        Path renamed = write("interview.srt", resource("filekinds/tiny.mp4"));
        assertEquals(renamed + ": not a caption file (detected video/quicktime)", failure(renamed));
        assertTrue(readers.isEmpty());
    }

    @Test
    void refusesPdfAndImages() throws IOException {
        Path pdf = write("transcript.srt", resource("filekinds/tiny.pdf"));
        assertEquals(pdf + ": not a caption file (detected application/pdf)", failure(pdf));
        Path png = write("still.vtt", resource("filekinds/tiny.png"));
        assertEquals(png + ": not a caption file (detected image/png)", failure(png));
    }

    @Test
    void refusesBinaryDataOfUnknownKind() throws IOException {
        byte[] noise = new byte[100_000];
        new Random(7).nextBytes(noise);
        Path file = write("noise.srt", noise);
        assertEquals(file + ": not a caption file (detected application/octet-stream)", failure(file));
        Path nuls = write("nuls.srt", new byte[1024 * 1024]);
        assertEquals(nuls + ": not a caption file (detected application/octet-stream)", failure(nuls));
    }

    @Test
    void refusesAssAndSsa() throws IOException {
        String ass = "[Script Info]\nScriptType: v4.00+\n\n[Events]\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,Hi\n";
        Path named = write("a.ass", ass);
        assertEquals(named + ": ASS/SSA captions are not supported", failure(named));
        Path disguised = write("b.srt", ass);
        assertEquals(disguised + ": ASS/SSA captions are not supported", failure(disguised));
    }

    @Test
    void refusesTextWithoutCaptions() throws IOException {
        Path notes = write("notes.txt", "Nothing timed in here.\n");
        assertEquals(notes + ": not a caption file (no SRT, WebVTT, SBV or TTML content found)", failure(notes));
    }

    @Test
    void refusesAFormatWithoutAReader() throws IOException {
        Path json = write("track.json", "{\"format\":\"srt\",\"cues\":[]}");
        assertEquals(json + ": capdex JSON files cannot be read as captions", failure(json));
    }

    @Test
    void readsWindows1252AndSetsTheOrigin() throws IOException {
        Path file = write("es.srt", resource("encodings/es-windows-1252.srt"));
        CaptionFileResult.Read r = read(file, options());
        assertEquals(new Origin(Format.SRT, "windows-1252", false, "CRLF"), r.track().origin());
        assertEquals(3, r.track().cues().size());
        assertTrue(readers.get(Format.SRT).seen.get(0).contains("“No se preocupe” —dijo la señora Núñez—…"));
        assertFalse(r.replacedInvalid());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void readsUtf16WithBomAndSaysSo() throws IOException {
        Path file = write("es.srt", resource("encodings/es-utf-16le-bom.srt"));
        CaptionFileResult.Read r = read(file, options());
        assertEquals(new Origin(Format.SRT, "UTF-16LE", true, "LF"), r.track().origin());
        assertEquals(StandardCharsets.UTF_16LE, r.charset());
        assertFalse(readers.get(Format.SRT).seen.get(0).startsWith("\uFEFF"));
    }

    @Test
    void readsUtf16WithoutBomAndWithoutExtension() throws IOException {
        Path file = write("captions", resource("encodings/es-utf-16le.srt"));
        CaptionFileResult.Read r = read(file, options());
        assertEquals(new Origin(Format.SRT, "UTF-16LE", false, "LF"), r.track().origin());
        assertEquals(3, r.track().cues().size());
    }

    @Test
    void contentBeatsTheExtensionWithAWarning() throws IOException {
        Path file = write("really-vtt.srt", VTT);
        CaptionFileResult.Read r = read(file, options());
        assertEquals(Format.VTT, r.track().origin().format());
        assertEquals(List.of(ParseProblem.of(0, ProblemCode.FORMAT_MISMATCH,
                "the file name says SubRip but the content is WebVTT; read as WebVTT")), r.problems());
        assertEquals(List.of(Format.VTT), List.copyOf(readers.keySet()));
    }

    @Test
    void warnsAboutReplacedBytesAtTheirLine() throws IOException {
        Path file = write("bad.srt", resource("encodings/es-utf-8-one-bad-byte.srt"));
        CaptionFileResult.Read r = read(file, options());
        assertTrue(r.replacedInvalid());
        assertEquals(List.of(ParseProblem.of(12, ProblemCode.INVALID_ENCODING,
                "1 byte sequence not valid in UTF-8 replaced with U+FFFD (the first on this line)")), r.problems());
        assertEquals("UTF-8", r.track().origin().encoding());
    }

    @Test
    void forcedEncodingAndFormatWin() throws IOException {
        Path file = write("odd.txt", "00:00:01,000 --> 00:00:02,000\nse\u00f1ora\n");
        CaptionFileResult.Read r = read(file, options().withEncoding(StandardCharsets.ISO_8859_1).withFormat(Format.SBV));
        assertEquals(new Origin(Format.SBV, "ISO-8859-1", false, "LF"), r.track().origin());
        assertTrue(readers.get(Format.SBV).seen.get(0).contains("seÃ±ora"));
        assertEquals(List.of(), r.problems(), "a forced format is not a mismatch");
    }

    @Test
    void readsUnknownBytesWhenTheUserNamesTheirCharset() throws IOException {
        // UTF-16LE, no BOM, long lines of CJK: too little ASCII for the NUL pattern, too many low bytes for text
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append(i + 1).append("\n00:00:0").append(i % 10).append(",000 --> 00:00:0").append(i % 10)
                    .append(",500\n");
            for (int c = 0; c < 120; c++) {
                sb.append((char) (0x4E00 + (i * 131 + c * 37) % 0x5000));
            }
            sb.append("\n\n");
        }
        Path file = write("cjk.srt", sb.toString().getBytes(StandardCharsets.UTF_16LE));
        assertEquals(file + ": not a caption file (detected application/octet-stream)", failure(file));
        CaptionFileResult.Read r = read(file, options().withEncoding(StandardCharsets.UTF_16LE));
        assertEquals(40, r.track().cues().size());
        assertEquals(sb.toString(), readers.get(Format.SRT).seen.get(0));
        Path mp4 = write("video.srt", resource("filekinds/tiny.mp4"));
        assertEquals(mp4 + ": not a caption file (detected video/quicktime)",
                failure(mp4, options().withEncoding(StandardCharsets.UTF_16LE)));
    }

    @Test
    void passesNulBytesToTheReader() throws IOException {
        Path file = write("nul.srt", SRT.replace("Hello", "Hel\0lo"));
        CaptionFileResult.Read r = read(file, options());
        assertEquals(List.of(ParseProblem.of(3, ProblemCode.NUL_CHARACTER, "NUL removed")), r.problems());
        assertEquals(2, r.track().cues().size());
    }

    @Test
    void readsTextWithNulPaddingAtTheEnd() throws IOException {
        byte[] srt = SRT.getBytes(StandardCharsets.UTF_8);
        byte[] padded = java.util.Arrays.copyOf(srt, srt.length + 8192);
        CaptionFileResult.Read r = read(write("padded.srt", padded), options());
        assertEquals(2, r.track().cues().size());
        assertFalse(r.problems().isEmpty(), "the reader reports the NULs");
    }

    @Test
    void readsAOneMegabyteLine() throws IOException {
        String line = "x".repeat(1024 * 1024);
        Path file = write("long.srt", SRT + line + "\n");
        CaptionFileResult.Read r = read(file, options());
        assertEquals(SRT.length() + line.length() + 1, readers.get(Format.SRT).seen.get(0).length());
        assertEquals(2, r.track().cues().size());
        Path alone = write("alone", line);
        assertEquals(alone + ": not a caption file (no SRT, WebVTT, SBV or TTML content found)", failure(alone));
    }

    @Test
    void neverWritesAnything() throws IOException {
        write("a.srt", SRT);
        write("b.vtt", SRT);
        write("c.srt", new byte[0]);
        List<String> before = listing();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> CaptionFiles.read(f, options()));
        }
        assertEquals(before, listing());
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> {
                try {
                    return f.getFileName() + " " + Files.size(f) + " " + Files.getLastModifiedTime(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }

    @Test
    void sizesReadLikePeopleWriteThem() {
        assertEquals("1 byte", Sizes.text(1));
        assertEquals("1023 bytes", Sizes.text(1023));
        assertEquals("1 KB", Sizes.text(1024));
        assertEquals("250 MB", Sizes.text(250L * 1024 * 1024));
        assertEquals("2.5 GB", Sizes.text(5L * 512 * 1024 * 1024));
    }
}
