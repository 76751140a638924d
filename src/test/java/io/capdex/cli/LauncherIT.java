package io.capdex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code capdex} launcher's class-data archive never changes what a command prints or returns: it is made on
 * the first run (with the options that map it unrelocated, when Java takes them), remade when the jar changes,
 * ignored when corrupt, and left out with {@code CAPDEX_CDS=0}. Runs the real script on a copy of the built jar
 * (so the worktree's own archive is not touched).
 */
class LauncherIT {
    private static final String SRT = "1\n00:00:01,000 --> 00:00:02,500\n<i>Hello</i> there\n\n"
            + "2\n00:00:03,000 --> 00:00:04,000\nBye.\n\n";
    private static final String VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\n<i>Hello</i> there\n\n"
            + "00:00:03.000 --> 00:00:04.000\nBye.\n";

    @TempDir Path home;
    private Path archive;
    private Path key;

    /** HOME/capdex, HOME/target/capdex.jar (a copy) and HOME/target/lib (a link to the built one). */
    @BeforeEach
    void copyLauncher() throws IOException {
        Path built = Path.of("target/capdex.jar");
        assertTrue(Files.isRegularFile(built), "run after 'mvn package': " + built.toAbsolutePath());
        Files.createDirectories(home.resolve("target"));
        Files.copy(Path.of("capdex"), home.resolve("capdex"));
        assertTrue(home.resolve("capdex").toFile().setExecutable(true));
        Files.copy(built, home.resolve("target/capdex.jar"));
        Files.createSymbolicLink(home.resolve("target/lib"), Path.of("target/lib").toAbsolutePath());
        archive = home.resolve("target/capdex.jsa");
        key = home.resolve("target/capdex.jsa.key");
    }

    private record Result(int exitCode, String out, String err) {}

    private Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("capdex").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
        pb.environment().remove("CAPDEX_CDS");
        pb.environment().remove("CAPDEX_JAVA_OPTS");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher did not finish");
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    private Result convert(Map<String, String> env) throws IOException, InterruptedException {
        Path in = home.resolve("in.srt");
        Files.writeString(in, SRT, StandardCharsets.UTF_8);
        Path out = home.resolve("out.vtt");
        Result r = run(env, "convert", "--force", in.toString(), "-o", out.toString());
        assertEquals(VTT, Files.readString(out));
        return r;
    }

    @Test
    void makesTheArchiveOnceAndConvertsTheSameWithIt() throws Exception {
        Result first = convert(Map.of());
        assertTrue(Files.size(archive) > 1_000_000, "archive made on the first run");
        // this Java (17) takes the option that maps the archive without relocating it
        assertEquals("-XX:+UnlockDiagnosticVMOptions\n-XX:ArchiveRelocationMode=0\n",
                Files.readString(home.resolve("target/capdex.jsa.opts")));
        String madeKey = Files.readString(key);
        FileTime made = Files.getLastModifiedTime(archive);
        Result second = convert(Map.of());
        assertEquals(first, second);
        assertEquals(0, second.exitCode());
        assertEquals(home.resolve("out.vtt") + ": wrote 2 cues as VTT\n", second.err());
        assertEquals(madeKey, Files.readString(key));
        assertEquals(made, Files.getLastModifiedTime(archive), "a current archive is not remade");
    }

    /** A Java that warns about the mapping option never gets it: the warning would reach every command. */
    @Test
    void aJavaThatWarnsAboutTheMappingOptionRunsWithoutIt() throws Exception {
        Path fakeHome = home.resolve("jdk");
        Files.createDirectories(fakeHome.resolve("bin"));
        Path fake = fakeHome.resolve("bin/java");
        String real = ProcessHandle.current().info().command().orElseThrow();
        Files.writeString(fake, "#!/bin/sh\n"
                + "for a in \"$@\"; do case \"$a\" in -XX:ArchiveRelocationMode=*) echo 'warning: mapping option' >&2;; esac; done\n"
                + "exec '" + real + "' \"$@\"\n");
        assertTrue(fake.toFile().setExecutable(true));
        Result r = convert(Map.of("JAVA_HOME", fakeHome.toString()));
        assertTrue(Files.size(archive) > 1_000_000, "archive made");
        assertFalse(Files.exists(home.resolve("target/capdex.jsa.opts")));
        assertEquals(0, r.exitCode());
        assertEquals(home.resolve("out.vtt") + ": wrote 2 cues as VTT\n", r.err());
    }

    @Test
    void remakesTheArchiveWhenTheJarChanges() throws Exception {
        run(Map.of(), "--version");
        String before = Files.readString(key);
        Path jar = home.resolve("target/capdex.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
        Result r = run(Map.of(), "--version");
        assertEquals(0, r.exitCode());
        assertNotEquals(before, Files.readString(key));
        assertTrue(Files.size(archive) > 1_000_000);
    }

    @Test
    void aCorruptArchiveChangesNothing() throws Exception {
        Result clean = run(Map.of("CAPDEX_CDS", "0"), "--version");
        run(Map.of(), "--version");
        byte[] junk = new byte[(int) Files.size(archive)];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i * 31 + 7);
        }
        assertTrue(archive.toFile().setWritable(true));
        Files.write(archive, junk);
        assertEquals(clean, run(Map.of(), "--version"));
        Result converted = convert(Map.of());
        assertEquals(0, converted.exitCode());
        assertEquals(home.resolve("out.vtt") + ": wrote 2 cues as VTT\n", converted.err(), "nothing about the archive");
        assertEquals("", converted.out());
    }

    @Test
    void noArchiveWithCdsOff() throws Exception {
        Result r = convert(Map.of("CAPDEX_CDS", "0"));
        assertEquals(0, r.exitCode());
        assertFalse(Files.exists(archive));
        assertFalse(Files.exists(key));
    }
}
