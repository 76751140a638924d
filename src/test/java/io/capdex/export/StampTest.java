package io.capdex.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Line;
import io.capdex.caption.Qc;
import io.capdex.caption.QcProfile;
import io.capdex.caption.Repair;
import io.capdex.caption.RepairOptions;
import io.capdex.caption.Source;
import io.capdex.caption.Track;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StampTest {
    private static final WarningTexts TEXTS = WarningTexts.shipped();
    private static final Stamp STAMP = new Stamp(TEXTS);

    static Track interview(String language) {
        return Track.of(Format.SRT, List.of(
                Cue.of(800, 4200, "Hello, I am here with Grace,\na nurse who looks after donors.").withSpeaker("Ann"),
                Cue.of(4700, 9100, "Who can join the register?"),
                Cue.of(9600, 14000, "Most healthy people between\n17 and 40 can sign up."),
                Cue.of(21000, 24000, "What happens if you match?"))).withLanguage(language);
    }

    private static List<Cue> warnings(Track t) {
        return t.cues().stream().filter(Qc::isWarningCue).toList();
    }

    private static List<Cue> captions(Track t) {
        return t.cues().stream().filter(c -> !Qc.isWarningCue(c)).toList();
    }

    @Test
    void warningCuesRunFromZeroAtTheTopInShortConsecutiveCues() {
        for (WarningText w : TEXTS.all()) {
            List<Cue> cues = Stamp.warningCues(w, StampStyle.defaults());
            assertEquals(0, cues.get(0).startMs());
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < cues.size(); i++) {
                Cue c = cues.get(i);
                assertEquals("capdex-warning-" + (i + 1), c.id());
                assertEquals(Map.of("line", "0"), c.settings());
                assertTrue(c.lines().size() <= 2, c.text());
                for (Line l : c.lines()) {
                    assertTrue(l.text().length() <= 42, l.text());
                }
                if (i > 0) {
                    assertEquals(cues.get(i - 1).endMs(), c.startMs(), "consecutive");
                }
                String text = c.text().replace('\n', ' ');
                assertTrue(c.span().durationMs() >= 3000);
                assertTrue(c.span().durationMs() * 15 >= text.length() * 1000L, text);
                joined.append(i > 0 ? " " : "").append(text);
            }
            assertEquals(w.text(), joined.toString(), w.language());
        }
    }

    @Test
    void theEnglishWarningTakesThreeCuesBrokenAtTheSentence() {
        List<Cue> cues = Stamp.warningCues(TEXTS.textFor("en"), StampStyle.defaults());
        assertEquals(List.of("Know ALL cannot guarantee the\naccuracy of the automatic",
                "subtitles and translations as\nAI is used for their creation.",
                "Please be advised to exercise caution\nwhen precise interpretation is required."),
                cues.stream().map(Cue::text).toList());
        assertEquals(List.of(0L, 3667L, 7667L, 12867L), List.of(cues.get(0).startMs(), cues.get(1).startMs(),
                cues.get(2).startMs(), cues.get(2).endMs()));
    }

    @Test
    void stampingKeepsTheCaptionsAndWorksOnEverySource() {
        for (Source source : Source.values()) {
            Track t = interview("en").withSource(source);
            Track s = STAMP.stamped(t, StampStyle.defaults());
            assertEquals(t.cues(), captions(s), source.id());
            assertEquals(3, warnings(s).size());
            assertEquals(s.cues().stream().sorted(java.util.Comparator.comparingLong(Cue::startMs)).toList(),
                    s.cues(), "start order");
            assertEquals(Optional.of("cue 1 at 00:00:00"), STAMP.find(s));
            assertEquals(source, s.source());
        }
    }

    @Test
    void stampingIsIdempotentWhateverTextOrLanguageIsThere() {
        Track t = interview("en");
        Track once = STAMP.stamped(t, StampStyle.defaults());
        assertSame(once, STAMP.stamped(once, StampStyle.defaults()));
        assertSame(once, STAMP.stamped(once, TEXTS.textFor("de"), StampStyle.mergedStyle()));
        Track german = STAMP.stamped(t, TEXTS.textFor("de"), StampStyle.defaults());
        assertSame(german, STAMP.stamped(german, StampStyle.defaults()));
        // found by text alone: ids lost (SRT keeps none) and the top position dropped
        Track noIds = once.withCues(once.cues().stream().map(c -> c.withId(null).withSettings(Map.of())).toList());
        assertTrue(STAMP.isStamped(noIds));
        assertSame(noIds, STAMP.stamped(noIds, StampStyle.defaults()));
        // found by id alone: a warning cue from another configuration's wording
        Track byId = t.withCues(List.of(Cue.of(0, 3000, "Made by a machine.").withId("capdex-warning-1")));
        assertSame(byId, STAMP.stamped(byId, StampStyle.defaults()));
    }

    @Test
    void anUnstampedTrackIsNotTakenForAStampedOne() {
        Track t = interview("en");
        assertFalse(STAMP.isStamped(t));
        // the warning's first words, but not the whole text, is not the warning
        Track partial = t.withCues(List.of(Cue.of(0, 3000, "Know ALL cannot guarantee the"),
                Cue.of(3000, 6000, "accuracy of this.")));
        assertFalse(STAMP.isStamped(partial));
        // the warning later than 00:00:00 does not count
        Track late = Track.of(Format.SRT, Stamp.warningCues(TEXTS.textFor("en"), StampStyle.defaults()).stream()
                .map(c -> c.shiftedBy(5000).withId(null)).toList());
        assertFalse(STAMP.isStamped(late));
    }

    @Test
    void fallsBackToEnglishForLanguagesWithoutAText() {
        Track s = STAMP.stamped(interview("nl"), StampStyle.defaults());
        assertEquals("Know ALL cannot guarantee the\naccuracy of the automatic", s.cues().get(0).text());
        Track es = STAMP.stamped(interview("es-MX"), StampStyle.defaults());
        assertTrue(es.cues().get(0).text().startsWith("Know ALL no puede garantizar"));
    }

    @Test
    void withoutTheTopSettingTheCuesHaveNoPosition() {
        Track s = STAMP.stamped(interview("en"), StampStyle.defaults().withTop(false));
        for (Cue c : warnings(s)) {
            assertEquals(Map.of(), c.settings());
        }
    }

    @Test
    void mergedStyleShowsTheWarningAboveTheCaptionsItOverlaps() {
        Track t = interview("en");
        Track m = STAMP.stamped(t, StampStyle.mergedStyle());
        List<String> w1 = List.of("Know ALL cannot guarantee the", "accuracy of the automatic");
        List<String> w2 = List.of("subtitles and translations as", "AI is used for their creation.");
        List<String> w3 = List.of("Please be advised to exercise caution", "when precise interpretation is required.");
        List<Cue> cues = m.cues();
        assertEquals(List.of(
                span(0, 800, w1, List.of()),
                span(800, 3667, w1, List.of("Ann: Hello, I am here with Grace,", "a nurse who looks after donors.")),
                span(3667, 4200, w2, List.of("Ann: Hello, I am here with Grace,", "a nurse who looks after donors.")),
                span(4200, 4700, w2, List.of()),
                span(4700, 7667, w2, List.of("Who can join the register?")),
                span(7667, 9100, w3, List.of("Who can join the register?")),
                span(9600 - 500, 9600, w3, List.of()),
                span(9600, 12867, w3, List.of("Most healthy people between", "17 and 40 can sign up.")),
                "12867-14000 [Most healthy people between, 17 and 40 can sign up.]",
                "21000-24000 [What happens if you match?]"),
                cues.stream().map(StampTest::describe).toList());
        // nothing overlaps: a player that shows one cue at a time shows everything
        for (int i = 1; i < cues.size(); i++) {
            assertTrue(cues.get(i - 1).endMs() <= cues.get(i).startMs(), describe(cues.get(i)));
        }
        assertEquals(Optional.of("cue 1 at 00:00:00"), STAMP.find(m));
        assertSame(m, STAMP.stamped(m, StampStyle.mergedStyle()));
        assertSame(m, STAMP.stamped(m, StampStyle.defaults()));
        // ids: warning-only cues are warning cues; merged ones say so
        assertEquals("capdex-warning-1", cues.get(0).id());
        assertTrue(cues.get(1).id().startsWith(Stamp.MERGED_ID_PREFIX));
        assertEquals(null, cues.get(9).id());
    }

    @Test
    void mergedStyleStacksOverlappingCaptionsAndKeepsTheRemainderOfALongOne() {
        Track t = Track.of(Format.SBV, List.of(Cue.of(0, 2000, "First"), Cue.of(1000, 20000, "Long one")));
        Track m = STAMP.stamped(t, StampStyle.mergedStyle().withReading(42, 2, 15, 3000));
        List<String> d = m.cues().stream().map(StampTest::describe).toList();
        assertEquals("0-1000 [Know ALL cannot guarantee the, accuracy of the automatic, First]", d.get(0));
        assertEquals("1000-2000 [Know ALL cannot guarantee the, accuracy of the automatic, First, Long one]",
                d.get(1));
        assertEquals("12867-20000 [Long one]", d.get(d.size() - 1));
    }

    @Test
    void unstampingGivesTheCaptionsBack() {
        Track t = interview("en");
        assertEquals(t.cues(), STAMP.unstamped(STAMP.stamped(t, StampStyle.defaults())).cues());
        Track merged = STAMP.unstamped(STAMP.stamped(t, StampStyle.mergedStyle()));
        assertEquals(List.of("Ann: Hello, I am here with Grace,\na nurse who looks after donors.",
                "Ann: Hello, I am here with Grace,\na nurse who looks after donors.", "Who can join the register?"),
                merged.cues().subList(0, 3).stream().map(Cue::text).toList());
        assertFalse(STAMP.isStamped(merged));
    }

    @Test
    void qcAndRepairLeaveTheWarningCuesAlone() {
        Track s = STAMP.stamped(interview("en"), StampStyle.defaults());
        Track repaired = Repair.repair(s, RepairOptions.defaults()).track();
        assertEquals(warnings(s), warnings(repaired));
        assertTrue(Qc.check(s, QcProfile.defaults(), 25).stream().noneMatch(p -> p.code().equals("overlap")),
                Qc.check(s, QcProfile.defaults(), 25).toString());
        assertNotEquals(s, interview("en"));
    }

    private static String span(long from, long to, List<String> warning, List<String> caption) {
        List<String> all = new java.util.ArrayList<>(warning);
        all.addAll(caption);
        return from + "-" + to + " " + all;
    }

    private static String describe(Cue c) {
        return c.startMs() + "-" + c.endMs() + " " + c.lines().stream().map(Line::text).toList();
    }
}
