package io.capdex.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.ProblemCode;
import io.capdex.caption.QcProfile;
import io.capdex.caption.RepairOptions;
import io.capdex.caption.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    private static Config parse(String yaml) throws ConfigException {
        return Config.parse(yaml, "capdex.yaml");
    }

    private static ConfigException refused(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml));
    }

    @Test
    void defaultsAreNetflixAt25FpsWithEveryRepairStep() {
        Config d = Config.defaults();
        assertEquals("netflix", d.qcProfileName());
        assertEquals(QcProfile.NETFLIX, d.qcProfile());
        assertEquals(25.0, d.qcFps());
        assertEquals(200_000_000L, d.maxCaptionFileBytes());
        assertEquals(Config.RepairSteps.all(), d.repair());
        assertEquals(RepairOptions.defaults(), d.repairOptions());
        assertEquals(QcProfile.builtIn(), d.profiles());
    }

    @Test
    void anEmptyFileOrEmptyValuesGiveTheDefaults() throws ConfigException {
        assertEquals(Config.defaults(), parse(""));
        assertEquals(Config.defaults(), parse("# nothing set\n"));
        assertEquals(Config.defaults(), parse("qc:\n  profile:\n  fps:\ncaptions:\n"));
    }

    @Test
    void readsEveryKey() throws ConfigException {
        Config c = parse("""
                qc:
                  profile: BBC
                  fps: 29.97
                captions:
                  max-file-size: 1.5 MiB
                repair:
                  collapse-rolling: false
                  merge-duplicates: no
                  fix-timing: true
                  reflow: off
                """);
        assertEquals(QcProfile.BBC, c.qcProfile());
        assertEquals(30000.0 / 1001, c.qcFps());
        assertEquals(1_572_864L, c.maxCaptionFileBytes());
        assertEquals(new Config.RepairSteps(false, false, true, false), c.repair());
        RepairOptions o = c.repairOptions();
        assertFalse(o.collapseRolling());
        assertFalse(o.reflow());
        assertEquals(37, o.maxCharsPerLine());
        assertEquals(33, o.minGapMs()); // 1 frame at 29.97 fps
    }

    @Test
    void overridesABuiltInProfileAndDefinesNewOnes() throws ConfigException {
        Config c = parse("""
                qc:
                  profile: kids
                  profiles:
                    netflix:
                      max-chars-per-second: 17
                    kids:
                      extends: dcmp
                      max-words-per-minute: 130
                      min-duration: 1.5s
                      max-duration: 8s
                      min-gap-frames: 2
                      severity:
                        overlap: error
                """);
        QcProfile netflix = c.profile("netflix").orElseThrow();
        assertEquals(17.0, netflix.maxCharsPerSecond());
        assertEquals(42, netflix.maxCharsPerLine());
        QcProfile kids = c.qcProfile();
        assertEquals("kids", kids.name());
        assertEquals(32, kids.maxCharsPerLine());
        assertEquals(130.0, kids.maxWordsPerMinute());
        assertEquals(1500, kids.minDurationMs());
        assertEquals(8000, kids.maxDurationMs());
        assertEquals(2.0, kids.minGapFrames());
        assertEquals(Severity.ERROR, kids.severityOf(ProblemCode.OVERLAP));
        assertEquals(Severity.WARNING, kids.severityOf(ProblemCode.TOO_SHORT));
        assertEquals(QcProfile.BBC, c.profile("bbc").orElseThrow());
    }

    @Test
    void refusesUnknownKeysWithFileAndLine() {
        ConfigException e = refused("""
                # settings
                qc:
                  profile: netflix
                  fps: 25


                  maxchars: 40
                """);
        assertEquals("capdex.yaml:7: unknown key 'qc.maxchars' (known here: profile, fps, profiles)", e.getMessage());
        assertEquals(7, e.line());
        assertEquals("capdex.yaml", e.file());
        assertEquals("capdex.yaml:2: unknown key 'colour' (known here: qc, captions, repair, organisation, warning, stamp)",
                refused("qc:\ncolour: red\n").getMessage());
        assertEquals("capdex.yaml:4: unknown key 'qc.profiles.mine.max-chars' (known here: extends, "
                + "max-chars-per-line, max-lines, max-chars-per-second, max-chars-per-second-other, "
                + "max-words-per-minute, min-duration, min-duration-per-word, max-duration, min-gap-frames, severity)",
                refused("qc:\n  profiles:\n    mine:\n      max-chars: 3\n").getMessage());
        assertEquals("capdex.yaml:2: unknown key 'repair.sort' (known here: collapse-rolling, merge-duplicates, "
                + "fix-timing, reflow)", refused("repair:\n  sort: true\n").getMessage());
    }

    @Test
    void refusesBadValuesWithFileAndLine() {
        assertEquals("capdex.yaml:3: qc.fps: cannot read 'fast' as a frame rate: write it like 25, 23.976 or "
                + "30000/1001", refused("qc:\n  profile: netflix\n  fps: fast\n").getMessage());
        assertEquals("capdex.yaml:2: captions.max-file-size: unknown size unit 'parsecs' in '3 parsecs' (use B, KB, "
                + "MB, GB, TB, KiB, MiB, GiB or TiB)", refused("captions:\n  max-file-size: 3 parsecs\n").getMessage());
        assertEquals("capdex.yaml:4: qc.profiles.mine.min-duration: '2' needs a unit, like 2s or 833ms",
                refused("qc:\n  profiles:\n    mine:\n      min-duration: 2\n").getMessage());
        assertEquals("capdex.yaml:4: qc.profiles.mine.max-lines: expected a whole number of 0 or more, not 'two'",
                refused("qc:\n  profiles:\n    mine:\n      max-lines: two\n").getMessage());
        assertEquals("capdex.yaml:2: repair.reflow: expected true or false, not 'maybe'",
                refused("repair:\n  reflow: maybe\n").getMessage());
        assertEquals("capdex.yaml:2: qc.profile: no profile named 'itv' (known: netflix, bbc, dcmp)",
                refused("qc:\n  profile: itv\n").getMessage());
        assertEquals("capdex.yaml:1: qc: expected keys under it, not a single value",
                refused("qc: netflix\n").getMessage());
        assertEquals("capdex.yaml:2: qc.fps: expected a single value, not a list",
                refused("qc:\n  fps: [25, 30]\n").getMessage());
        assertEquals("capdex.yaml:5: qc.profiles.mine.severity.overlap: expected warning or error, not 'fatal'",
                refused("qc:\n  profiles:\n    mine:\n      severity:\n        overlap: fatal\n").getMessage());
        assertEquals("capdex.yaml:3: qc.profiles.mine: max-duration 1000 ms is below min-duration 2000 ms",
                refused("qc:\n  profiles:\n    mine:\n      extends: dcmp\n      max-duration: 1s\n").getMessage());
    }

    @Test
    void refusesDuplicateKeysAndMalformedYaml() {
        assertEquals("capdex.yaml:3: duplicate key 'fps' (first at line 2)",
                refused("qc:\n  fps: 25\n  fps: 30\n").getMessage());
        ConfigException e = refused("qc:\n  fps: 25\n profile: [unclosed\n");
        assertTrue(e.getMessage().startsWith("capdex.yaml:3: not valid YAML: "), e.getMessage());
        assertEquals("capdex.yaml:1: the configuration must be a mapping of keys to values",
                refused("- just\n- a list\n").getMessage());
    }

    @Test
    void saysWhichKeysAreReservedForLaterVersions() {
        assertEquals("capdex.yaml:1: key 'search.synonyms' is reserved for a later version of capdex and not read"
                + " yet; remove it", refused("search:\n  synonyms: synonyms.txt\n").getMessage());
    }

    @Test
    void defaultsNameKnowAllWithShippedTextsAndAn8() {
        Config d = Config.defaults();
        assertEquals("Know ALL", d.organisation());
        assertEquals(Map.of(), d.warningTexts());
        assertEquals(Map.of(), d.warningLabels());
        assertEquals(Config.SrtPosition.AN8, d.srtPosition());
    }

    @Test
    void readsTheWarningAndStampKeys() throws ConfigException {
        Config c = parse("""
                organisation: Example Health
                warning:
                  texts:
                    nl: "{org} kan de juistheid   niet garanderen."
                    EN: Captions by AI; {org} cannot vouch for them.
                  labels:
                    nl: Door AI gemaakte ondertitels
                stamp:
                  srt-position: None
                """);
        assertEquals("Example Health", c.organisation());
        assertEquals(Map.of("nl", "{org} kan de juistheid niet garanderen.",
                "en", "Captions by AI; {org} cannot vouch for them."), c.warningTexts());
        assertEquals(Map.of("nl", "Door AI gemaakte ondertitels"), c.warningLabels());
        assertEquals(Config.SrtPosition.NONE, c.srtPosition());
        assertEquals("none", c.srtPosition().id());
    }

    @Test
    void refusesBadWarningAndStampValues() {
        assertEquals("capdex.yaml:2: stamp.srt-position: expected an8 or none, not 'top'",
                refused("stamp:\n  srt-position: top\n").getMessage());
        assertEquals("capdex.yaml:3: warning.texts.en_GB: 'en_GB' is not a language tag (like en, es, pt-BR)",
                refused("warning:\n  texts:\n    en_GB: x\n").getMessage());
        assertEquals("capdex.yaml:3: warning.texts.en: the text holds '-->', which caption files read as a timing",
                refused("warning:\n  texts:\n    en: a --> b\n").getMessage());
        assertEquals("capdex.yaml:2: unknown key 'warning.text' (known here: texts, labels)",
                refused("warning:\n  text:\n    en: a\n").getMessage());
        assertEquals("capdex.yaml:2: unknown key 'stamp.position' (known here: srt-position)",
                refused("stamp:\n  position: an8\n").getMessage());
        assertEquals("capdex.yaml:1: organisation: expected a single value, not a list",
                refused("organisation:\n  - A\n  - B\n").getMessage());
    }

    @Test
    void parsesSizes() {
        assertEquals(200_000_000L, Config.parseSize("200MB"));
        assertEquals(200_000_000L, Config.parseSize("200 mb"));
        assertEquals(1_500_000_000L, Config.parseSize("1.5GB"));
        assertEquals(512_000L, Config.parseSize("500KiB"));
        assertEquals(512L << 20, Config.parseSize("512m"));
        assertEquals(1024L, Config.parseSize("1024"));
        assertEquals(7L, Config.parseSize("7 B"));
        for (String bad : new String[] {"", "MB", "-5MB", "0", "1,5MB", "99999999999TB"}) {
            assertThrows(IllegalArgumentException.class, () -> Config.parseSize(bad), bad);
        }
    }

    @Test
    void loadsAFileAndNamesItInMessages(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("capdex.yaml");
        Files.writeString(file, "\uFEFFqc:\n  fps: 24\n");
        assertEquals(24.0, Config.load(file).qcFps());
        Files.writeString(file, "qc:\n  fsp: 24\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load(file));
        assertEquals(file + ":2: unknown key 'qc.fsp' (known here: profile, fps, profiles)", e.getMessage());
        Files.write(file, new byte[] {'q', 'c', ':', ' ', (byte) 0xff, '\n'});
        assertEquals(file + ": not UTF-8 text", assertThrows(ConfigException.class, () -> Config.load(file))
                .getMessage());
        assertThrows(NoSuchFileException.class, () -> Config.load(dir.resolve("missing.yaml")));
    }

    @Test
    void theExampleFileLoadsWithTheValuesItDocuments() throws IOException {
        Config c = Config.load(Path.of("capdex.example.yaml"));
        assertEquals("interviews", c.qcProfileName());
        assertEquals(25.0, c.qcFps());
        assertEquals(50_000_000L, c.maxCaptionFileBytes());
        assertEquals(new Config.RepairSteps(true, true, false, true), c.repair());
        assertEquals(17.0, c.profile("netflix").orElseThrow().maxCharsPerSecond());
        assertEquals(new QcProfile("interviews", 40, 2, 17, 15, 0, 1000, 0, 7000, 2,
                Map.of("overlap", Severity.ERROR, "line-too-long", Severity.WARNING)), c.qcProfile());
        assertEquals(4, c.profiles().size());
        assertEquals("Example Health", c.organisation());
        assertTrue(c.warningTexts().get("nl").startsWith("{org} kan de juistheid"), c.warningTexts().toString());
        assertEquals(Map.of("nl", "Door AI gemaakte ondertitels"), c.warningLabels());
        assertEquals(Config.SrtPosition.AN8, c.srtPosition());
    }
}
