package io.capdex.export;

import io.capdex.caption.Track;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A standalone HTML transcript: {@code <html lang>}, a {@code <header>} holding the label and the warning (in the
 * warning's own language), then one {@code <p>} per paragraph with a {@code <time>} element. All text is escaped;
 * the page has no scripts and its Content-Security-Policy forbids them, so cue text such as
 * {@code <script>} shows as text and never runs.
 */
final class HtmlTranscript {
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");

    private HtmlTranscript() {
    }

    static String write(Track track, WarningText warning, WarningText label, @Nullable String title, String nl) {
        String heading = title != null && !title.isBlank() ? title.strip() : "Transcript";
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<!DOCTYPE html>").append(nl);
        sb.append("<html lang=\"").append(lang(track.language())).append("\">").append(nl);
        sb.append("<head>").append(nl);
        sb.append("<meta charset=\"utf-8\">").append(nl);
        sb.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'\">").append(nl);
        sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">").append(nl);
        sb.append("<meta name=\"generator\" content=\"capdex\">").append(nl);
        sb.append("<meta name=\"description\" content=\"").append(HtmlText.escape(warning.text())).append("\">").append(nl);
        sb.append("<title>").append(HtmlText.escape(heading)).append("</title>").append(nl);
        sb.append("<style>").append(nl)
                .append("body { font-family: system-ui, sans-serif; max-width: 46em; margin: 2em auto; "
                        + "padding: 0 1em; line-height: 1.5; }").append(nl)
                .append(".capdex-warning { border: 2px solid #b45309; background: #fffbeb; padding: 0.5em 1em; "
                        + "margin-bottom: 2em; }").append(nl)
                .append("time { color: #555; font-variant-numeric: tabular-nums; }").append(nl)
                .append(".speaker { font-weight: bold; }").append(nl)
                .append("</style>").append(nl);
        sb.append("</head>").append(nl);
        sb.append("<body>").append(nl);
        sb.append("<header class=\"capdex-warning\" role=\"note\" lang=\"").append(lang(warning.language()))
                .append("\">").append(nl);
        sb.append("<p><strong>").append(HtmlText.escape(label.text())).append("</strong></p>").append(nl);
        sb.append("<p>").append(HtmlText.escape(warning.text())).append("</p>").append(nl);
        sb.append("</header>").append(nl);
        sb.append("<main>").append(nl);
        sb.append("<h1>").append(HtmlText.escape(heading)).append("</h1>").append(nl);
        sb.append("<p class=\"about\">Language: ").append(HtmlText.escape(track.language())).append(" · Source: ")
                .append(HtmlText.escape(track.source().id())).append("</p>").append(nl);
        for (Transcript.Paragraph p : Transcript.of(track).paragraphs()) {
            sb.append("<p><time datetime=\"").append(duration(p.startMs())).append("\">")
                    .append(Transcript.clock(p.startMs())).append("</time> ");
            if (p.speaker() != null && !p.speaker().isBlank()) {
                sb.append("<span class=\"speaker\">").append(HtmlText.escape(p.speaker().strip())).append(":</span> ");
            }
            sb.append(HtmlText.escape(p.text())).append("</p>").append(nl);
        }
        sb.append("</main>").append(nl);
        sb.append("</body>").append(nl);
        sb.append("</html>").append(nl);
        return sb.toString();
    }

    /** A language tag safe in an attribute; anything else is {@code und}. */
    static String lang(String tag) {
        return LANGUAGE.matcher(tag).matches() ? tag : "und";
    }

    /** An ISO 8601 duration ({@code PT83.5S}), what {@code <time datetime>} takes for a point in a recording. */
    private static String duration(long ms) {
        return "PT" + (ms / 1000) + (ms % 1000 == 0 ? "" : String.format(java.util.Locale.ROOT, ".%03d", ms % 1000))
                + "S";
    }

}
