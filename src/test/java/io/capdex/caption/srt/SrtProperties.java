package io.capdex.caption.srt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.CaptionWriter;
import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Line;
import io.capdex.caption.Origin;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import io.capdex.caption.RecordingAsciiOutput;
import io.capdex.caption.Run;
import io.capdex.caption.Style;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Track;
import io.capdex.caption.WriteOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Round-trip and robustness properties of the SRT reader and writer, after cdown/srt's hypothesis tests. */
class SrtProperties {
    private static final long MAX_MS = 150L * 3_600_000;
    /** Letters plus every character SRT markup is made of, so escaping is exercised. */
    private static final String TEXT_CHARS = "abrXYZ019 .,!?'\"-<>/&;#{}\\iIbBuU:é日";

    private final SrtReader reader = new SrtReader();
    private final SrtWriter writer = new SrtWriter();

    @Provide
    Arbitrary<Track> tracks() {
        // At least one cue: an empty track writes an empty file, which the reader reports as empty.
        return cue().list().ofMinSize(1).ofMaxSize(12).map(cues -> Track.of(Format.SRT, cues));
    }

    private Arbitrary<Cue> cue() {
        Arbitrary<Long> start = Arbitraries.longs().between(0, MAX_MS);
        // Ends drawn after starts: a zero duration is legal in the model but the reader warns about it.
        Arbitrary<Long> length = Arbitraries.longs().between(1, 20_000);
        Arbitrary<List<Line>> lines = line().list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Map<String, String>> settings = Arbitraries.of(Map.of(), Map.of("line", "0"));
        return Combinators.combine(start, length, lines, settings).as((s, d, ls, st) ->
                new Cue(new TimeSpan(s, s + d), null, ls, null, List.of(), st));
    }

    private Arbitrary<Line> line() {
        // Text without blank lines: a line that shows nothing is not SRT cue text.
        return run().list().ofMinSize(1).ofMaxSize(4).map(Line::new)
                .filter(l -> !SrtSyntax.isBlank(l.text()) && l.runs().stream().noneMatch(r -> hasUnknownTag(r.text())));
    }

    /** Text like "<a>": legal in the model, but SRT reads it back with an unknown-tag warning. */
    private static boolean hasUnknownTag(String text) {
        for (int i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
            int end = SrtSyntax.tagEnd(text, i, text.length());
            if (end >= 0 && !SrtSyntax.isKnownTag(text, i, end)) {
                return true;
            }
        }
        return false;
    }

    private Arbitrary<Run> run() {
        Arbitrary<String> text = Arbitraries.strings().withChars(TEXT_CHARS).ofMinLength(1).ofMaxLength(12);
        Arbitrary<Style> style = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.of("", "#ff0000", "yellow")).as((i, b, u, c) ->
                new Style(i, b, u, c.isEmpty() ? null : c, null, List.of(), null));
        return Combinators.combine(text, style).as(Run::new);
    }

    /**
     * What the writer marks ASCII is (the recorder checks), every cue written as ASCII is marked, and the output
     * is the same as without the mark.
     */
    @Property(tries = 300)
    void textMarkedAsciiIsAsciiAndWrittenTheSame(@ForAll("tracks") Track track) throws IOException {
        RecordingAsciiOutput out = new RecordingAsciiOutput();
        CaptionWriter.CueStream stream = writer.open(track, out, WriteOptions.defaults()).orElseThrow();
        for (Cue cue : track.cues()) {
            int before = out.asciiAppends();
            int from = out.text().length();
            stream.write(cue);
            boolean ascii = out.text().substring(from).chars().allMatch(c -> c < 0x80);
            assertEquals(ascii ? before + 1 : before, out.asciiAppends(), out.text().substring(from));
        }
        assertEquals(writer.write(track), out.text());
    }

    /**
     * Cue text as ASR writes it, plus what must send a cue the general way: markup characters, a NUL, Latin-1 and
     * wider characters (Ł and Ħ have the low bytes of 'A' and '&', 日 is a '?' in Latin-1), lines that start with
     * a digit or '-' after white space, and some that look like timings.
     */
    private static final String ASR_CHARS = "ab Z09-?.&<>{\t\0éŁĦ日";

    @Provide
    Arbitrary<Track> asrTracks() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().withChars(ASR_CHARS).ofMaxLength(14),
                Arbitraries.of("", "  ", "10 weeks", " -5 mg", "a \uD83D\uDE00", "What is remission?",
                        " 10:00 --> 11:00", "1 -> 2"));
        Arbitrary<Line> line = Arbitraries.oneOf(text.map(Line::plain),
                Combinators.combine(text, text).as((a, b) ->
                        new Line(List.of(Run.plain(a), new Run(b, Style.PLAIN.withItalic(true))))));
        Arbitrary<Map<String, String>> settings = Arbitraries.of(Map.of(), Map.of("line", "0"),
                Map.of("align", "center"), Map.of("line", "auto"));
        Arbitrary<Cue> cue = Combinators.combine(Arbitraries.longs().between(0, MAX_MS),
                Arbitraries.longs().between(0, 20_000), line.list().ofMaxSize(3), settings).as((s, d, ls, st) ->
                new Cue(new TimeSpan(s, s + d), null, ls, null, List.of(), st));
        return cue.list().ofMaxSize(8).map(cues -> Track.of(Format.SRT, cues));
    }

    /**
     * The writer lays out the commonest cues as bytes when its output takes them: what it writes that way is what
     * the general layout writes (into a StringBuilder, which takes no bytes), cue for cue, with LF or CRLF.
     */
    @Property(tries = 1000)
    void cuesLaidOutAsBytesReadAsTheGeneralLayout(@ForAll("asrTracks") Track track, @ForAll boolean crlf)
            throws IOException {
        WriteOptions options = WriteOptions.defaults().withCrlf(crlf);
        RecordingAsciiOutput out = new RecordingAsciiOutput();
        CaptionWriter.CueStream stream = writer.open(track, out, options).orElseThrow();
        for (Cue cue : track.cues()) {
            stream.write(cue);
        }
        stream.finish();
        assertEquals(writer.write(track, options), out.text());
    }

    @Property(tries = 500)
    void writeThenReadIsIdentityWithoutProblems(@ForAll("tracks") Track track) {
        String srt = writer.write(track);
        ParseResult r = reader.read(srt);
        assertEquals(List.of(), r.problems(), srt);
        assertEquals(track.cues(), r.track().cues(), srt);
        assertEquals(srt, writer.write(r.track()));
    }

    @Property(tries = 300)
    void bomCrlfAndMissingFinalNewlineDoNotChangeCues(@ForAll("tracks") Track track,
                                                      @ForAll boolean bom, @ForAll boolean crlf,
                                                      @ForAll @IntRange(min = 0, max = 2) int trailingNewlinesCut) {
        String srt = writer.write(track, WriteOptions.defaults().withCrlf(crlf));
        int nl = crlf ? 2 : 1;
        String variant = (bom ? "\uFEFF" : "") + srt.substring(0, Math.max(0, srt.length() - trailingNewlinesCut * nl));
        ParseResult r = reader.read(variant);
        assertEquals(track.cues(), r.track().cues());
        assertEquals(bom, r.track().origin().bom());
        assertTrue(r.problems().stream().noneMatch(ParseProblem::isError), r.problems()::toString);
    }

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> noise = Arbitraries.strings()
                .withChars("0123456789:,.->— \n\r\t<>/ibuIBU{}\\an8&;#xX\0\uFEFFfont=\"color\"")
                .ofMaxLength(400);
        Arbitrary<String> mutated = Combinators.combine(tracks(), Arbitraries.integers().list().ofMaxSize(8),
                noise.list().ofMaxSize(8)).as((t, cuts, inserts) -> {
                    StringBuilder sb = new StringBuilder(writer.write(t));
                    for (int i = 0; i < cuts.size(); i++) {
                        int at = sb.length() == 0 ? 0 : Math.floorMod(cuts.get(i), sb.length());
                        if (i % 2 == 0 && sb.length() > 0) {
                            sb.deleteCharAt(at);
                        } else if (i / 2 < inserts.size()) {
                            sb.insert(at, inserts.get(i / 2));
                        }
                    }
                    return sb.toString();
                });
        return Arbitraries.oneOf(noise, mutated, Arbitraries.strings().ofMaxLength(200));
    }

    @Property(tries = 1000)
    void streamedReadHandsOverTheSameCuesAndProblemsAsAWholeRead(@ForAll("anyText") String text) {
        ParseResult whole = reader.read(text);
        List<Cue> cues = new ArrayList<>();
        ParseResult streamed = reader.read(text, cues::add);
        assertEquals(whole.track().cues(), cues);
        assertEquals(whole.problems(), streamed.problems());
        assertEquals(whole.track().origin(), streamed.track().origin());
        assertTrue(streamed.track().cues().isEmpty());
    }

    @Property(tries = 300)
    void writingCueByCueGivesTheWholeTrackOutput(@ForAll("tracks") Track track, @ForAll boolean crlf)
            throws IOException {
        WriteOptions options = WriteOptions.defaults().withCrlf(crlf);
        StringBuilder out = new StringBuilder();
        CaptionWriter.CueStream stream = writer.open(Track.of(Format.SRT, List.of()), out, options).orElseThrow();
        for (Cue cue : track.cues()) {
            assertTrue(stream.write(cue));
        }
        stream.finish();
        assertEquals(writer.write(track, options), out.toString());
    }

    @Property(tries = 2000)
    void lenientReadNeverThrowsAndProblemLinesAreInRange(@ForAll("anyText") String text) {
        ParseResult r = reader.read(text);
        assertEquals(Origin.lineEndingsOf(text), r.track().origin().lineEndings());
        int lines = Math.max(1, lineCount(text));
        for (ParseProblem p : r.problems()) {
            assertTrue(p.line() >= 1 && p.line() <= lines, () -> p + " outside 1.." + lines);
        }
        for (Cue c : r.track().cues()) {
            for (Line l : c.lines()) {
                assertTrue(!SrtSyntax.isBlank(l.text()), "blank line in model");
            }
        }
    }

    /** Lines as a text editor counts them: CR, LF and CRLF end a line; a last line needs no terminator. */
    private static int lineCount(String text) {
        int count = 0;
        int n = text.length();
        boolean open = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                count++;
                open = false;
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                open = true;
            }
        }
        return count + (open ? 1 : 0);
    }
}
