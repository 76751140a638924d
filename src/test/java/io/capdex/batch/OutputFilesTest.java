package io.capdex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
    private static final String TEXT = "1\n00:00:01,000 --> 00:00:02,000\n«Բժիշկ Հակոբյան:» señora “ok” —\n";

    @TempDir
    Path dir;

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesUtf8AndCreatesFolders() throws Exception {
        Path out = dir.resolve("a/b/out.srt");
        OutputFiles.writeText(out, TEXT, false, Set.of());
        assertEquals(TEXT, Files.readString(out, StandardCharsets.UTF_8));
        assertEquals(List.of("out.srt"), names(out.getParent()));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void refusesAnExistingFileWithoutForce() throws Exception {
        Path out = Files.writeString(dir.resolve("out.srt"), "old");
        OutputException e = assertThrows(OutputException.class,
                () -> OutputFiles.writeText(out, TEXT, false, Set.of()));
        assertEquals(out + ": exists; use --force to overwrite", e.getMessage());
        assertEquals("exists; use --force to overwrite", e.reason());
        assertEquals("old", Files.readString(out));
        assertEquals(List.of("out.srt"), names(dir));
    }

    @Test
    void refusesADanglingLinkWithoutForce() throws Exception {
        Path out = Files.createSymbolicLink(dir.resolve("out.srt"), dir.resolve("nowhere"));
        OutputException e = assertThrows(OutputException.class,
                () -> OutputFiles.writeText(out, TEXT, false, Set.of()));
        assertEquals(out + ": exists; use --force to overwrite", e.getMessage());
    }

    @Test
    void overwritesWithForceKeepingPermissions() throws Exception {
        Path out = Files.writeString(dir.resolve("out.srt"), "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw----"));
        OutputFiles.writeText(out, TEXT, true, Set.of());
        assertEquals(TEXT, Files.readString(out));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals(List.of("out.srt"), names(dir));
    }

    @Test
    void neverWritesASourceEvenWithForce() throws Exception {
        Path source = Files.writeString(dir.resolve("in.srt"), "source");
        String expected = ": is an input file; capdex never writes its sources";
        for (Path out : List.of(source, dir.resolve("x/../in.srt"), dir.resolve("./in.srt"))) {
            OutputException e = assertThrows(OutputException.class,
                    () -> OutputFiles.writeText(out, TEXT, true, Set.of(source)));
            assertEquals(out + expected, e.getMessage());
        }
        Path relative = Path.of("").toAbsolutePath().relativize(source);
        assertThrows(OutputException.class, () -> OutputFiles.writeText(relative, TEXT, true, Set.of(source)));
        assertEquals("source", Files.readString(source));
    }

    @Test
    void recognisesASourceBehindALink() throws Exception {
        Path source = Files.writeString(dir.resolve("in.srt"), "source");
        Path symlink = Files.createSymbolicLink(dir.resolve("link.srt"), source);
        Path hardLink = Files.createLink(dir.resolve("hard.srt"), source);
        for (Path out : List.of(symlink, hardLink)) {
            OutputException e = assertThrows(OutputException.class,
                    () -> OutputFiles.writeText(out, TEXT, true, Set.of(source)));
            assertEquals(out + ": is an input file; capdex never writes its sources", e.getMessage());
        }
        assertEquals("source", Files.readString(source));
    }

    @Test
    void refusesAFolder() throws Exception {
        Path out = Files.createDirectory(dir.resolve("out.srt"));
        OutputException e = assertThrows(OutputException.class, () -> OutputFiles.writeText(out, TEXT, true, Set.of()));
        assertEquals(out + ": is a directory", e.getMessage());
    }

    @Test
    void leavesNothingBehindWhenWritingFails() throws Exception {
        Path out = Files.writeString(dir.resolve("out.srt"), "old");
        OutputException e = assertThrows(OutputException.class, () -> OutputFiles.write(out, true, Set.of(), s -> {
            s.write("half a file".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals(out + ": cannot write (disk full)", e.getMessage());
        assertEquals("old", Files.readString(out));
        assertEquals(List.of("out.srt"), names(dir));
        Path fresh = dir.resolve("fresh.srt");
        assertThrows(OutputException.class, () -> OutputFiles.write(fresh, false, Set.of(), s -> {
            throw new IOException("encoder failed");
        }));
        assertFalse(Files.exists(fresh));
        assertEquals(List.of("out.srt"), names(dir));
    }

    @Test
    void anAbandonedWriteLeavesTheTargetAndNoTemporaryFile() throws Exception {
        Path out = Files.writeString(dir.resolve("out.vtt"), "old");
        assertFalse(OutputFiles.writeUnlessAbandoned(out, true, Set.of(), s -> {
            s.write("WEBVTT\n\npart".getBytes(StandardCharsets.UTF_8));
            return false;
        }));
        assertEquals("old", Files.readString(out));
        assertEquals(List.of("out.vtt"), names(dir));
        assertTrue(OutputFiles.writeUnlessAbandoned(out, true, Set.of(), s -> {
            s.write("WEBVTT\n".getBytes(StandardCharsets.UTF_8));
            return true;
        }));
        assertEquals("WEBVTT\n", Files.readString(out));
        assertEquals(List.of("out.vtt"), names(dir));
    }

    @Test
    void temporaryFilesAreHiddenNamedAfterTheTargetAndUnique() throws Exception {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            OutputFiles.writeFile(dir.resolve("x" + i + ".srt"), false, Set.of(), temporary -> {
                String name = temporary.getFileName().toString();
                assertTrue(name.startsWith(".capdex-") && name.endsWith(".srt"), name);
                seen.add(name.substring(0, name.lastIndexOf('-')));
                Files.writeString(temporary, TEXT);
            });
        }
        assertEquals(20, seen.stream().distinct().count(), seen.toString());
    }

    @Test
    void keepsAFileThatAppearedWhileWritingWithoutForce() throws Exception {
        Path out = dir.resolve("out.srt");
        OutputException e = assertThrows(OutputException.class, () -> OutputFiles.write(out, false, Set.of(), s -> {
            Files.writeString(out, "someone else's"); // another process takes the name after the check
            s.write(TEXT.getBytes(StandardCharsets.UTF_8));
        }));
        assertEquals(out + ": exists; use --force to overwrite", e.getMessage());
        assertEquals("someone else's", Files.readString(out));
        assertEquals(List.of("out.srt"), names(dir));
    }

    @Test
    void letsAToolFillATemporaryFileWithTheSameExtension() throws Exception {
        Path out = dir.resolve("video/interview.mp4");
        List<Path> seen = new ArrayList<>();
        OutputFiles.writeFile(out, false, Set.of(), temporary -> {
            seen.add(temporary);
            assertTrue(Files.exists(temporary));
            Files.write(temporary, new byte[] {1, 2, 3});
        });
        assertEquals(out.toAbsolutePath().getParent(), seen.get(0).getParent());
        assertTrue(seen.get(0).getFileName().toString().endsWith(".mp4"), seen.get(0).toString());
        assertFalse(Files.exists(seen.get(0)));
        assertEquals(3, Files.size(out));
        assertEquals(List.of("interview.mp4"), names(out.getParent()));
    }

    @Test
    void checksWithoutWriting() throws Exception {
        Path out = dir.resolve("out.srt");
        OutputFiles.check(out, false, Set.of());
        assertFalse(Files.exists(out));
        Files.writeString(out, "x");
        assertThrows(OutputException.class, () -> OutputFiles.check(out, false, Set.of()));
        OutputFiles.check(out, true, Set.of());
    }

    @Test
    void writesBytesAsGiven() throws Exception {
        Path out = dir.resolve("out.bin");
        byte[] bytes = {0, (byte) 0xFF, 10, 13};
        OutputFiles.writeBytes(out, bytes, false, Set.of());
        assertEquals(List.of((byte) 0, (byte) 0xFF, (byte) 10, (byte) 13), toList(Files.readAllBytes(out)));
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> out = new ArrayList<>();
        for (byte b : bytes) {
            out.add(b);
        }
        return out;
    }
}
