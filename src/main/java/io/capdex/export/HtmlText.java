package io.capdex.export;

/** Text made safe for HTML element content and quoted attribute values: every HTML page capdex writes uses it. */
public final class HtmlText {
    private HtmlText() {}

    /** Escapes text for element content and double- or single-quoted attributes; drops characters HTML forbids. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // control characters (but tab and line breaks) are parse errors in HTML
                    if (c >= 0x20 && c != 0x7F || c == '\t' || c == '\n' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
