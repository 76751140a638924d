package io.capdex;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards the bundled sample interviews in {@code samples/} that tests, demo and benchmarks rely on.
 *
 * <p>Deliberately independent of capdex's own readers: it parses SRT/VTT with a strict regex and the MP4
 * box tree by hand, so a bug in a reader cannot hide a broken sample (and a broken sample cannot hide
 * behind a lenient reader).
 */
final class SampleInterviewsTest {

    private static final Path SAMPLES = Path.of("samples");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TIMING = Pattern.compile(
            "(\\d{2}):(\\d{2}):(\\d{2})([,.])(\\d{3}) --> (\\d{2}):(\\d{2}):(\\d{2})([,.])(\\d{3})");
    private static final long SYNC_TOLERANCE_MS = 100;

    /** One caption cue as the strict sample parser sees it. */
    private record SampleCue(long startMs, long endMs, List<String> lines) {
        String text() {
            return String.join(" ", lines);
        }
    }

    static Stream<Arguments> captionFiles() {
        return Stream.of(
                Arguments.of("all-remission", "all-remission.en.srt", "asr"),
                Arguments.of("all-remission", "all-remission.es.vtt", "mt"),
                Arguments.of("cart-therapy", "cart-therapy.es.srt", "asr"),
                Arguments.of("cart-therapy", "cart-therapy.en.srt", "mt"),
                Arguments.of("stem-cell-donor", "stem-cell-donor.en.srt", "asr"));
    }

    static Stream<Arguments> interviews() {
        return Stream.of(
                Arguments.of("all-remission", "eng"),
                Arguments.of("cart-therapy", "spa"),
                Arguments.of("stem-cell-donor", "eng"));
    }

    @ParameterizedTest
    @MethodSource("interviews")
    void truthSentencesAreOrderedAndInsideTheVideo(String id, String audioLanguage) throws IOException {
        JsonNode truth = truth(id);
        long previousEndMs = 0;
        for (JsonNode s : truth.get("sentences")) {
            long startMs = s.get("startMs").asLong();
            long endMs = s.get("endMs").asLong();
            assertTrue(startMs >= previousEndMs + 200, id + " sentence " + s.get("index") + " starts before a pause");
            assertTrue(endMs > startMs + 500, id + " sentence " + s.get("index") + " is too short");
            assertFalse(s.get("speaker").asText().isBlank());
            assertFalse(s.get("text").asText().isBlank());
            previousEndMs = endMs;
        }
        assertTrue(previousEndMs < truth.get("durationMs").asLong());
        assertEquals(audioLanguage, truth.get("audioLanguage").asText());
    }

    @ParameterizedTest
    @MethodSource("interviews")
    void videoIsSmallFastStartAndAsLongAsTheTruth(String id, String audioLanguage) throws IOException {
        byte[] mp4 = Files.readAllBytes(SAMPLES.resolve(id + ".mp4"));
        assertTrue(mp4.length <= 1_000_000, id + ".mp4 is " + mp4.length + " bytes");

        Map<String, ByteBuffer> top = boxes(ByteBuffer.wrap(mp4));
        List<String> order = new ArrayList<>(top.keySet());
        assertEquals("ftyp", order.get(0));
        assertTrue(order.indexOf("moov") < order.indexOf("mdat"), "moov must precede mdat (+faststart): " + order);

        ByteBuffer moov = top.get("moov");
        ByteBuffer mvhd = boxes(moov).get("mvhd");
        long timescale = mvhd.get(0) == 1 ? mvhd.getInt(20) : mvhd.getInt(12);
        long duration = mvhd.get(0) == 1 ? mvhd.getLong(24) : Integer.toUnsignedLong(mvhd.getInt(16));
        long durationMs = duration * 1000 / timescale;
        long truthMs = truth(id).get("durationMs").asLong();
        assertTrue(Math.abs(durationMs - truthMs) <= 50, id + ": mvhd " + durationMs + " ms, truth " + truthMs + " ms");
        assertTrue(durationMs >= 60_000 && durationMs <= 90_000, id + " lasts " + durationMs + " ms");

        assertEquals(audioLanguage, soundTrackLanguage(moov), id + " audio language tag");
    }

    @ParameterizedTest
    @MethodSource("captionFiles")
    void captionsAreCanonicalAndFollowTheTruthTiming(String id, String file, String source) throws IOException {
        byte[] raw = Files.readAllBytes(SAMPLES.resolve(file));
        String text = new String(raw, StandardCharsets.UTF_8);
        assertFalse(raw.length >= 3 && raw[0] == (byte) 0xEF, file + " has a BOM");
        assertFalse(text.contains("\r"), file + " has CR line endings");
        List<SampleCue> cues = parse(file, text);
        assertTrue(cues.size() >= 10, file + " has " + cues.size() + " cues");

        long previousEndMs = 0;
        for (SampleCue cue : cues) {
            assertTrue(cue.startMs() >= previousEndMs && cue.endMs() > cue.startMs(), file + " " + cue);
            assertTrue(cue.endMs() - cue.startMs() <= 6_100, file + " cue too long: " + cue);
            assertTrue(cue.lines().size() <= 2, file + " more than 2 lines: " + cue);
            cue.lines().forEach(l -> assertTrue(l.length() <= 42, file + " line longer than 42: " + l));
            previousEndMs = cue.endMs();
        }
        for (JsonNode s : truth(id).get("sentences")) {
            long startMs = s.get("startMs").asLong();
            long endMs = s.get("endMs").asLong();
            assertTrue(cues.stream().anyMatch(c -> Math.abs(c.startMs() - startMs) <= SYNC_TOLERANCE_MS),
                    file + ": no cue starts near sentence " + s.get("index") + " at " + startMs + " ms");
            assertTrue(cues.stream().anyMatch(c -> Math.abs(c.endMs() - endMs) <= SYNC_TOLERANCE_MS),
                    file + ": no cue ends near sentence " + s.get("index") + " at " + endMs + " ms");
        }
        String all = joined(cues);
        String key = source.equals("asr") ? "asrText" : "translation";
        for (JsonNode s : truth(id).get("sentences")) {
            assertTrue(all.contains(s.get(key).asText()), file + " lacks the " + key + " of sentence " + s.get("index"));
        }
    }

    @Test
    void asrCaptionsCarryTheDocumentedMishearingsAndTheTranscriptDoesNot() throws IOException {
        String asr = joined(parse("all-remission.en.srt", read("all-remission.en.srt")));
        String transcript = read("all-remission.transcript.txt");
        String readme = read("README.md");
        for (String heard : List.of("look emia", "blina to mo mab", "car tea", "M R D")) {
            assertTrue(asr.contains(heard), "ASR lacks " + heard);
            assertFalse(transcript.contains(heard), "transcript contains " + heard);
            assertTrue(readme.contains(heard), "README does not list " + heard);
        }
        for (String term : List.of("leukaemia", "blinatumomab", "CAR-T", "MRD", "measurable residual disease")) {
            assertTrue(transcript.contains(term), "transcript lacks " + term);
        }
        assertTrue(transcript.startsWith("Interviewer: "));
        assertTrue(transcript.contains("\n\nDr Hakobyan: "));
    }

    @Test
    void spanishCaptionsKeepTheirAccents() throws IOException {
        String asr = read("cart-therapy.es.srt");
        for (String s : List.of("ñ", "á", "é", "í", "ó", "ú", "¿", "¡", "Á")) {
            assertTrue(asr.contains(s), "cart-therapy.es.srt lacks " + s);
        }
    }

    @Test
    void oneCueCarriesTheXssProbeVerbatim() throws IOException {
        List<SampleCue> cues = parse("stem-cell-donor.en.srt", read("stem-cell-donor.en.srt"));
        long probes = cues.stream()
                .filter(c -> c.lines().equals(List.of("<script>alert(1)</script>", "<img src=x onerror=alert(2)>")))
                .count();
        assertEquals(1, probes);
    }

    @ParameterizedTest
    @MethodSource("interviews")
    void pagesCarryTheirMetadata(String id, String audioLanguage) throws IOException {
        String page = read(id + ".html");
        assertAll(
                () -> assertTrue(page.contains("<meta name=\"author\" content=\"")),
                () -> assertTrue(page.contains("<meta name=\"description\" content=\"")),
                () -> assertTrue(page.contains("<meta property=\"article:published_time\" content=\"2025-")),
                () -> assertTrue(page.contains("<dt>Speaker:</dt>")),
                () -> assertTrue(page.contains("<dt>Affiliation:</dt>")),
                () -> assertTrue(page.contains("<dt>Date:</dt>")),
                () -> assertTrue(page.contains(truth(id).get("speakers").get(1).get("name").asText())));
    }

    @Test
    void spanishTranscriptIsADocx() throws IOException {
        byte[] docx = Files.readAllBytes(SAMPLES.resolve("cart-therapy.transcript.docx"));
        assertEquals('P', docx[0]);
        assertEquals('K', docx[1]);
        assertTrue(new String(docx, StandardCharsets.ISO_8859_1).contains("word/document.xml"));
    }

    private static List<SampleCue> parse(String file, String text) {
        boolean vtt = file.endsWith(".vtt");
        String[] blocks = text.stripTrailing().split("\n\n");
        List<SampleCue> cues = new ArrayList<>();
        int first = 0;
        if (vtt) {
            assertTrue(blocks[0].startsWith("WEBVTT"), file + " lacks the WEBVTT header");
            first = 1;
        }
        for (int b = first; b < blocks.length; b++) {
            List<String> lines = new ArrayList<>(List.of(blocks[b].split("\n")));
            if (!vtt) {
                assertEquals(String.valueOf(cues.size() + 1), lines.remove(0), file + " cue numbering");
            }
            Matcher m = TIMING.matcher(lines.remove(0));
            if (!m.matches()) {
                fail(file + ": bad timing line in block " + b);
            }
            String separator = vtt ? "." : ",";
            assertEquals(separator, m.group(4));
            assertEquals(separator, m.group(9));
            cues.add(new SampleCue(ms(m, 1), ms(m, 6), List.copyOf(lines)));
        }
        return cues;
    }

    private static long ms(Matcher m, int g) {
        return ((Long.parseLong(m.group(g)) * 60 + Long.parseLong(m.group(g + 1))) * 60
                + Long.parseLong(m.group(g + 2))) * 1000 + Long.parseLong(m.group(g + 4));
    }

    private static String joined(List<SampleCue> cues) {
        return String.join(" ", cues.stream().map(SampleCue::text).toList());
    }

    /** The direct child boxes of an MP4 box payload, by type, in file order (payloads only). */
    private static Map<String, ByteBuffer> boxes(ByteBuffer payload) {
        Map<String, ByteBuffer> out = new LinkedHashMap<>();
        ByteBuffer in = payload.duplicate();
        while (in.remaining() >= 8) {
            int at = in.position();
            long size = Integer.toUnsignedLong(in.getInt());
            String type = new String(new byte[] {in.get(), in.get(), in.get(), in.get()}, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                size = in.getLong();
                header = 16;
            } else if (size == 0) {
                size = payload.limit() - at;
            }
            in.position(at + header);
            ByteBuffer body = in.slice();
            body.limit((int) size - header);
            out.putIfAbsent(type, body);
            in.position(at + (int) size);
        }
        return out;
    }

    /** ISO 639-2 code packed into the mdhd box of the sound track. */
    private static String soundTrackLanguage(ByteBuffer moov) {
        ByteBuffer in = moov.duplicate();
        while (in.remaining() >= 8) {
            int at = in.position();
            int size = in.getInt();
            String type = new String(new byte[] {in.get(), in.get(), in.get(), in.get()}, StandardCharsets.ISO_8859_1);
            if (type.equals("trak")) {
                ByteBuffer trak = in.slice();
                trak.limit(size - 8);
                Map<String, ByteBuffer> mdia = boxes(boxes(trak).get("mdia"));
                ByteBuffer hdlr = mdia.get("hdlr");
                String handler = new String(new byte[] {hdlr.get(8), hdlr.get(9), hdlr.get(10), hdlr.get(11)},
                        StandardCharsets.ISO_8859_1);
                if (handler.equals("soun")) {
                    ByteBuffer mdhd = mdia.get("mdhd");
                    int packed = mdhd.getShort(mdhd.get(0) == 1 ? 32 : 20) & 0x7FFF;
                    return new String(new char[] {
                        (char) (((packed >> 10) & 31) + 0x60),
                        (char) (((packed >> 5) & 31) + 0x60),
                        (char) ((packed & 31) + 0x60)});
                }
            }
            in.position(at + size);
        }
        fail("no sound track");
        return "";
    }

    private static JsonNode truth(String id) throws IOException {
        JsonNode node = JSON.readTree(SAMPLES.resolve(id + ".truth.json").toFile());
        assertNotNull(node.get("sentences"));
        return node;
    }

    private static String read(String name) throws IOException {
        return Files.readString(SAMPLES.resolve(name), StandardCharsets.UTF_8);
    }
}
