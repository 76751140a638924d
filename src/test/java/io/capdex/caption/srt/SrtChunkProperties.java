package io.capdex.caption.srt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.CaptionReader;
import io.capdex.caption.Cue;
import io.capdex.caption.ParseResult;
import io.capdex.caption.ProblemCode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A large file is read in chunks by two threads (see SrtReader.Parse#chunkStarts); small chunks here make every
 * file large. Whatever the file, the chunked read must give what a read in one go gives: the same cues in the same
 * order, the same problems in the same order (the cap included), the same cue lines.
 */
class SrtChunkProperties {
    private final SrtReader whole = new SrtReader();

    /** Blocks of real-world SRT, canonical and not: what a chunk may start or end near. */
    @Provide
    Arbitrary<String> blocks() {
        Arbitrary<Integer> number = Arbitraries.integers().between(0, 40);
        Arbitrary<Integer> second = Arbitraries.integers().between(0, 70);
        Arbitrary<String> text = Arbitraries.of("Hello there", "<i>in italics", "a <b>bold</b> word", "{\\an8}Top",
                "5 -> 6 mg", "&amp; more", "", "   ", "42", "<font color=red>red");
        Arbitrary<String> timing = Arbitraries.of("00:00:%02d,000 --> 00:00:%02d,500", "0:0:%d.5 -> 0:0:%d.9",
                "00:00:%02d,000 --> 00:00:%02d,000 X1:1", "00:00:%02d,900 --> 00:00:%02d,100", "garbage --> %d%d");
        return Arbitraries.oneOf(
                net.jqwik.api.Combinators.combine(number, timing, second, text, text).as((n, t, sec, a, b) ->
                        n + "\n" + String.format(t, sec, sec + 1) + "\n" + a + "\n" + b + "\n\n"),
                net.jqwik.api.Combinators.combine(timing, second, text).as((t, sec, a) ->
                        String.format(t, sec, sec) + "\n" + a + "\n\n"),
                text.map(t -> t + "\n"),
                Arbitraries.just("\n"));
    }

    @Property(tries = 300)
    void chunkedReadIsTheReadInOneGo(@ForAll("files") String file, @ForAll @IntRange(min = 4, max = 60) int chunk) {
        SrtReader chunked = new SrtReader(chunk, 3);
        net.jqwik.api.statistics.Statistics.label("chunks").collect(Math.min(chunked.chunkCount(file, true), 5));
        assertEquals(whole.read(file), chunked.read(file));
        assertSameStream(file, chunked);
    }

    @Property(tries = 100)
    void chunkedReadOfCrLfAndNulsIsTheReadInOneGo(@ForAll("files") String file,
                                                  @ForAll @IntRange(min = 4, max = 60) int chunk) {
        SrtReader chunked = new SrtReader(chunk, 3);
        for (String variant : new String[] {file.replace("\n", "\r\n"), file.replace("\n\n", "\r\n\n"),
                file.replace("e", "e\0")}) {
            assertEquals(whole.read(variant), chunked.read(variant));
            assertSameStream(variant, chunked);
        }
    }

    /**
     * Text prepared ahead (its lines found, on another thread in a conversion) reads as the text does, whole or
     * streamed, in one go or in chunks, with BOM, CRLF and NULs; and it is read once.
     */
    @Property(tries = 100)
    void preparedTextReadsAsTheText(@ForAll("files") String file, @ForAll @IntRange(min = 4, max = 60) int chunk) {
        for (SrtReader reader : new SrtReader[] {whole, new SrtReader(chunk, 3)}) {
            for (String variant : new String[] {file, "\uFEFF" + file.replace("\n", "\r\n"),
                    file.replace("e", "e\0")}) {
                ParseResult expected = whole.read(variant);
                CaptionReader.Prepared prepared = reader.prepare(variant);
                assertEquals(expected, prepared.read());
                assertThrows(IllegalStateException.class, prepared::read);

                List<Cue> cues = new ArrayList<>();
                CaptionReader.Prepared streamed = reader.prepare(variant);
                assertEquals(whole.read(variant, c -> { }), streamed.read(cues::add));
                assertEquals(expected.track().cues(), cues);
                assertThrows(IllegalStateException.class, () -> streamed.read(c -> { }));
            }
        }
    }

    @Provide
    Arbitrary<String> files() {
        return blocks().list().ofMinSize(20).ofMaxSize(300).map(list -> String.join("", list));
    }

    /** The cue numbers jump exactly where chunks start, so the second thread's guess is wrong and read again. */
    @Example
    void aWrongGuessOfThePreviousCueNumberGivesTheSameProblems() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 400; i++) {
            int n = i % 7 == 0 ? i + 1000 : i;
            sb.append(n).append('\n').append(String.format("00:%02d:%02d,000 --> 00:%02d:%02d,500%n", i / 60, i % 60,
                    i / 60, i % 60)).append("cue ").append(i).append("\n\n");
        }
        String file = sb.toString();
        for (int chunk : new int[] {30, 64, 100, 333, 1000}) {
            SrtReader chunked = new SrtReader(chunk, 3);
            assertTrue(chunked.chunkCount(file, true) > 2, "read in chunks");
            ParseResult expected = whole.read(file);
            assertTrue(expected.problems().stream().anyMatch(p -> p.code().equals(ProblemCode.INDEX_SEQUENCE.id())));
            assertEquals(expected, chunked.read(file));
            assertSameStream(file, chunked);
        }
    }

    /** More problems than the cap: the kept ones, the count and the last line are those of a read in one go. */
    @Example
    void theProblemCapCountsOverChunks() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 3000; i++) {
            sb.append(i).append('\n').append("00:00:01,000  -->  00:00:02,000\n<x>cue</x>\n\n");
        }
        String file = sb.toString();
        ParseResult expected = whole.read(file);
        assertTrue(expected.problems().size() > 1000, "the cap is reached");
        for (int chunk : new int[] {50, 2000, 9000}) {
            SrtReader chunked = new SrtReader(chunk, 3);
            assertTrue(chunked.chunkCount(file, true) > 2, "read in chunks");
            assertEquals(expected, chunked.read(file));
            assertSameStream(file, chunked);
        }
    }

    /**
     * A whole read takes a second thread with two cores; a streamed one, whose sink has work of its own, with three.
     */
    @Example
    void aStreamedReadIsSplitOnlyWithThreeCores() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            sb.append(i).append("\n00:00:01,000 --> 00:00:02,000\ncue\n\n");
        }
        String file = sb.toString();
        assertEquals(1, new SrtReader(100, 1).chunkCount(file, false));
        assertEquals(1, new SrtReader(100, 1).chunkCount(file, true));
        assertTrue(new SrtReader(100, 2).chunkCount(file, false) > 2);
        assertEquals(1, new SrtReader(100, 2).chunkCount(file, true));
        assertTrue(new SrtReader(100, 3).chunkCount(file, true) > 2);
        assertEquals(1, new SrtReader(file.length() / 15, 3).chunkCount(file, false), "below MIN_CHUNKS chunks");
    }

    /** The one-thread reader (what bench parse measures) reads even a large whole file on the calling thread. */
    @Example
    void theOneThreadReaderNeverSplits() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 60_000; i++) {
            sb.append(i).append("\n00:00:01,000 --> 00:00:02,000\ncue\n\n");
        }
        String file = sb.toString();
        assertTrue(file.length() / SrtReader.MIN_CHUNKS >= SrtReader.CHUNK_CHARS, "large enough to split");
        assertTrue(new SrtReader(SrtReader.CHUNK_CHARS, 2).chunkCount(file, false) > 2);
        assertEquals(1, SrtReader.oneThread().chunkCount(file, false));
        assertEquals(whole.read(file), SrtReader.oneThread().read(file));
    }

    private void assertSameStream(String file, SrtReader chunked) {
        List<Cue> expected = new ArrayList<>();
        List<Cue> actual = new ArrayList<>();
        assertEquals(whole.read(file, expected::add), chunked.read(file, actual::add));
        assertEquals(expected, actual);
        assertEquals(whole.read(file).track().cues(), actual);
    }
}
