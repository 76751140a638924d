package io.capdex.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RepairProperties {

    @Provide
    Arbitrary<Track> tracks() {
        return TrackArbitraries.tracks();
    }

    @Property(tries = 250)
    void repairingTwiceChangesNothing(@ForAll("tracks") Track track) {
        RepairResult once = Repair.repair(track, RepairOptions.defaults());
        RepairResult twice = Repair.repair(once.track(), RepairOptions.defaults());
        assertEquals(List.of(), twice.changes());
        assertEquals(once.track(), twice.track());
    }

    @Property(tries = 250)
    void repairedTracksAreSortedWithoutOverlapsOrEmptyCues(@ForAll("tracks") Track track) {
        List<Cue> cues = Repair.repair(track, RepairOptions.defaults()).track().cues();
        for (int i = 0; i < cues.size(); i++) {
            Cue c = cues.get(i);
            assertFalse(c.isEmpty(), "empty cue " + i);
            if (i > 0) {
                Cue prev = cues.get(i - 1);
                assertTrue(prev.startMs() <= c.startMs(), "sorted at " + i);
                assertTrue(prev.endMs() <= c.startMs(), "no overlap at " + i + ": " + prev.span() + " " + c.span());
            }
        }
    }

    @Property(tries = 250)
    void qcFindsNoOrderOverlapEmptyOrZeroLengthCuesAfterRepair(@ForAll("tracks") Track track) {
        Track repaired = Repair.repair(track, RepairOptions.defaults()).track();
        List<String> codes = Qc.check(repaired, QcProfile.NETFLIX, 25).stream().map(ParseProblem::code)
                .filter(c -> List.of("overlap", "out-of-order", "empty-cue", "zero-duration").contains(c)).toList();
        assertEquals(List.of(), codes);
    }

    @Property(tries = 250)
    void everyLineFitsWhereASpaceAllowsIt(@ForAll("tracks") Track track) {
        for (Cue c : Repair.repair(track, RepairOptions.defaults()).track().cues()) {
            for (Line line : c.lines()) {
                String text = line.text();
                assertTrue(CueText.characters(text) <= 42 || text.indexOf(' ') < 0, "too long: '" + text + "'");
                assertEquals(text.strip(), text);
                assertFalse(text.contains("  "));
            }
        }
    }

    @Property(tries = 250)
    void keepsEveryWordInOrder(@ForAll("tracks") Track track) {
        // rolling captions and duplicates drop repeated text on purpose; every other step keeps every word
        RepairOptions keepAll = RepairOptions.defaults().withCollapseRolling(false).withMergeDuplicates(false);
        List<Cue> sorted = new ArrayList<>(track.cues());
        sorted.sort(Comparator.comparingLong(Cue::startMs));
        assertEquals(words(sorted), words(Repair.repair(track, keepAll).track().cues()));
    }

    @Property(tries = 200)
    void keepsEveryWordsStyle(@ForAll("tracks") Track track) {
        RepairOptions keepAll = RepairOptions.defaults().withCollapseRolling(false).withMergeDuplicates(false);
        List<Cue> sorted = new ArrayList<>(track.cues());
        sorted.sort(Comparator.comparingLong(Cue::startMs));
        assertEquals(styledChars(sorted), styledChars(Repair.repair(track, keepAll).track().cues()));
    }

    private static List<String> words(List<Cue> cues) {
        List<String> out = new ArrayList<>();
        for (Cue c : cues) {
            StringBuilder word = new StringBuilder();
            String text = c.text() + " ";
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (Character.isWhitespace(ch)) {
                    if (word.length() > 0) {
                        out.add(word.toString());
                        word.setLength(0);
                    }
                } else {
                    word.append(ch);
                }
            }
        }
        return out;
    }

    /** Every non-space character with its style, in order. */
    private static List<String> styledChars(List<Cue> cues) {
        List<String> out = new ArrayList<>();
        for (Cue c : cues) {
            for (Line l : c.lines()) {
                for (Run r : l.runs()) {
                    for (char ch : r.text().toCharArray()) {
                        if (!Character.isWhitespace(ch)) {
                            out.add(ch + ":" + r.style().italic() + r.style().bold());
                        }
                    }
                }
            }
        }
        return out;
    }
}
