package io.capdex.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Source;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafeNamesTest {

    private static String refusal(String name) {
        return assertThrows(IllegalArgumentException.class, () -> SafeNames.fileName(name), name).getMessage();
    }

    @Test
    void refusesTraversalAbsolutePathsNulAndReservedNames() {
        assertEquals("unsafe file name '../etc/passwd': holds a path separator", refusal("../etc/passwd"));
        assertEquals("unsafe file name '..': a directory reference", refusal(".."));
        assertEquals("unsafe file name '.': a directory reference", refusal("."));
        assertEquals("unsafe file name '/etc/passwd': holds a path separator", refusal("/etc/passwd"));
        assertEquals("unsafe file name '..\\windows': holds a path separator", refusal("..\\windows"));
        assertEquals("unsafe file name 'C:evil.srt': holds ':' (a drive or an NTFS stream)", refusal("C:evil.srt"));
        assertEquals("unsafe file name 'a\\u0000.srt': holds NUL", refusal("a\0.srt"));
        assertEquals("unsafe file name 'a\\u000a.srt': holds a control character", refusal("a\n.srt"));
        assertEquals("unsafe file name 'CON': a reserved Windows device name", refusal("CON"));
        assertEquals("unsafe file name 'nul.srt': a reserved Windows device name", refusal("nul.srt"));
        assertEquals("unsafe file name 'com1.en.vtt': a reserved Windows device name", refusal("com1.en.vtt"));
        assertEquals("unsafe file name 'LPT9 .txt': a reserved Windows device name", refusal("LPT9 .txt"));
        assertEquals("unsafe file name '.hidden': starts with a dot (a hidden file)", refusal(".hidden"));
        assertEquals("unsafe file name 'name.': ends with a dot or space, which Windows drops", refusal("name."));
        assertEquals("unsafe file name 'a?b': holds '?', which Windows forbids", refusal("a?b"));
        assertEquals("unsafe file name '': empty", refusal(""));
        assertTrue(refusal("é".repeat(128)).endsWith("longer than 255 bytes"));
    }

    @Test
    void acceptsOrdinaryNamesAsTheyAre() {
        for (String ok : List.of("stem-cell-donor.en.srt", "all-remission.es.edited.vtt", "Entrevista Lucía.txt",
                "console.srt", "COM10.srt", "a..b.srt")) {
            assertEquals(ok, SafeNames.fileName(ok));
            assertTrue(SafeNames.isSafe(ok));
            assertEquals(ok, Path.of("out").resolve(ok).getFileName().toString());
        }
        assertEquals("\u00e9.srt", SafeNames.fileName("e\u0301.srt"), "NFC");
    }

    @Test
    void sanitisesTitlesIntoSafeNames() {
        assertEquals("_.._etc_passwd", SafeNames.sanitised("/../etc/passwd"));
        assertEquals("Remission_ what now_", SafeNames.sanitised("Remission: what now?"));
        assertEquals("_CON", SafeNames.sanitised("CON"));
        assertEquals("_", SafeNames.sanitised(" .. "));
        assertEquals("a_b c", SafeNames.sanitised("a\0b\n\tc"));
        assertEquals("hidden", SafeNames.sanitised("...hidden..."));
        String longName = SafeNames.sanitised("ü".repeat(300));
        assertTrue(longName.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 255);
        for (String s : List.of("../x", "C:\\x", "nul", ".", "\0", "a/b\\c:d*e?f\"g<h>i|j", "  ")) {
            assertTrue(SafeNames.isSafe(SafeNames.sanitised(s)), s);
        }
    }

    @Test
    void namesExportsAsIngestPairsThem() {
        assertEquals("stem-cell-donor.en.srt", SafeNames.exportName("stem-cell-donor", "en", Source.ASR,
                ExportFormat.SRT));
        assertEquals("cart-therapy.en.vtt", SafeNames.exportName("cart-therapy", "en", Source.MT, ExportFormat.VTT));
        assertEquals("x.pt-BR.edited.ttml", SafeNames.exportName("x", "pt-BR", Source.EDITED, ExportFormat.TTML));
        assertEquals("x.es.aligned.transcript.docx", SafeNames.exportName("x", "es", Source.ALIGNED,
                ExportFormat.DOCX));
        assertEquals("x.en.transcript.html", SafeNames.exportName("x", "en", Source.ASR, ExportFormat.HTML));
        assertEquals("x.en.json", SafeNames.exportName("x", "en", Source.ASR, ExportFormat.JSON));
        assertEquals("x.mkv", SafeNames.exportName("x", "en", Source.ASR, ExportFormat.MKV));
        assertEquals("x.de.burned.mp4", SafeNames.exportName("x", "de", Source.MT, ExportFormat.MP4_BURNED));
        assertThrows(IllegalArgumentException.class, () -> SafeNames.exportName("../x", "en", Source.ASR,
                ExportFormat.SRT));
        assertThrows(IllegalArgumentException.class, () -> SafeNames.exportName("x", "en/../../y", Source.ASR,
                ExportFormat.SRT));
        assertFalse(SafeNames.isSafe("x/y"));
    }
}
