package io.capdex.align;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An edited transcript as plain text: paragraphs, who speaks each, and its words with their punctuation kept for
 * output and their normalised forms for alignment.
 *
 * @param paragraphs in reading order; never empty paragraphs
 */
public record TranscriptText(List<Paragraph> paragraphs) {

    /** Words of one speaker turn or one blank-line-separated paragraph. */
    public record Paragraph(@Nullable String speaker, List<Token> tokens) {
        public Paragraph {
            tokens = List.copyOf(tokens);
        }
    }

    /**
     * One whitespace-separated piece of the transcript.
     *
     * @param text as written, punctuation included ({@code "leukaemia,"})
     * @param words its normalised words ({@link WordNormalizer}); empty for a dash or a {@code [laughs]} note
     */
    public record Token(String text, List<String> words) {
        public Token {
            Objects.requireNonNull(text, "text");
            words = List.copyOf(words);
        }
    }

    private static final String NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}.'\u2019\\-]*";
    private static final String PARTICLE = "(?:de|del|la|las|los|van|von|da|di|du|le|y|and)";
    /** A label: one to five name words (particles between), then a colon and a space or the line end. */
    private static final Pattern LABEL = Pattern.compile(
            "^\\s*(" + NAME_WORD + "(?:\\s+(?:" + NAME_WORD + "|" + PARTICLE + ")){0,4}"
                    + "(?:\\s+\\d{1,2})?)\\s*:(?=\\s|$)");
    /** Roles that are speaker labels even when written once and as one word. */
    private static final Set<String> ROLES = Set.of("q", "a", "p", "r", "interviewer", "interviewee", "host",
            "guest", "moderator", "patient", "doctor", "nurse", "speaker", "caller", "narrator", "entrevistador",
            "entrevistadora", "entrevistado", "entrevistada", "pregunta", "respuesta", "paciente", "médico",
            "médica", "presentador", "presentadora", "invitado", "invitada", "question", "answer");

    public TranscriptText {
        paragraphs = List.copyOf(paragraphs);
    }

    /**
     * Reads plain text. A blank line ends a paragraph; a speaker label at the start of a line ({@code Dr Hakobyan:},
     * {@code INTERVIEWER:}, {@code Q:}) starts one and names its speaker, and later paragraphs keep that speaker
     * until the next label. A single capitalised word before a colon ({@code Note:}) is a label only when it is a
     * known role or starts at least two lines, so that ordinary sentences are not taken for speakers. Words in
     * square brackets ({@code [laughs]}, {@code [inaudible]}) are kept for display but are not spoken words.
     */
    public static TranscriptText parse(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        Map<String, Integer> labelCounts = new HashMap<>();
        for (String line : lines) {
            Matcher m = LABEL.matcher(line);
            if (m.find()) {
                labelCounts.merge(m.group(1).strip(), 1, Integer::sum);
            }
        }
        List<Paragraph> out = new ArrayList<>();
        @Nullable String speaker = null;
        List<Token> current = new ArrayList<>();
        boolean inNote = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                flush(out, speaker, current);
                continue;
            }
            Matcher m = LABEL.matcher(line);
            if (m.find() && isLabel(m.group(1).strip(), labelCounts)) {
                flush(out, speaker, current);
                speaker = m.group(1).strip();
                line = line.substring(m.end()).strip();
            }
            for (String piece : line.split("\\s+")) {
                if (piece.isEmpty()) {
                    continue;
                }
                boolean opens = piece.startsWith("[");
                boolean note = inNote || opens;
                inNote = note && !piece.endsWith("]");
                current.add(new Token(piece, note ? List.of() : WordNormalizer.words(piece)));
            }
        }
        flush(out, speaker, current);
        return new TranscriptText(out);
    }

    private static boolean isLabel(String label, Map<String, Integer> counts) {
        String lower = label.toLowerCase(Locale.ROOT);
        String firstWord = lower.split("\\s+")[0];
        if (ROLES.contains(lower) || ROLES.contains(firstWord)) {
            return true;
        }
        if (label.contains(" ") || counts.getOrDefault(label, 0) >= 2) {
            return true;
        }
        return label.length() > 1 && label.equals(label.toUpperCase(Locale.ROOT)); // INTERVIEWER, DR.
    }

    private static void flush(List<Paragraph> out, @Nullable String speaker, List<Token> tokens) {
        if (!tokens.isEmpty()) {
            out.add(new Paragraph(speaker, tokens));
            tokens.clear();
        }
    }

    /** All normalised words in order: the reference of the error rate. */
    public List<String> words() {
        List<String> out = new ArrayList<>();
        for (Paragraph p : paragraphs) {
            for (Token t : p.tokens()) {
                out.addAll(t.words());
            }
        }
        return out;
    }

    /** True when the transcript holds no spoken word. */
    public boolean isEmpty() {
        for (Paragraph p : paragraphs) {
            for (Token t : p.tokens()) {
                if (!t.words().isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }
}
