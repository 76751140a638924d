package io.capdex.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Source;
import io.capdex.caption.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sync of synthetic speech with known timing: every caption variant the brief names, checked per cue. */
class SynchronizerTest {

    private static final double FILM = 24000.0 / 1001;

    private static TestAudio clean;
    private static SpeechActivity.Result cleanActivity;
    private static TestAudio busy;
    private static SpeechActivity.Result busyActivity;

    @BeforeAll
    static void makeAudio() {
        clean = TestAudio.synthetic(1, 40, false, false);
        cleanActivity = clean.activity();
        busy = TestAudio.synthetic(2, 40, true, true);
        busyActivity = busy.activity();
    }

    private static SyncResult sync(SpeechActivity.Result activity, Track captions) {
        SyncResult r = Synchronizer.syncToSpeech(activity, captions, SyncOptions.defaults());
        System.out.println("  " + r.summary() + " [" + r.reason() + "]");
        return r;
    }

    private static void assertOffsetAccuracy(Accuracy a) {
        assertTrue(a.share100() >= 0.95, a::toString);
        assertEquals(a.cues(), a.within400(), a::toString);
    }

    @Test
    void leavesCorrectCaptionsExactlyAlone() {
        Track captions = clean.captions();
        SyncResult r = sync(cleanActivity, captions);
        assertFalse(r.applied(), r::summary);
        assertEquals(List.of(new SyncResult.Segment(0, 0)), r.segments());
        assertEquals(1.0, r.scale());
        assertTrue(r.reason().contains("already match"), r.reason());
        assertSame(captions, r.apply(captions));
        Accuracy.of("correct file (clean)", r.apply(captions), clean.truth);
    }

    @Test
    void leavesCorrectCaptionsAloneOverMusicAndNoise() {
        Track captions = busy.captions();
        SyncResult r = sync(busyActivity, captions);
        Track out = r.apply(captions);
        Accuracy a = Accuracy.of("correct file (music+noise)", out, busy.truth);
        assertEquals(a.cues(), a.within100(), a::toString);
        assertTrue(a.worstMs() <= 40, a::toString);
    }

    @Test
    void recoversLateCaptions() {
        SyncResult r = sync(cleanActivity, clean.captions(1, 2750));
        assertTrue(r.applied(), r::summary);
        assertEquals(1, r.segments().size());
        assertEquals(-2750, r.segments().get(0).offsetMs(), 40);
        assertTrue(r.confidence() >= 0.8, r::summary);
        assertOffsetAccuracy(Accuracy.of("+2.75 s (clean)", r.apply(clean.captions(1, 2750)), clean.truth));
    }

    @Test
    void recoversEarlyCaptionsOverMusicAndNoise() {
        Track captions = busy.captions(1, -4000);
        SyncResult r = sync(busyActivity, captions);
        assertTrue(r.applied(), r::summary);
        assertEquals(4000, r.segments().get(0).offsetMs(), 40);
        // Cues clipped at 0 by the early timing cannot come back exactly; the test audio starts speech after 5 s.
        assertOffsetAccuracy(Accuracy.of("-4 s (music+noise)", r.apply(captions), busy.truth));
    }

    @Test
    void recoversLateCaptionsOverMusicAndNoise() {
        Track captions = busy.captions(1, 2750);
        SyncResult r = sync(busyActivity, captions);
        assertTrue(r.applied(), r::summary);
        assertOffsetAccuracy(Accuracy.of("+2.75 s (music+noise)", r.apply(captions), busy.truth));
    }

    @Test
    void recoversFrameRateStretchPlusOffset() {
        // Captions timed for 23.976 fps shown against a 25 fps conform of the video, then shifted.
        Track captions = clean.captions(25 / FILM, 1500);
        SyncResult r = sync(cleanActivity, captions);
        assertTrue(r.applied(), r::summary);
        assertEquals(FILM / 25, r.scale(), 1e-9, r::summary);
        assertOffsetAccuracy(Accuracy.of("x25/23.976 +1.5 s (clean)", r.apply(captions), clean.truth));
    }

    @Test
    void recoversInverseStretchOverMusicAndNoise() {
        Track captions = busy.captions(FILM / 25, -800);
        SyncResult r = sync(busyActivity, captions);
        assertTrue(r.applied(), r::summary);
        assertEquals(25 / FILM, r.scale(), 1e-9, r::summary);
        assertOffsetAccuracy(Accuracy.of("x23.976/25 -0.8 s (music+noise)", r.apply(captions), busy.truth));
    }

    @Test
    void splitsAtAnInsertedSponsorCard() {
        TestAudio music = TestAudio.music(9, 8);
        TestAudio withCard = clean.withInsert(clean.durationMs() * 4 / 10, 8000, music.pcm);
        Track captions = clean.captions(1, 1200);
        SyncResult r = sync(withCard.activity(), captions);
        assertTrue(r.applied(), r::summary);
        assertEquals(2, r.segments().size(), r::summary);
        assertEquals(8000, r.segments().get(1).offsetMs() - r.segments().get(0).offsetMs(), 40, r::summary);
        assertTrue(r.summary().contains("split at"), r::summary);
        Accuracy a = Accuracy.of("8 s insert at 40% (clean)", r.apply(captions), withCard.truth);
        assertTrue(a.share100() >= 0.9, a::toString);
    }

    @Test
    void splitsAtAnInsertOverMusicAndNoise() {
        TestAudio withCard = busy.withInsert(busy.durationMs() * 4 / 10, 8000, new short[0]);
        Track captions = busy.captions();
        SyncResult r = sync(withCard.activity(), captions);
        assertTrue(r.applied(), r::summary);
        assertEquals(2, r.segments().size(), r::summary);
        Accuracy a = Accuracy.of("8 s insert at 40% (music+noise)", r.apply(captions), withCard.truth);
        assertTrue(a.share100() >= 0.9, a::toString);
    }

    @Test
    void splitsAtAnInsertedAdvertWithItsOwnUncaptionedVoice() {
        TestAudio advert = TestAudio.synthetic(31, 3, true, false);
        short[] voiceOver = java.util.Arrays.copyOfRange(advert.pcm, (int) advert.truth.get(0).startMs() * 16,
                (int) advert.truth.get(0).startMs() * 16 + TestAudio.RATE * 8);
        TestAudio withAdvert = busy.withInsert(busy.durationMs() * 4 / 10, 8000, voiceOver);
        Track captions = busy.captions(1, -1500);
        SyncResult r = sync(withAdvert.activity(), captions);
        assertTrue(r.applied(), r::summary);
        assertEquals(2, r.segments().size(), r::summary);
        Accuracy a = Accuracy.of("8 s spoken advert at 40% (music+noise)", r.apply(captions), withAdvert.truth);
        assertTrue(a.share100() >= 0.9, a::toString);
    }

    @Test
    void noSplitFitsOneOffsetAcrossAnInsert() {
        TestAudio withCard = clean.withInsert(clean.durationMs() * 4 / 10, 8000, new short[0]);
        SyncResult r = Synchronizer.syncToSpeech(withCard.activity(), clean.captions(),
                SyncOptions.defaults().withSplit(false));
        assertEquals(1, r.segments().size(), r::summary);
    }

    @Test
    void dropsCuesOfMaterialCutFromTheVideo() {
        TestAudio cut = clean.withCut(24, 26);
        Track captions = clean.captions(1, 500);
        SyncResult r = sync(cut.activity(), captions);
        assertTrue(r.applied(), r::summary);
        assertEquals(3, r.dropped(), r::summary);
        Track out = r.apply(captions);
        assertEquals(captions.cues().size() - 3, out.cues().size());
        Accuracy a = Accuracy.of("cut of 3 sentences at 60% (clean)", out, cut.truth);
        assertTrue(a.share100() >= 0.9, a::toString);
    }

    @Test
    void dropsCuesThatWouldStartBeforeZero() {
        // A trimmed intro: the captions still hold two cues for the first 12 s that the video no longer has.
        List<Cue> cues = new ArrayList<>();
        cues.add(Cue.of(1000, 3000, "intro one"));
        cues.add(Cue.of(4000, 6000, "intro two"));
        for (Cue c : clean.captions(1, 12_000).cues()) {
            cues.add(c);
        }
        Track captions = Track.of(Format.SRT, cues);
        SyncResult r = sync(cleanActivity, captions);
        assertTrue(r.applied(), r::summary);
        assertEquals(2, r.dropped(), r::summary);
        Track out = r.apply(captions);
        assertTrue(out.cues().stream().allMatch(c -> c.startMs() >= 0));
        assertOffsetAccuracy(Accuracy.of("-12 s trimmed intro (clean)", out, clean.truth));
    }

    @Test
    void keepsOneOffsetAcrossATwoMinutePause() {
        // alass-style fits get lost in long silences; the global correlation does not care.
        short[] roomTone = java.util.Arrays.copyOfRange(busy.pcm, 0, TestAudio.RATE * 4);
        TestAudio paused = busy.withInsert(busy.durationMs() / 2, 120_000, roomTone);
        Track captions = paused.captions(1, 2750);
        SyncResult r = sync(paused.activity(), captions);
        assertTrue(r.applied(), r::summary);
        assertEquals(1, r.segments().size(), r::summary);
        assertOffsetAccuracy(Accuracy.of("+2.75 s, 2 min pause (music+noise)", r.apply(captions), paused.truth));
    }

    @Test
    void fitsStretchAndInsertTogether() {
        TestAudio withCard = clean.withInsert(clean.durationMs() * 4 / 10, 8000, TestAudio.music(9, 8).pcm);
        Track captions = withCard.captions(1, 0);
        // Captions of the final cut, but timed for 25 fps and without the card: undo the insert, then stretch.
        List<Cue> cues = new ArrayList<>();
        for (int i = 0; i < clean.truth.size(); i++) {
            TestAudio.Utterance u = clean.truth.get(i);
            cues.add(Cue.of(Math.round(u.startMs() * 25 / FILM), Math.round(u.endMs() * 25 / FILM), u.text()));
        }
        captions = Track.of(Format.SRT, cues);
        SyncResult r = sync(withCard.activity(), captions);
        assertTrue(r.applied(), r::summary);
        assertEquals(FILM / 25, r.scale(), 1e-9);
        assertEquals(2, r.segments().size(), r::summary);
        Accuracy a = Accuracy.of("x25/23.976 + 8 s insert (clean)", r.apply(captions), withCard.truth);
        assertTrue(a.share100() >= 0.9, a::toString);
    }

    @Test
    void doesNotReachBeyondMaxOffset() {
        Track captions = clean.captions(1, 20_000);
        SyncResult r = Synchronizer.syncToSpeech(cleanActivity, captions,
                SyncOptions.defaults().withMaxOffsetMs(10_000));
        System.out.println("  max offset 10 s, captions 20 s late: " + r.summary());
        for (SyncResult.Segment s : r.segments()) {
            assertTrue(Math.abs(s.offsetMs()) <= 10_000, r::summary);
        }
        assertFalse(r.applied(), r::summary);
    }

    @Test
    void fitsAsrStyleCuesThatRunIntoEachOther() {
        // Many AI caption files hold each cue until the next one starts: only the longer pauses remain visible.
        List<Cue> cues = new ArrayList<>();
        List<TestAudio.Utterance> truth = busy.truth;
        for (int i = 0; i < truth.size(); i++) {
            TestAudio.Utterance u = truth.get(i);
            long end = i + 1 < truth.size() && truth.get(i + 1).startMs() - u.endMs() < 1500
                    ? truth.get(i + 1).startMs() : u.endMs();
            cues.add(Cue.of(u.startMs() + 2750, end + 2750, u.text()));
        }
        Track captions = Track.of(Format.SRT, cues);
        SyncResult r = sync(busyActivity, captions);
        assertTrue(r.applied(), r::summary);
        assertEquals(1, r.segments().size(), r::summary);
        assertEquals(-2750, r.segments().get(0).offsetMs(), 100, r::summary);
        int starts = 0;
        Track out = r.apply(captions);
        for (int i = 0; i < truth.size(); i++) {
            starts += Math.abs(out.cues().get(i).startMs() - truth.get(i).startMs()) <= 100 ? 1 : 0;
        }
        System.out.printf("accuracy %-32s %3d cues: %5.1f%% of starts within 100 ms%n", "contiguous ASR cues +2.75 s",
                truth.size(), 100.0 * starts / truth.size());
        assertTrue(starts >= 0.95 * truth.size());
    }

    @Test
    void fitsLooselyTimedCuesWithoutBias() {
        // ASR timing is loose: cues start up to 300 ms early and end up to 500 ms late, long sentences are cut
        // into two cues that touch. The offset must come from the whole pattern, not from any one boundary.
        Random rnd = new Random(17);
        List<TestAudio.Utterance> expected = new ArrayList<>();
        List<Cue> cues = new ArrayList<>();
        for (TestAudio.Utterance u : busy.truth) {
            long start = Math.max(0, u.startMs() - rnd.nextInt(300));
            long end = u.endMs() + rnd.nextInt(500);
            if (end - start > 2500) {
                long mid = (start + end) / 2;
                expected.add(new TestAudio.Utterance(start, mid, u.text() + " (1)"));
                expected.add(new TestAudio.Utterance(mid, end, u.text() + " (2)"));
            } else {
                expected.add(new TestAudio.Utterance(start, end, u.text()));
            }
        }
        for (TestAudio.Utterance e : expected) {
            cues.add(Cue.of(e.startMs() + 2750, e.endMs() + 2750, e.text()));
        }
        Track captions = Track.of(Format.SRT, cues);
        SyncResult r = sync(busyActivity, captions);
        assertTrue(r.applied(), r::summary);
        assertEquals(1, r.segments().size(), r::summary);
        assertOffsetAccuracy(Accuracy.of("loose ASR timing +2.75 s (music+noise)", r.apply(captions), expected));
    }

    @Test
    void neverThrowsOnOddCaptions() {
        List<Track> odd = List.of(
                Track.of(Format.SRT, List.of()),
                Track.of(Format.SRT, List.of(Cue.of(5000, 7000, "only one"))),
                Track.of(Format.SRT, List.of(Cue.of(0, 0, "zero"), Cue.of(0, 0, "length"))),
                Track.of(Format.SRT, List.of(Cue.of(0, 3_600_000, "one long cue"))),
                Track.of(Format.SRT, List.of(Cue.of(10_000_000, 10_002_000, "far beyond the audio"),
                        Cue.of(10_003_000, 10_004_000, "still beyond"))));
        for (Track t : odd) {
            for (SyncOptions o : List.of(SyncOptions.defaults(), SyncOptions.defaults().withMaxOffsetMs(0),
                    SyncOptions.defaults().withSplit(false))) {
                SyncResult r = Synchronizer.syncToSpeech(cleanActivity, t, o);
                assertFalse(r.reason().isBlank());
                assertEquals(t.cues().size(), r.apply(t).cues().size() + r.dropped(), r::summary);
                Synchronizer.syncToReference(t, clean.captions(), o);
            }
        }
        assertFalse(Synchronizer.syncToSpeech(SpeechActivity.Result.ofSpeech(new boolean[0]), clean.captions(),
                SyncOptions.defaults()).applied());
    }

    @Test
    void serialisesToTheDesignJsonShape() throws Exception {
        Track captions = clean.captions(1, 2750);
        SyncResult r = Synchronizer.syncToSpeech(cleanActivity, captions, SyncOptions.defaults());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(r));
        for (String field : List.of("applied", "confidence", "scale", "segments", "dropped", "reason")) {
            assertTrue(json.has(field), field + " in " + json);
        }
        assertTrue(json.get("applied").asBoolean());
        assertEquals(0, json.get("segments").get(0).get("fromMs").asLong());
        assertEquals(r.segments().get(0).offsetMs(), json.get("segments").get(0).get("offsetMs").asLong());
    }

    @Test
    void refusesSilence() {
        SpeechActivity vad = new SpeechActivity();
        short[] zeros = new short[TestAudio.RATE * 120];
        vad.accept(zeros, zeros.length);
        SyncResult r = sync(vad.result(), clean.captions(1, 2000));
        assertFalse(r.applied());
        assertTrue(r.reason().contains("no speech"), r.reason());
    }

    @Test
    void refusesPureMusic() {
        TestAudio music = TestAudio.music(4, 240);
        SyncResult r = sync(music.activity(), clean.captions(1, 2000));
        assertFalse(r.applied(), r::summary);
        assertFalse(r.reason().isBlank());
    }

    @Test
    void refusesAudioOfAnotherInterview() {
        TestAudio other = TestAudio.synthetic(77, 40, false, true);
        SyncResult r = sync(other.activity(), clean.captions(1, 2000));
        assertFalse(r.applied(), r::summary);
        assertTrue(r.confidence() < SyncOptions.DEFAULT_MIN_CONFIDENCE, r::summary);
    }

    @Test
    void syncsATranslationToItsReferenceTrack() {
        // The translation has its own cue boundaries (±300 ms) and runs 3 s late.
        Random rnd = new Random(5);
        List<TestAudio.Utterance> expected = new ArrayList<>();
        List<Cue> mt = new ArrayList<>();
        for (TestAudio.Utterance u : clean.truth) {
            long s = u.startMs() + rnd.nextInt(601) - 300;
            long e = u.endMs() + rnd.nextInt(601) - 300;
            expected.add(new TestAudio.Utterance(s, e, "frase " + u.text()));
            mt.add(Cue.of(s + 3000, e + 3000, "frase " + u.text()));
        }
        Track translation = Track.of(Format.SRT, mt).withLanguage("es").withSource(Source.MT);
        SyncResult r = Synchronizer.syncToReference(clean.captions(), translation, SyncOptions.defaults());
        System.out.println("  " + r.summary());
        assertTrue(r.applied(), r::summary);
        assertEquals(-3000, r.segments().get(0).offsetMs(), 60, r::summary);
        assertOffsetAccuracy(Accuracy.of("reference sync of mt (+3 s)", r.apply(translation), expected));
    }

    @Test
    void refusesReferenceWithoutCues() {
        SyncResult r = Synchronizer.syncToReference(Track.of(Format.SRT, List.of()), clean.captions(),
                SyncOptions.defaults());
        assertFalse(r.applied());
        assertTrue(r.reason().contains("no cues"), r.reason());
    }

    @Test
    void honoursMinConfidence() {
        Track captions = clean.captions(1, 2750);
        SyncResult r = Synchronizer.syncToSpeech(cleanActivity, captions, SyncOptions.defaults().withMinConfidence(1));
        if (r.confidence() < 1) {
            assertFalse(r.applied());
            assertTrue(r.reason().contains("below the minimum"), r.reason());
            assertSame(captions, r.apply(captions));
        }
        SyncResult relaxed = Synchronizer.syncToSpeech(cleanActivity, captions,
                SyncOptions.defaults().withMinConfidence(0));
        assertTrue(relaxed.applied());
    }
}
