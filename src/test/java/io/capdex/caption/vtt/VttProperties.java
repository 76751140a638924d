package io.capdex.caption.vtt;

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
import io.capdex.caption.Region;
import io.capdex.caption.Run;
import io.capdex.caption.Source;
import io.capdex.caption.Style;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Track;
import io.capdex.caption.Word;
import io.capdex.caption.WriteOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Round trips and robustness of the WebVTT reader and writer over generated input. */
class VttProperties {
    private static final VttReader READER = new VttReader();
    private static final VttWriter WRITER = new VttWriter();

    private static final String TEXT_CHARS = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 .,!?'-&<>é\u00A0\u200E\u3000漢";
    private static final List<String> TRICKY = List.of("&amp;", "&lt;", "&#233;", "&nbsp;", "-->", "<i>", "</c>",
            "<00:00:01.000>", "a&b", ";", "#", "\t");
    private static final List<String> CLASSES = List.of("loud", "soft", "title", "note", "x1");
    private static final List<String> COLOURS = List.of("red", "yellow", "#ff8800", "#00FF00", "rgb(0, 0, 255)");
    private static final List<String> NAMES = List.of("Ana", "Ben", "Dr. Ruiz", "Mary Ann");
    private static final List<String> LANGS = List.of("en", "fr", "pt-BR");
    private static final Map<String, List<String>> SETTINGS = Map.of(
            "vertical", List.of("rl", "lr"),
            "line", List.of("0", "-1", "3", "50%", "10%,end", "2,center", "0.5"),
            "position", List.of("10%", "50%,line-left", "99.5%,center"),
            "size", List.of("50%", "80.5%", "0%"),
            "align", List.of("start", "center", "end", "left", "right"));

    @Property(tries = 300)
    void writeThenReadGivesTheSameTrackWithNoProblems(@ForAll("tracks") Track track) {
        String text = WRITER.write(track);
        ParseResult back = READER.read(text);
        assertTrue(back.isClean(), () -> back.problems() + "\n" + text);
        assertEquals(track, back.track(), text);
        assertEquals(text, WRITER.write(back.track()), "canonical output is a fixed point");
    }

    /**
     * The stream writes each cue's text as {@link VttWriter#cueText} gives it; plain cues (no speaker, words or
     * styling) take their own shorter way there, so half the tracks are made plain.
     */
    @Property(tries = 300)
    void eachCueIsWrittenWithItsCueText(@ForAll("tracks") Track styled, @ForAll boolean plain) throws IOException {
        Track track = plain ? styled.withCues(styled.cues().stream().map(VttProperties::plain).toList()) : styled;
        for (Cue cue : track.cues()) {
            StringBuilder out = new StringBuilder();
            CaptionWriter.CueStream stream = WRITER.open(track.withCues(List.of()), out, WriteOptions.defaults())
                    .orElseThrow();
            int header = out.length();
            if (!stream.write(cue)) {
                continue; // a colour that needs the track's STYLE block: checked below
            }
            List<String> lines = List.of(out.substring(header).split("\n", -1));
            int timing = 0;
            while (!lines.get(timing).contains(" --> ")) {
                timing++;
            }
            String text = String.join("\n", lines.subList(timing + 1, lines.size())).replaceAll("\n+$", "");
            assertEquals(WRITER.cueText(cue), text, out.toString());
        }
    }

    /**
     * What the stream marks ASCII is (the recorder checks), the output is the same as without the mark, and a
     * plain cue without id or settings whose text is ASCII is marked.
     */
    @Property(tries = 300)
    void textMarkedAsciiIsAsciiAndWrittenTheSame(@ForAll("tracks") Track styled, @ForAll boolean plain)
            throws IOException {
        Track track = plain ? styled.withCues(styled.cues().stream().map(VttProperties::plain).toList()) : styled;
        RecordingAsciiOutput marked = new RecordingAsciiOutput();
        StringBuilder unmarked = new StringBuilder();
        CaptionWriter.CueStream a = WRITER.open(track.withCues(List.of()), marked, WriteOptions.defaults())
                .orElseThrow();
        CaptionWriter.CueStream b = WRITER.open(track.withCues(List.of()), unmarked, WriteOptions.defaults())
                .orElseThrow();
        for (Cue cue : track.cues()) {
            int before = marked.asciiAppends();
            assertEquals(b.write(cue), a.write(cue));
            boolean markable = plain && cue.id() == null && cue.settings().isEmpty()
                    && cue.text().chars().allMatch(c -> c < 0x80);
            if (markable) {
                assertEquals(before + 1, marked.asciiAppends(), cue::toString);
            }
        }
        assertEquals(unmarked.toString(), marked.text());
    }

    private static Cue plain(Cue cue) {
        List<Line> lines = cue.lines().stream()
                .map(l -> new Line(l.runs().stream().map(r -> Run.plain(r.text())).toList())).toList();
        return cue.withLines(lines).withSpeaker(null).withWords(List.of());
    }

    @Property(tries = 300)
    void writingCueByCueGivesTheWholeTrackOutputOrRefusesAColourClass(@ForAll("tracks") Track track,
                                                                      @ForAll boolean crlf) throws IOException {
        WriteOptions options = WriteOptions.defaults().withCrlf(crlf);
        StringBuilder out = new StringBuilder();
        // the header is the track's own (STYLE and REGION blocks), as a converter knows it before the first cue
        CaptionWriter.CueStream stream = WRITER.open(track.withCues(List.of()), out, options).orElseThrow();
        boolean refused = false;
        for (Cue cue : track.cues()) {
            if (!stream.write(cue)) {
                refused = true;
                break;
            }
        }
        String whole = WRITER.write(track, options);
        if (refused) {
            assertTrue(whole.contains(VttReader.COLOUR_BLOCK_MARK), "refused a cue without a colour class:\n" + whole);
        } else {
            stream.finish();
            assertEquals(whole, out.toString());
        }
    }

    @Property(tries = 200)
    void bomCrlfAndMissingFinalNewlineDoNotChangeCues(@ForAll("tracks") Track track) {
        String text = WRITER.write(track);
        List<Cue> cues = READER.read(text).track().cues();
        assertEquals(cues, READER.read("\uFEFF" + text).track().cues());
        assertEquals(cues, READER.read(text.replace("\n", "\r\n")).track().cues());
        assertEquals(cues, READER.read(text.substring(0, text.length() - 1)).track().cues());
        assertTrue(READER.read(text.replace("\n", "\r\n")).isClean());
    }

    @Property(tries = 1000)
    void lenientReadOfAnyTextNeverThrowsAndProblemLinesAreInRange(@ForAll("vttLikeText") String text) {
        checkLines(text);
    }

    @Property(tries = 300)
    void lenientReadOfArbitraryStringsNeverThrows(@ForAll String text) {
        checkLines(text);
        checkLines("WEBVTT\n\n" + text);
    }

    private static void checkLines(String text) {
        ParseResult r = READER.read(text);
        int lines = lineCount(text);
        for (ParseProblem p : r.problems()) {
            assertTrue(p.line() >= 1 && p.line() <= lines, () -> p + " outside 1.." + lines + " in " + text);
        }
        READER.parse(text);
        WRITER.write(r.track()); // whatever was read can be written
    }

    private static int lineCount(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }

    @Provide
    Arbitrary<String> vttLikeText() {
        Arbitrary<String> fragment = Arbitraries.of("WEBVTT", "WEBVTT ", "\n", "\n", "\n\n", "\r\n", "\r", "\0", "\uFEFF",
                " ", "\t", "-->", " --> ", "00:00.000", "00:00:01.500", "99:59:59.999", "1:2.3", "12:34:56.789",
                "NOTE", "STYLE", "REGION", "id:a", "width:40%", "lines:3", "regionanchor:0%,100%", "scroll:up",
                "region:a", "line:0", "line:50%,end", "position:10%,line-left", "size:50%", "align:left",
                "vertical:rl", "text", "<i>", "</i>", "<b>", "<c.red.loud>", "</c>", "<v Ana>", "</v>", "<ruby>",
                "<rt>", "</rt>", "</ruby>", "<lang fr>", "<00:00:01.000>", "<00:00:0", "&amp;", "&lt;", "&#233;",
                "&#x1F600;", "&#0;", "&#99999999999;", "&bogus;", "&amp", "&", "<", ">", "é", "\uFFFD", ":", ",");
        return fragment.list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<Track> tracks() {
        return Arbitraries.longs().map(seed -> track(new Random(seed)));
    }

    /** A legal track: what the writer can express and the reader reads back as it is. */
    private static Track track(Random rnd) {
        List<Region> regions = new ArrayList<>();
        int regionCount = rnd.nextInt(3);
        for (int i = 0; i < regionCount; i++) {
            Map<String, String> s = new LinkedHashMap<>();
            if (rnd.nextBoolean()) {
                s.put("width", pick(rnd, List.of("40%", "100%", "33.5%")));
            }
            if (rnd.nextBoolean()) {
                s.put("lines", pick(rnd, List.of("1", "3", "10")));
            }
            if (rnd.nextBoolean()) {
                s.put("regionanchor", pick(rnd, List.of("0%,100%", "50%,50%")));
            }
            if (rnd.nextBoolean()) {
                s.put("viewportanchor", pick(rnd, List.of("10%,90%", "0%,0%")));
            }
            if (rnd.nextBoolean()) {
                s.put("scroll", "up");
            }
            regions.add(new Region("r" + i, s));
        }
        List<String> styles = new ArrayList<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
            styles.add(pick(rnd, List.of("::cue { color: white; }", "::cue(.loud) {\n  font-weight: bold;\n}",
                    "::cue(v[voice=\"Ana\"]) { color: cyan }")));
        }
        List<Cue> cues = new ArrayList<>();
        long t = 0;
        for (int i = rnd.nextInt(6); i > 0; i--) {
            t += rnd.nextInt(3) == 0 ? rnd.nextInt(400) * 3_600_000L : rnd.nextInt(5000);
            long start = t;
            long end = start + 1 + rnd.nextInt(8000);
            cues.add(cue(rnd, start, end, regions));
            t = rnd.nextBoolean() ? end : start + rnd.nextInt(2000);
        }
        return new Track(Track.UNDETERMINED, Source.ASR, cues, regions, styles, Origin.of(Format.VTT));
    }

    private static Cue cue(Random rnd, long start, long end, List<Region> regions) {
        String speaker = rnd.nextInt(3) == 0 ? pick(rnd, NAMES) : null;
        List<Line> lines = new ArrayList<>();
        for (int l = 1 + rnd.nextInt(3); l > 0; l--) {
            List<Run> runs = new ArrayList<>();
            for (int r = 1 + rnd.nextInt(3); r > 0; r--) {
                runs.add(new Run(text(rnd), speaker == null ? style(rnd) : style(rnd).withVoice(null)));
            }
            lines.add(new Line(runs));
        }
        if (speaker == null) {
            // one voice over all the text is the cue's speaker: the model's normal form
            String only = singleVoice(lines);
            if (only != null) {
                speaker = only;
                lines = lines.stream().map(line -> new Line(line.runs().stream()
                        .map(run -> new Run(run.text(), run.style().withVoice(null))).toList())).toList();
            }
        }
        String id = rnd.nextInt(3) == 0 ? "c" + rnd.nextInt(1000) + (rnd.nextBoolean() ? "-x" : "") : null;
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : VttCueSettings.NAMES) {
            if (name.equals("region")) {
                if (!regions.isEmpty() && rnd.nextBoolean()) {
                    settings.put(name, pick(rnd, regions).id());
                }
            } else if (rnd.nextInt(4) == 0) {
                settings.put(name, pick(rnd, SETTINGS.get(name)));
            }
        }
        Cue cue = new Cue(new TimeSpan(start, end), id, lines, speaker, List.of(), settings);
        return rnd.nextInt(3) == 0 ? cue.withWords(words(rnd, cue)) : cue;
    }

    /** Words as the reader makes them: the text's tokens, ordered starts, each ending at the next later start. */
    private static List<Word> words(Random rnd, Cue cue) {
        List<String> tokens = new ArrayList<>();
        // Java's white space (Character.isWhitespace), as the reader splits words
        for (String tok : cue.text().split("[\\s\\x1C-\\x1F\\p{Zs}&&[^\\u00A0\\u2007\\u202F]]+")) {
            if (!tok.isEmpty()) {
                tokens.add(tok);
            }
        }
        long[] starts = new long[tokens.size()];
        long t = cue.startMs();
        for (int i = 0; i < starts.length; i++) {
            if (rnd.nextInt(3) > 0) {
                t += rnd.nextInt((int) Math.min(Integer.MAX_VALUE, cue.endMs() - t + 1));
            }
            starts[i] = t;
        }
        List<Word> words = new ArrayList<>(tokens.size());
        for (int i = 0; i < starts.length; i++) {
            long end = cue.endMs();
            for (int j = i + 1; j < starts.length; j++) {
                if (starts[j] > starts[i]) {
                    end = starts[j];
                    break;
                }
            }
            words.add(new Word(starts[i], end, tokens.get(i)));
        }
        return words;
    }

    /** The voice of all visible text, as the reader takes it for the speaker; with none visible, of every run. */
    private static String singleVoice(List<Line> lines) {
        boolean visible = lines.stream().flatMap(l -> l.runs().stream()).anyMatch(r -> !r.text().isBlank());
        String voice = null;
        boolean first = true;
        for (Line line : lines) {
            for (Run run : line.runs()) {
                if (visible && run.text().isBlank()) {
                    continue;
                }
                String v = run.style().voice();
                if (first) {
                    voice = v;
                    first = false;
                } else if (v == null ? voice != null : !v.equals(voice)) {
                    return null;
                }
            }
        }
        return voice;
    }

    private static Style style(Random rnd) {
        if (rnd.nextBoolean()) {
            return Style.PLAIN;
        }
        List<String> classes = new ArrayList<>();
        for (String c : CLASSES) {
            if (rnd.nextInt(5) == 0) {
                classes.add(c);
            }
        }
        return new Style(rnd.nextInt(3) == 0, rnd.nextInt(3) == 0, rnd.nextInt(4) == 0,
                rnd.nextInt(4) == 0 ? pick(rnd, COLOURS) : null, rnd.nextInt(4) == 0 ? pick(rnd, NAMES) : null,
                classes, rnd.nextInt(5) == 0 ? pick(rnd, LANGS) : null);
    }

    /** Text with the pieces that need escaping: markup, references and arrows must come back as text. */
    private static String text(Random rnd) {
        int len = 1 + rnd.nextInt(12);
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            if (rnd.nextInt(8) == 0) {
                sb.append(pick(rnd, TRICKY));
            } else {
                sb.append(TEXT_CHARS.charAt(rnd.nextInt(TEXT_CHARS.length())));
            }
        }
        return sb.toString();
    }

    private static <T> T pick(Random rnd, List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }
}
