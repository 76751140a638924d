package io.capdex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.CaptionReader;
import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.ParseResult;
import io.capdex.caption.formats.CaptionFormats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file read ahead ({@link CaptionFiles#readAhead}) is taken only by a read of that file, with options that read
 * it the same way, while it is unchanged; and then the result is what reading it then would give.
 */
class CaptionFilesAheadTest {
    private static final Function<Format, @Nullable CaptionReader> READERS = CaptionFormats::reader;
    private static final ReadOptions OPTIONS = ReadOptions.defaults(READERS);

    @TempDir
    Path dir;

    /** An SRT file with problems (a wrong cue number, a dot before the milliseconds) and a non-ASCII word. */
    private Path srt(String name, int cues, String word) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= cues; i++) {
            sb.append(i == 3 ? 7 : i).append('\n')
                    .append(String.format("%02d:%02d:%02d%s000 --> %02d:%02d:%02d,500%n", i / 3600, i / 60 % 60,
                            i % 60, i == 5 ? "." : ",", i / 3600, i / 60 % 60, i % 60))
                    .append(word).append(' ').append(i).append("\n\n");
        }
        return Files.writeString(dir.resolve(name), sb, StandardCharsets.UTF_8);
    }

    private static CaptionFileResult.Read read(CaptionFileResult result) {
        return assertInstanceOf(CaptionFileResult.Read.class, result, result::toString);
    }

    @Test
    void theReadOfTheSameFileTakesItAndGetsWhatAReadGets() throws IOException {
        Path file = srt("a.srt", 50, "remisión");
        CaptionFileResult expected = CaptionFiles.read(file, OPTIONS);
        assertFalse(read(expected).problems().isEmpty(), "the file has problems to compare");

        CaptionFiles.Ahead ahead = CaptionFiles.readAhead(file, OPTIONS);
        assertFalse(ahead.taken());
        assertEquals(expected, CaptionFiles.read(file, OPTIONS, ahead));
        assertTrue(ahead.taken());
        // taken once: a second read reads the file itself, with the same result
        assertEquals(expected, CaptionFiles.read(file, OPTIONS, ahead));
    }

    @Test
    void aStreamTakesItAndGetsWhatAStreamGets() throws IOException {
        Path file = srt("a.srt", 50, "remisión");
        List<Cue> expectedCues = new ArrayList<>();
        CaptionFileResult expected = CaptionFiles.stream(file, OPTIONS, expectedCues::add);

        CaptionFiles.Ahead ahead = CaptionFiles.readAhead(file, OPTIONS);
        List<Cue> cues = new ArrayList<>();
        assertEquals(expected, CaptionFiles.stream(file, OPTIONS, cues::add, ahead));
        assertTrue(ahead.taken());
        assertEquals(expectedCues, cues);
        assertEquals(50, cues.size());
    }

    /** Several megabytes, not a whole number of the blocks the file is read in: every byte arrives, in order. */
    @Test
    void aLargeFileIsReadWhole() throws IOException {
        Path file = srt("large.srt", 60_000, "bloque");
        long size = Files.size(file);
        assertTrue(size > 2_500_000 && size % (1 << 20) != 0, "size " + size);
        for (CaptionFiles.Ahead ahead : new CaptionFiles.Ahead[] {null, CaptionFiles.readAhead(file, OPTIONS)}) {
            CaptionFileResult.Read read = read(CaptionFiles.read(file, OPTIONS, ahead));
            List<Cue> cues = read.track().cues();
            assertEquals(60_000, cues.size());
            for (int i = 0; i < cues.size(); i++) {
                assertEquals("bloque " + (i + 1), cues.get(i).text());
            }
            // a byte lost between blocks can leave the cues as they were (a line end between cues): the problems tell
            ParseResult direct = READERS.apply(Format.SRT).read(Files.readString(file));
            assertEquals(direct.problems(), read.problems());
            assertEquals(direct.track().cues(), cues);
        }
    }

    @Test
    void theSameFileByAnotherPathTakesIt() throws IOException {
        Path file = srt("a.srt", 10, "word");
        Files.createDirectory(dir.resolve("sub"));
        Path other = dir.resolve("sub").resolve("..").resolve("a.srt");
        CaptionFiles.Ahead ahead = CaptionFiles.readAhead(file, OPTIONS);
        assertEquals(other, read(CaptionFiles.read(other, OPTIONS, ahead)).path());
        assertTrue(ahead.taken());
    }

    @Test
    void aChangedFileIsReadAgain() throws IOException {
        Path file = srt("a.srt", 10, "word");
        CaptionFiles.Ahead grown = CaptionFiles.readAhead(file, OPTIONS);
        srt("a.srt", 12, "word");
        assertEquals(12, read(CaptionFiles.read(file, OPTIONS, grown)).track().cues().size());
        assertFalse(grown.taken());

        // the same size, other bytes, a later modification time
        CaptionFiles.Ahead rewritten = CaptionFiles.readAhead(file, OPTIONS);
        FileTime then = Files.getLastModifiedTime(file);
        srt("a.srt", 12, "wore");
        Files.setLastModifiedTime(file, FileTime.fromMillis(then.toMillis() + 2000));
        assertEquals("wore 1", read(CaptionFiles.read(file, OPTIONS, rewritten)).track().cues().get(0).text());
        assertFalse(rewritten.taken());
    }

    @Test
    void anotherFileDoesNotTakeIt() throws IOException {
        Path a = srt("a.srt", 10, "alpha");
        Path b = srt("b.srt", 10, "beta");
        CaptionFiles.Ahead ahead = CaptionFiles.readAhead(a, OPTIONS);
        assertEquals("beta 1", read(CaptionFiles.read(b, OPTIONS, ahead)).track().cues().get(0).text());
        assertFalse(ahead.taken());
    }

    @Test
    void optionsThatReadTheFileOtherwiseDoNotTakeIt() throws IOException {
        Path file = srt("a.srt", 10, "remisión");
        CaptionFiles.Ahead ahead = CaptionFiles.readAhead(file, OPTIONS);

        CaptionFileResult.Read latin1 = read(CaptionFiles.read(file, OPTIONS.withEncoding(StandardCharsets.ISO_8859_1),
                ahead));
        assertEquals("ISO-8859-1", latin1.track().origin().encoding());
        assertEquals("remisiÃ³n 1", latin1.track().cues().get(0).text());
        assertFalse(ahead.taken());

        CaptionFileResult asVtt = CaptionFiles.read(file, OPTIONS.withFormat(Format.VTT), ahead);
        assertEquals(CaptionFiles.read(file, OPTIONS.withFormat(Format.VTT)), asVtt);
        assertFalse(ahead.taken());

        ReadOptions otherReaders = ReadOptions.defaults(format -> READERS.apply(format));
        assertEquals(CaptionFiles.read(file, OPTIONS), CaptionFiles.read(file, otherReaders, ahead));
        assertFalse(ahead.taken());
    }

    @Test
    void aLowerSizeLimitStillRefusesTheFile() throws IOException {
        Path file = srt("a.srt", 10, "word");
        CaptionFiles.Ahead ahead = CaptionFiles.readAhead(file, OPTIONS);
        CaptionFileResult refused = CaptionFiles.read(file, OPTIONS.withMaxBytes(100), ahead);
        assertEquals(CaptionFiles.read(file, OPTIONS.withMaxBytes(100)), refused);
        assertInstanceOf(CaptionFileResult.Failed.class, refused);
        assertFalse(ahead.taken());

        // a limit that refuses neither read is the same limit
        assertEquals(CaptionFiles.read(file, OPTIONS), CaptionFiles.read(file, OPTIONS.withMaxBytes(1 << 20), ahead));
        assertTrue(ahead.taken());
    }

    @Test
    void aRefusedFileIsRefusedAgainByTheRead() throws IOException {
        Path binary = Files.write(dir.resolve("junk.srt"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 7, 8, 9, 0});
        CaptionFiles.Ahead ahead = CaptionFiles.readAhead(binary, OPTIONS);
        CaptionFileResult refused = CaptionFiles.read(binary, OPTIONS, ahead);
        assertEquals(CaptionFiles.read(binary, OPTIONS), refused);
        assertInstanceOf(CaptionFileResult.Failed.class, refused);
        assertFalse(ahead.taken());
    }
}
