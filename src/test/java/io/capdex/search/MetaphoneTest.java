package io.capdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetaphoneTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 6, 8, 12})
    void encodesEverySampleWordAsCommonsCodecDoes(int maxLength) throws IOException {
        List<String> words = sampleWords();
        assertTrue(words.size() > 1_000, "sample words: " + words.size());
        assertAllEqual(words, maxLength);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8})
    void encodesNamesMedicalTermsAndStopWordsAsCommonsCodecDoes(int maxLength) throws IOException {
        List<String> names = names();
        assertTrue(names.size() >= 300, "names: " + names.size());
        List<String> words = new ArrayList<>(names);
        names.forEach(n -> words.add(n.toLowerCase(Locale.ROOT)));
        names.forEach(n -> words.add(n.toUpperCase(Locale.ROOT)));
        EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(w -> words.add(new String((char[]) w)));
        assertAllEqual(words, maxLength);
    }

    /** The index encodes adjacent tokens joined without a space; every pair and triple of the samples and names. */
    @ParameterizedTest
    @ValueSource(ints = {4, 8})
    void encodesJoinedShinglesAsCommonsCodecDoes(int maxLength) throws IOException {
        List<String> shingles = new ArrayList<>();
        List<String> tokens = new ArrayList<>(sampleTokens());
        names().forEach(n -> tokens.add(n.toLowerCase(Locale.ROOT).replace(" ", "")));
        for (int i = 0; i + 1 < tokens.size(); i++) {
            shingles.add(tokens.get(i) + tokens.get(i + 1));
            if (i + 2 < tokens.size()) {
                shingles.add(tokens.get(i) + tokens.get(i + 1) + tokens.get(i + 2));
            }
        }
        assertTrue(shingles.size() > 4_000, "shingles: " + shingles.size());
        assertAllEqual(shingles, maxLength);
    }

    @Test
    void keepsTheLibrarysNullAndEmptyResults() {
        Metaphone m = new Metaphone(8);
        for (String blank : new String[] {"", " ", "\t\n", "\u0000 \u001F"}) {
            assertNull(MetaphoneProperties.oracle(blank, 8));
            assertNull(m.encode(blank), "blank " + blank.chars().boxed().toList());
        }
        assertNull(m.encode(null));
        assertEquals("", MetaphoneProperties.oracle("1234", 8));
        assertEquals("", m.encode("1234"));
        assertEquals("", m.encode("\u0561\u0562"));
    }

    @Test
    void stopsAtTheMaximumCodeLength() {
        assertEquals("PLNT", new Metaphone(4).encode("blinatumomab"));
        assertEquals("PLNTMMP", new Metaphone(8).encode("blinatumomab"));
        assertEquals("AKST", new Metaphone(4).encode("Accident"));
        assertEquals("A", new Metaphone(1).encode("Accident"));
    }

    @Test
    void rejectsACodeLengthBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new Metaphone(0));
    }

    /** Index and query both go through Analysis.Phonetics; its codes are the library's for letter tokens. */
    @Test
    void phoneticsCodesAreTheLibrarysCodes() throws IOException {
        Analysis.Phonetics phonetics = new Analysis.Phonetics();
        int compared = 0;
        for (String token : new LinkedHashSet<>(sampleTokens())) {
            if (token.chars().anyMatch(Character::isLetter)) {
                String expected = MetaphoneProperties.oracle(token, Analysis.MAX_CODE_LENGTH);
                String want = expected == null || expected.isEmpty() ? token : expected;
                assertEquals(want, phonetics.code(token), token);
                compared++;
            } else {
                assertEquals(token, phonetics.code(token), "a number is its own code");
            }
        }
        assertTrue(compared > 400, "tokens: " + compared);
    }

    private static void assertAllEqual(List<String> inputs, int maxLength) {
        Metaphone m = new Metaphone(maxLength);
        for (String s : inputs) {
            assertEquals(MetaphoneProperties.oracle(s, maxLength), m.encode(s), () -> "\"" + s + "\" at " + maxLength);
        }
    }

    /** Every distinct word of the sample captions and transcripts as written (case, accents, punctuation) and as folded tokens. */
    private static List<String> sampleWords() throws IOException {
        Set<String> words = new LinkedHashSet<>();
        for (String text : sampleTexts()) {
            for (String w : text.split("\\s+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                    words.add(w.replaceAll("[^\\p{L}\\p{N}']", ""));
                }
            }
        }
        words.addAll(sampleTokens());
        return new ArrayList<>(words);
    }

    /** The exact field's tokens of the samples, in text order. */
    private static List<String> sampleTokens() throws IOException {
        List<String> out = new ArrayList<>();
        try (Analyzer exact = Analysis.exact()) {
            for (String text : sampleTexts()) {
                Analysis.tokens(exact, text).forEach(t -> out.add(t.term()));
            }
        }
        return out;
    }

    private static List<String> sampleTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            for (Path p : files.filter(MetaphoneTest::isCaptionOrTranscript).sorted().toList()) {
                texts.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertTrue(texts.size() >= 3, "sample caption and transcript files: " + texts.size());
        return texts;
    }

    private static boolean isCaptionOrTranscript(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".srt") || name.endsWith(".vtt") || name.endsWith(".transcript.txt");
    }

    private static List<String> names() throws IOException {
        try (InputStream in = MetaphoneTest.class.getResourceAsStream("/metaphone/names.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}
