package io.capdex.detect;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The test documents under src/test/resources, the bundled samples, and DOCX packages built on the fly. */
final class TestDocuments {
    private TestDocuments() {
    }

    static Path resource(String name) {
        URL url = TestDocuments.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test file " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path document(String name) {
        return resource("documents/" + name);
    }

    static Path page(String name) {
        return resource("pages/" + name);
    }

    static Path sample(String name) {
        Path path = Path.of("samples", name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("missing sample " + path.toAbsolutePath());
        }
        return path;
    }

    /**
     * A minimal valid DOCX whose one paragraph holds {@code repeat} copies of {@code text}, written streaming
     * (a zip bomb of hundreds of megabytes of text costs about a megabyte on disk and no heap).
     */
    static Path docx(Path file, String text, long repeat) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.wordprocessingml.document.main+xml\"/></Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas."
                    + "openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] chunk = text.repeat(64).getBytes(StandardCharsets.UTF_8);
            for (long i = 0; i < repeat / 64; i++) {
                zip.write(chunk);
            }
            zip.write(text.repeat((int) (repeat % 64)).getBytes(StandardCharsets.UTF_8));
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    /** A ZIP named like a DOCX that has no Word document in it, only one big entry of zeros. */
    static Path zipOfZeros(Path file, long bytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < bytes; written += zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, bytes - written));
            }
            zip.closeEntry();
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
