package io.capdex.export;

import io.capdex.caption.Track;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.jspecify.annotations.Nullable;

/**
 * A Word (DOCX) transcript through Apache POI XWPF: the warning as the first paragraph (boxed, label in bold), the
 * title, then one paragraph per block with its timestamp and speaker. The warning is also the document's
 * description (core properties), where document managers show it.
 */
final class DocxTranscript {
    private DocxTranscript() {
    }

    static void write(Track track, WarningText warning, WarningText label, @Nullable String title, OutputStream out)
            throws IOException {
        String heading = title != null && !title.isBlank() ? title.strip() : "Transcript";
        try (XWPFDocument doc = new XWPFDocument()) {
            POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
            core.setTitle(clean(heading));
            core.setDescription(clean(warning.text()));
            core.setCreator("capdex");
            core.setKeywords(clean(label.text()));

            XWPFParagraph notice = doc.createParagraph();
            notice.setBorderTop(Borders.SINGLE);
            notice.setBorderBottom(Borders.SINGLE);
            notice.setBorderLeft(Borders.SINGLE);
            notice.setBorderRight(Borders.SINGLE);
            XWPFRun labelRun = notice.createRun();
            labelRun.setBold(true);
            labelRun.setLang(warning.language());
            labelRun.setText(clean(label.text()) + ": ");
            XWPFRun textRun = notice.createRun();
            textRun.setLang(warning.language());
            textRun.setText(clean(warning.text()));

            XWPFParagraph h = doc.createParagraph();
            h.setAlignment(ParagraphAlignment.LEFT);
            h.setSpacingBefore(240);
            XWPFRun hr = h.createRun();
            hr.setBold(true);
            hr.setFontSize(16);
            hr.setLang(track.language());
            hr.setText(clean(heading));

            XWPFParagraph about = doc.createParagraph();
            XWPFRun ar = about.createRun();
            ar.setItalic(true);
            ar.setText("Language: " + clean(track.language()) + " · Source: " + track.source().id());

            for (Transcript.Paragraph p : Transcript.of(track).paragraphs()) {
                XWPFParagraph para = doc.createParagraph();
                XWPFRun time = para.createRun();
                time.setColor("555555");
                time.setText("[" + Transcript.clock(p.startMs()) + "] ");
                if (p.speaker() != null && !p.speaker().isBlank()) {
                    XWPFRun sp = para.createRun();
                    sp.setBold(true);
                    sp.setText(clean(p.speaker().strip()) + ": ");
                }
                XWPFRun text = para.createRun();
                text.setLang(track.language());
                text.setText(clean(p.text()));
            }
            doc.write(out);
        }
    }

    /** The text without characters XML 1.0 cannot hold (control characters but tab). */
    private static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF || c == '\t') {
                sb.append(c);
            } else if (c == '\n' || c == '\r') {
                sb.append(' ');
            }
        }
        return sb.toString();
    }
}
