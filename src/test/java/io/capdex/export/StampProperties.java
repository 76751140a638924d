package io.capdex.export;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Line;
import io.capdex.caption.Qc;
import io.capdex.caption.Track;
import io.capdex.caption.srt.SrtReader;
import io.capdex.caption.srt.SrtWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class StampProperties {
    private static final WarningTexts TEXTS = WarningTexts.shipped();
    private static final Stamp STAMP = new Stamp(TEXTS);

    @Provide
    Arbitrary<Track> tracks() {
        Arbitrary<String> word = Arbitraries.of("donor", "cells", "Grace", "blood", "¿Qué?", "register", "a", "the",
                "marrow", "17", "remission.", "<i>", "&");
        Arbitrary<String> line = word.list().ofMinSize(1).ofMaxSize(6).map(ws -> String.join(" ", ws));
        Arbitrary<Cue> cue = Combinators.combine(Arbitraries.longs().between(0, 30_000),
                Arbitraries.longs().between(0, 8_000), line.list().ofMinSize(1).ofMaxSize(2),
                Arbitraries.of("", "Ann")).as((start, length, lines, speaker) -> {
                    Cue c = Cue.of(start, start + length, String.join("\n", lines));
                    return speaker.isEmpty() ? c : c.withSpeaker(speaker);
                });
        Arbitrary<String> language = Arbitraries.of("en", "es", "fr", "de", "it", "pt", "nl", "und");
        return Combinators.combine(cue.list().ofMaxSize(12), language).as((cues, lang) -> {
            List<Cue> sorted = new ArrayList<>(cues);
            sorted.sort(Comparator.comparingLong(Cue::startMs));
            return Track.of(Format.SRT, sorted).withLanguage(lang);
        });
    }

    @Property(tries = 300)
    boolean stampingTwiceIsStampingOnce(@ForAll("tracks") Track t, @ForAll boolean merged) {
        StampStyle style = merged ? StampStyle.mergedStyle() : StampStyle.defaults();
        Track once = STAMP.stamped(t, style);
        return STAMP.stamped(once, style).equals(once) && STAMP.stamped(once, StampStyle.defaults()).equals(once);
    }

    @Property(tries = 300)
    boolean separateCuesLeaveTheCaptionsAsTheyWere(@ForAll("tracks") Track t) {
        Track stamped = STAMP.stamped(t, StampStyle.defaults());
        return STAMP.unstamped(stamped).cues().equals(t.cues())
                && stamped.cues().stream().filter(c -> !Qc.isWarningCue(c)).toList().equals(t.cues());
    }

    @Property(tries = 300)
    boolean mergedCuesCoverTheWarningWindowOneAtATime(@ForAll("tracks") Track t) {
        Track m = STAMP.stamped(t, StampStyle.mergedStyle());
        List<Cue> warning = Stamp.warningCues(TEXTS.textFor(t.language()), StampStyle.mergedStyle());
        long windowEnd = warning.get(warning.size() - 1).endMs();
        long covered = 0;
        for (Cue c : m.cues()) {
            if (c.startMs() >= windowEnd || c.startMs() == c.endMs()) {
                continue;
            }
            if (c.startMs() != covered) {
                return false; // a gap or an overlap inside the window
            }
            Cue w = warning.stream().filter(x -> x.startMs() <= c.startMs() && c.startMs() < x.endMs()).findFirst()
                    .orElseThrow();
            if (!c.lines().subList(0, w.lines().size()).equals(w.lines()) || c.endMs() > w.endMs()) {
                return false; // each piece shows its warning cue's lines first, within that cue's time
            }
            covered = c.endMs();
        }
        return covered == windowEnd;
    }

    @Property(tries = 300)
    boolean mergedCuesKeepEveryCaptionLine(@ForAll("tracks") Track t) {
        Track m = STAMP.stamped(t, StampStyle.mergedStyle());
        List<String> shown = m.cues().stream().flatMap(c -> c.lines().stream()).map(Line::text).toList();
        for (Cue c : t.cues()) {
            for (int i = 0; i < c.lines().size(); i++) {
                String text = c.lines().get(i).text();
                String withSpeaker = i == 0 && c.speaker() != null ? c.speaker() + ": " + text : text;
                if (!shown.contains(text) && !shown.contains(withSpeaker)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Property(tries = 300)
    boolean theStampSurvivesAnSrtRoundTrip(@ForAll("tracks") Track t, @ForAll boolean merged) {
        Track stamped = STAMP.stamped(t, merged ? StampStyle.mergedStyle() : StampStyle.defaults());
        Track back = new SrtReader().read(new SrtWriter().write(stamped)).track();
        return STAMP.existing(back).isPresent() && STAMP.find(back).orElseThrow().equals("cue 1 at 00:00:00");
    }
}
