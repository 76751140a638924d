package io.capdex.caption.ttml;

import io.capdex.caption.CaptionWriter;
import io.capdex.caption.Cue;
import io.capdex.caption.Line;
import io.capdex.caption.Run;
import io.capdex.caption.Style;
import io.capdex.caption.Track;
import io.capdex.caption.WriteOptions;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes canonical TTML 1.0: a UTF-8 declaration, {@code <head>} with a base style and {@code top} and
 * {@code bottom} regions (and speakers as {@code ttm:agent}s), then one {@code <p>} per cue with
 * {@code hh:mm:ss.mmm} times, {@code <br/>} between lines and {@code <span tts:…>} for italic, bold, underline
 * and colour. WebVTT voices, classes and inline languages have no TTML form here and are dropped. Stateless and
 * thread-safe.
 */
public final class TtmlWriter implements CaptionWriter {
    private final @Nullable String description;

    /** A writer with no document description. */
    public TtmlWriter() {
        this(null);
    }

    private TtmlWriter(@Nullable String description) {
        this.description = description;
    }

    /**
     * A writer that also puts {@code description} into the head's metadata as {@code <ttm:desc>}: where a
     * document-level note such as the AI-caption accuracy warning belongs in TTML.
     */
    public TtmlWriter withDescription(String description) {
        return new TtmlWriter(description);
    }

    @Override
    public void write(Track track, Appendable out, WriteOptions options) throws IOException {
        String nl = options.newline();
        Map<String, String> agents = agents(track);
        StringBuilder sb = new StringBuilder(512);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").append(nl);
        sb.append("<tt xmlns=\"").append(TtmlReader.TTML_NS).append('"')
                .append(" xmlns:tts=\"http://www.w3.org/ns/ttml#styling\"")
                .append(" xmlns:ttm=\"http://www.w3.org/ns/ttml#metadata\"")
                .append(" xmlns:ttp=\"http://www.w3.org/ns/ttml#parameter\"")
                .append(" ttp:timeBase=\"media\"")
                // an empty xml:lang is XML's way of saying the language is not known
                .append(" xml:lang=\"").append(Track.UNDETERMINED.equals(track.language()) ? ""
                        : escape(track.language(), true)).append("\">").append(nl);
        sb.append("  <head>").append(nl);
        if (!agents.isEmpty() || description != null) {
            sb.append("    <metadata>").append(nl);
            if (description != null) {
                sb.append("      <ttm:desc>").append(escape(description, false).replace("\n", "&#10;"))
                        .append("</ttm:desc>").append(nl);
            }
            for (Map.Entry<String, String> a : agents.entrySet()) {
                sb.append("      <ttm:agent xml:id=\"").append(a.getValue()).append("\" type=\"person\"><ttm:name>")
                        .append(escape(a.getKey(), false)).append("</ttm:name></ttm:agent>").append(nl);
            }
            sb.append("    </metadata>").append(nl);
        }
        sb.append("    <styling>").append(nl);
        sb.append("      <style xml:id=\"normal\" tts:fontFamily=\"proportionalSansSerif\" tts:fontSize=\"100%\"/>")
                .append(nl);
        sb.append("    </styling>").append(nl);
        sb.append("    <layout>").append(nl);
        sb.append("      <region xml:id=\"bottom\" tts:origin=\"10% 10%\" tts:extent=\"80% 80%\"")
                .append(" tts:displayAlign=\"after\" tts:textAlign=\"center\"/>").append(nl);
        sb.append("      <region xml:id=\"top\" tts:origin=\"10% 10%\" tts:extent=\"80% 80%\"")
                .append(" tts:displayAlign=\"before\" tts:textAlign=\"center\"/>").append(nl);
        sb.append("    </layout>").append(nl);
        sb.append("  </head>").append(nl);
        sb.append("  <body style=\"normal\">").append(nl);
        sb.append("    <div>").append(nl);
        out.append(sb);
        for (Cue cue : track.cues()) {
            sb.setLength(0);
            writeCue(sb, cue, agents);
            sb.append(nl);
            out.append(sb);
        }
        sb.setLength(0);
        sb.append("    </div>").append(nl);
        sb.append("  </body>").append(nl);
        sb.append("</tt>").append(nl);
        out.append(sb);
    }

    /** Speaker names to agent ids, in order of first appearance. */
    private static Map<String, String> agents(Track track) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Cue c : track.cues()) {
            if (c.speaker() != null && !c.speaker().isBlank() && !out.containsKey(c.speaker())) {
                out.put(c.speaker(), "speaker" + (out.size() + 1));
            }
        }
        return out;
    }

    private static void writeCue(StringBuilder sb, Cue cue, Map<String, String> agents) {
        sb.append("      <p begin=\"");
        TtmlTime.appendTo(sb, cue.startMs());
        sb.append("\" end=\"");
        TtmlTime.appendTo(sb, cue.endMs());
        sb.append("\" region=\"").append(isTop(cue.settings().get("line")) ? "top" : "bottom").append('"');
        String align = cue.settings().get("align");
        if (align != null && (align.equals("left") || align.equals("right") || align.equals("start")
                || align.equals("end"))) {
            sb.append(" tts:textAlign=\"").append(align).append('"');
        }
        if (cue.speaker() != null && agents.containsKey(cue.speaker())) {
            sb.append(" ttm:agent=\"").append(agents.get(cue.speaker())).append('"');
        }
        if (needsPreserve(cue)) {
            // spaces the default white-space handling would collapse are part of the text
            sb.append(" xml:space=\"preserve\"");
        }
        sb.append('>');
        boolean first = true;
        for (Line line : cue.lines()) {
            if (!first) {
                sb.append("<br/>");
            }
            first = false;
            for (Run run : line.runs()) {
                writeRun(sb, run);
            }
        }
        sb.append("</p>");
    }

    private static void writeRun(StringBuilder sb, Run run) {
        Style s = run.style();
        boolean span = s.italic() || s.bold() || s.underline() || s.color() != null;
        if (span) {
            sb.append("<span");
            if (s.italic()) {
                sb.append(" tts:fontStyle=\"italic\"");
            }
            if (s.bold()) {
                sb.append(" tts:fontWeight=\"bold\"");
            }
            if (s.underline()) {
                sb.append(" tts:textDecoration=\"underline\"");
            }
            if (s.color() != null) {
                sb.append(" tts:color=\"").append(escape(s.color(), true)).append('"');
            }
            sb.append('>');
        }
        sb.append(escape(run.text(), false));
        if (span) {
            sb.append("</span>");
        }
    }

    /** VTT's {@code line}: 0, a positive line number or a percentage above the middle is the top of the picture. */
    static boolean isTop(@Nullable String line) {
        if (line == null) {
            return false;
        }
        String v = line.strip();
        int comma = v.indexOf(',');
        if (comma >= 0) {
            v = v.substring(0, comma);
        }
        try {
            if (v.endsWith("%")) {
                return Double.parseDouble(v.substring(0, v.length() - 1)) < 50;
            }
            return Integer.parseInt(v) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean needsPreserve(Cue cue) {
        for (Line line : cue.lines()) {
            String t = line.text();
            if (t.isEmpty()) {
                continue;
            }
            if (TtmlReader.isXmlSpace(t.charAt(0)) || TtmlReader.isXmlSpace(t.charAt(t.length() - 1))
                    || t.contains("  ") || t.indexOf('\t') >= 0) {
                return true;
            }
        }
        return false;
    }

    /** XML-escapes text, dropping characters XML 1.0 cannot hold at all. */
    static String escape(String s, boolean attribute) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = null;
            boolean drop = false;
            switch (c) {
                case '&' -> rep = "&amp;";
                case '<' -> rep = "&lt;";
                case '>' -> rep = "&gt;";
                case '"' -> rep = attribute ? "&quot;" : null;
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                        drop = true;
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                            if (sb != null) {
                                sb.append(c).append(s.charAt(i + 1));
                            }
                            i++;
                            continue;
                        }
                        drop = true;
                    } else if (Character.isLowSurrogate(c)) {
                        drop = true;
                    }
                }
            }
            if (rep == null && !drop) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length() + 16);
                sb.append(s, 0, i);
            }
            if (rep != null) {
                sb.append(rep);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
