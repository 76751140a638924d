package io.capdex.caption;

import java.util.ArrayList;
import java.util.List;

/**
 * Text with a style per UTF-16 char, so that repair can collapse spaces and move line breaks without losing
 * which words were italic, bold or coloured.
 */
final class StyledText {
    private final String text;
    private final Style[] styles;

    private StyledText(String text, Style[] styles) {
        this.text = text;
        this.styles = styles;
    }

    static StyledText of(Line line) {
        StringBuilder sb = new StringBuilder();
        List<Style> list = new ArrayList<>();
        for (Run run : line.runs()) {
            sb.append(run.text());
            for (int i = 0; i < run.text().length(); i++) {
                list.add(run.style());
            }
        }
        return new StyledText(sb.toString(), list.toArray(new Style[0]));
    }

    /**
     * Parts joined with one space. The space takes the style of the text on both sides when they agree (inside an
     * italic sentence it stays italic), else no style.
     */
    static StyledText join(List<StyledText> parts) {
        StringBuilder sb = new StringBuilder();
        List<Style> list = new ArrayList<>();
        for (StyledText part : parts) {
            if (part.text.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                Style before = list.get(list.size() - 1);
                sb.append(' ');
                list.add(before.equals(part.styles[0]) ? before : Style.PLAIN);
            }
            sb.append(part.text);
            list.addAll(List.of(part.styles));
        }
        return new StyledText(sb.toString(), list.toArray(new Style[0]));
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    StyledText sub(int from, int to) {
        Style[] s = new Style[to - from];
        System.arraycopy(styles, from, s, 0, to - from);
        return new StyledText(text.substring(from, to), s);
    }

    /**
     * Every white space character but the no-break ones becomes a space, runs of spaces become one (keeping the
     * first one's style), and the ends are trimmed. No-break spaces stay: they are deliberate (French spacing
     * before {@code ?}, a number kept with its unit).
     */
    StyledText normalisedSpaces() {
        StringBuilder sb = new StringBuilder(text.length());
        List<Style> list = new ArrayList<>(text.length());
        boolean pendingSpace = false;
        Style spaceStyle = Style.PLAIN;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u0085') {
                if (!pendingSpace) {
                    pendingSpace = true;
                    spaceStyle = styles[i];
                }
                continue;
            }
            if (pendingSpace && sb.length() > 0) {
                sb.append(' ');
                list.add(spaceStyle);
            }
            pendingSpace = false;
            sb.append(c);
            list.add(styles[i]);
        }
        return new StyledText(sb.toString(), list.toArray(new Style[0]));
    }

    Line toLine() {
        List<Run> runs = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || !styles[i].equals(styles[from])) {
                runs.add(new Run(text.substring(from, i), styles[from]));
                from = i;
            }
        }
        return new Line(runs);
    }
}
