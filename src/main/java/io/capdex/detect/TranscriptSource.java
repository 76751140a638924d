package io.capdex.detect;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an edited transcript (TXT, DOCX, PDF, ODT, HTML) as plain text for {@code align}, which knows no
 * documents: one paragraph per speaker turn or source paragraph, separated by a blank line; lines a paragraph
 * was wrapped into (PDF lines, hard-wrapped text, {@code <br>}) joined with a space unless the next line starts
 * with a speaker label ({@code Dr Hakobyan:}); a two-column table row (speaker, words) read as
 * {@code speaker: words}. Text is NFC, without soft hyphens, zero-width characters or no-break spaces. Speaker
 * labels are left in the text for {@code align} to parse. Thread-safe.
 */
public final class TranscriptSource {
    // "Interviewer: …", "Dr. Álvarez: …", "DR HAKOBYAN: …": a capitalised name of at most five words, then a colon
    private static final Pattern SPEAKER_LABEL = Pattern.compile(
            "[\\p{Lu}][\\p{L}\\p{M}.’'\\-]*(?: [\\p{L}\\p{M}.’'\\-]+){0,4}\\s?:\\s.*");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B\\u200C\\u200D\\u2060\\uFEFF]");
    private static final Pattern SPACES = Pattern.compile("[ \\u00A0\\u2007\\u202F]+");
    private static final int MAX_LABEL_CELL = 40;

    private TranscriptSource() {
    }

    /** The transcript's text; a {@link DocumentException} when the file gives none (see {@link DocumentText}). */
    public static String read(Path path) throws DocumentException {
        return normalise(DocumentText.read(path).text());
    }

    /** The paragraph rules of the class comment, applied to text whose paragraphs are separated by blank lines. */
    static String normalise(String text) {
        String clean = Normalizer.normalize(INVISIBLE.matcher(text).replaceAll(""), Normalizer.Form.NFC);
        List<String> paragraphs = new ArrayList<>();
        for (String block : clean.split("\n\\s*\n")) {
            StringBuilder paragraph = new StringBuilder();
            for (String rawLine : block.split("\n")) {
                String line = SPACES.matcher(cells(rawLine)).replaceAll(" ").strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (!paragraph.isEmpty() && SPEAKER_LABEL.matcher(line).matches()) {
                    paragraphs.add(paragraph.toString());
                    paragraph.setLength(0);
                }
                if (!paragraph.isEmpty()) {
                    paragraph.append(' ');
                }
                paragraph.append(line);
            }
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph.toString());
            }
        }
        return String.join("\n\n", paragraphs);
    }

    /** A table row's cells: {@code Interviewer⇥Welcome} becomes {@code Interviewer: Welcome}; other tabs spaces. */
    private static String cells(String line) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            return line;
        }
        String first = line.substring(0, tab).strip();
        String rest = line.substring(tab + 1).replace('\t', ' ').strip();
        boolean label = !first.isEmpty() && first.length() <= MAX_LABEL_CELL && line.indexOf('\t', tab + 1) < 0
                && Character.isUpperCase(first.codePointAt(0)) && !first.matches(".*[.!?;,]$")
                && !first.matches(".*\\d.*");
        if (!label) {
            return line.replace('\t', ' ');
        }
        return first.endsWith(":") ? first + " " + rest : first + ": " + rest;
    }
}
