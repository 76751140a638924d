import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/** Authoring-time generator of the test PDFs (see README.md); not part of the build. */
public class MakePdfs {
    static final List<List<String>> PARAGRAPHS = List.of(
            List.of("Interviewer: Welcome back. Today we talk about measurable residual", "disease with Dr Hakobyan."),
            List.of("Dr Hakobyan: Thank you. MRD tells us how many leukaemia cells are", "left after treatment. A negative result means we found fewer than", "one in a million."),
            List.of("Interviewer: How often is it measured?"),
            List.of("Dr Hakobyan: After each phase of treatment, and then every few", "months."));

    public static void main(String[] args) throws Exception {
        try (PDDocument doc = base()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = 720;
                for (List<String> paragraph : PARAGRAPHS) {
                    for (String line : paragraph) {
                        text(cs, font, 72, y, line);
                        y -= 15;
                    }
                    y -= 15; // the blank line between paragraphs
                }
                text(cs, font, 300, 40, "1"); // a page number at the foot of the page
            }
            doc.getDocumentInformation().setTitle("MRD interview transcript");
            doc.save(new File("transcript.pdf"));
        }
        try (PDDocument doc = base()) {
            doc.addPage(new PDPage());
            doc.save(new File("empty.pdf"));
        }
        try (PDDocument doc = base()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 40; x++) {
                for (int y = 0; y < 20; y++) {
                    image.setRGB(x, y, (x * 7 + y * 13) % 2 == 0 ? 0xFFFFFF : 0x000000);
                }
            }
            var pdImage = LosslessFactory.createFromImage(doc, image);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(pdImage, 72, 600, 400, 200);
            }
            doc.save(new File("image-only.pdf"));
        }
        try (PDDocument doc = withText()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(new File("encrypted.pdf"));
        }
        try (PDDocument doc = withText()) {
            // an owner password only: anyone may open and read it, printing and copying are "restricted"
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "", permissions);
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(new File("owner-password.pdf"));
        }
    }

    static PDDocument base() {
        PDDocument doc = new PDDocument();
        Calendar date = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        date.setTimeInMillis(1735689600000L);
        doc.getDocumentInformation().setCreationDate(date);
        doc.getDocumentInformation().setModificationDate(date);
        doc.getDocument().setIsXRefStream(false);
        return doc;
    }

    static PDDocument withText() throws Exception {
        PDDocument doc = base();
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            text(cs, new PDType1Font(Standard14Fonts.FontName.HELVETICA), 72, 720,
                    "Interviewer: This transcript is protected.");
        }
        return doc;
    }

    static void text(PDPageContentStream cs, PDType1Font font, float x, float y, String line) throws Exception {
        cs.beginText();
        cs.setFont(font, 12);
        cs.newLineAtOffset(x, y);
        cs.showText(line);
        cs.endText();
    }
}
