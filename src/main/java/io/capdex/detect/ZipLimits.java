package io.capdex.detect;

import io.capdex.detect.DocumentException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Inflates every part of a DOCX or ODT package once, keeping nothing, before Tika parses it: Tika's DOCX readers
 * hold a whole text run in memory (a 200 KB zip bomb with one 200 MB paragraph exhausts a 1 GB heap before any
 * text limit sees a character), and POI's own inflate-ratio guard does not apply on that path. Counting the
 * bytes actually inflated, not the sizes the ZIP directory declares, since those can lie. Stateless.
 */
final class ZipLimits {
    /** A part inflating more than this many times its compressed size, beyond {@link #RATIO_GRACE_BYTES}, is a bomb. */
    static final int MAX_RATIO = 100;
    static final long RATIO_GRACE_BYTES = 10L * 1024 * 1024;
    /** No part of a real transcript comes near this: a 3-hour DOCX transcript's document.xml is about 2 MB. */
    static final long MAX_PART_BYTES = 128L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 512L * 1024 * 1024;

    private ZipLimits() {
    }

    /** Throws when a part of the package expands beyond the limits; passes anything that is not a ZIP. */
    static void check(Path path, String typeName) throws DocumentException {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (IOException e) {
            return; // not a readable ZIP: the parser says what is wrong with it
        }
        try (zip) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long compressed = Math.max(1, entry.getCompressedSize());
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        inflated += n;
                        total += n;
                        if (inflated > RATIO_GRACE_BYTES && inflated > MAX_RATIO * compressed) {
                            throw new DocumentException(path, Reason.TOO_LARGE, String.format(Locale.ROOT,
                                    "looks like a zip bomb (%s expands from %,d bytes to more than %,d bytes); not read",
                                    entry.getName(), entry.getCompressedSize(), inflated));
                        }
                        if (inflated > MAX_PART_BYTES || total > MAX_TOTAL_BYTES) {
                            throw new DocumentException(path, Reason.TOO_LARGE, String.format(Locale.ROOT,
                                    "%s expands to more than %,d MB, far beyond any real %s; not read",
                                    inflated > MAX_PART_BYTES ? entry.getName() : "the package",
                                    (inflated > MAX_PART_BYTES ? MAX_PART_BYTES : MAX_TOTAL_BYTES) >> 20, typeName));
                        }
                    }
                }
            }
        } catch (DocumentException e) {
            throw e;
        } catch (IOException e) {
            // a damaged entry: the parser reports the damage in its own words
        }
    }
}
