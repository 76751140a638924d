package io.capdex.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Source;
import io.capdex.caption.Track;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sync of real (espeak-ng) English and Spanish speech with known sentence times. Skipped without espeak-ng,
 * failed instead under CI=true.
 */
class EspeakSyncTest {

    private static final double FILM = 24000.0 / 1001;

    private static TestAudio english;
    private static SpeechActivity.Result englishActivity;
    private static TestAudio englishBusy;
    private static SpeechActivity.Result englishBusyActivity;
    private static TestAudio spanish;
    private static SpeechActivity.Result spanishActivity;

    @BeforeAll
    static void speak() throws Exception {
        EspeakSpeech.requireEspeak();
        english = EspeakSpeech.speak("en-us", EspeakSpeech.ENGLISH, 11, false, false);
        englishActivity = english.activity();
        englishBusy = EspeakSpeech.speak("en-us", EspeakSpeech.ENGLISH, 12, true, true);
        englishBusyActivity = englishBusy.activity();
        spanish = EspeakSpeech.speak("es", EspeakSpeech.SPANISH, 13, false, true);
        spanishActivity = spanish.activity();
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
    void detectsTheSentencesAsSpeech() {
        // At least 85% of the frames inside sentences are speech, and at most 10% of the pauses.
        int inside = 0;
        int insideSpeech = 0;
        boolean[] truth = new boolean[englishActivity.frameCount()];
        for (TestAudio.Utterance u : english.truth) {
            for (long f = u.startMs() / 10; f < u.endMs() / 10; f++) {
                truth[(int) f] = true;
            }
        }
        int outside = 0;
        int outsideSpeech = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i]) {
                inside++;
                insideSpeech += englishActivity.isSpeech(i) ? 1 : 0;
            } else {
                outside++;
                outsideSpeech += englishActivity.isSpeech(i) ? 1 : 0;
            }
        }
        System.out.printf("espeak en: %.1f%% of sentence frames speech, %.1f%% of pause frames speech%n",
                100.0 * insideSpeech / inside, 100.0 * outsideSpeech / outside);
        assertTrue(insideSpeech >= 0.85 * inside, insideSpeech + " of " + inside);
        assertTrue(outsideSpeech <= 0.10 * outside, outsideSpeech + " of " + outside);
    }

    @Test
    void leavesCorrectEnglishCaptionsAlone() {
        Track captions = english.captions();
        SyncResult r = sync(englishActivity, captions);
        Accuracy a = Accuracy.of("espeak en correct file", r.apply(captions), english.truth);
        assertFalse(r.applied(), r::summary);
        assertEquals(0, a.worstMs(), a::toString);
    }

    @Test
    void recoversLateEnglishCaptions() {
        Track captions = english.captions(1, 2750);
        SyncResult r = sync(englishActivity, captions);
        assertTrue(r.applied(), r::summary);
        assertOffsetAccuracy(Accuracy.of("espeak en +2.75 s", r.apply(captions), english.truth));
    }

    @Test
    void recoversEarlyEnglishCaptionsOverMusicAndNoise() {
        Track captions = englishBusy.captions(1, -4000);
        SyncResult r = sync(englishBusyActivity, captions);
        assertTrue(r.applied(), r::summary);
        assertOffsetAccuracy(Accuracy.of("espeak en -4 s (music+noise)", r.apply(captions), englishBusy.truth));
    }

    @Test
    void recoversEnglishStretchPlusOffset() {
        Track captions = english.captions(25 / FILM, 1000);
        SyncResult r = sync(englishActivity, captions);
        assertTrue(r.applied(), r::summary);
        assertEquals(FILM / 25, r.scale(), 1e-9, r::summary);
        assertOffsetAccuracy(Accuracy.of("espeak en x25/23.976 +1 s", r.apply(captions), english.truth));
    }

    @Test
    void splitsEnglishAtAnInsert() {
        TestAudio withCard = englishBusy.withInsert(englishBusy.durationMs() * 4 / 10, 8000,
                TestAudio.music(3, 8).pcm);
        Track captions = englishBusy.captions(1, 2000);
        SyncResult r = sync(withCard.activity(), captions);
        assertTrue(r.applied(), r::summary);
        assertEquals(2, r.segments().size(), r::summary);
        Accuracy a = Accuracy.of("espeak en 8 s insert (music+noise)", r.apply(captions), withCard.truth);
        assertTrue(a.share100() >= 0.9, a::toString);
    }

    @Test
    void recoversEnglishUnderALoudMusicBed() throws Exception {
        // Music three times as loud as the usual bed: speech-to-music ratio around 0 dB.
        TestAudio loud = EspeakSpeech.speak("en-us", EspeakSpeech.ENGLISH, 14, false, false);
        float[] audio = new float[loud.pcm.length];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = loud.pcm[i] / 32768f;
        }
        TestAudio.addMusic(audio, 0, audio.length, 0.15f, false, new java.util.Random(14));
        TestAudio mixed = new TestAudio(TestAudio.toPcm(audio), loud.truth);
        SpeechActivity.Result activity = mixed.activity();
        double[] d = mixed.detection(activity);
        System.out.printf("espeak en under loud music: %.3f of speech frames found, %.3f of pause frames called"
                + " speech%n", d[0], d[1]);
        Track captions = mixed.captions(1, 2750);
        SyncResult r = sync(activity, captions);
        assertTrue(r.applied(), r::summary);
        assertOffsetAccuracy(Accuracy.of("espeak en +2.75 s (loud music)", r.apply(captions), mixed.truth));
    }

    @Test
    void recoversLateSpanishCaptions() {
        Track captions = spanish.captions(1, 2750).withLanguage("es");
        SyncResult r = sync(spanishActivity, captions);
        assertTrue(r.applied(), r::summary);
        assertOffsetAccuracy(Accuracy.of("espeak es +2.75 s (noise)", r.apply(captions), spanish.truth));
    }

    @Test
    void leavesCorrectSpanishCaptionsAlone() {
        Track captions = spanish.captions().withLanguage("es");
        SyncResult r = sync(spanishActivity, captions);
        Accuracy a = Accuracy.of("espeak es correct file (noise)", r.apply(captions), spanish.truth);
        assertTrue(a.worstMs() <= 40, a::toString);
    }

    @Test
    void syncsASpanishTranslationToTheEnglishTrack() {
        // The English audio's timing, translated cue by cue and delivered 3.5 s late.
        List<Cue> mt = new ArrayList<>();
        List<TestAudio.Utterance> expected = new ArrayList<>();
        for (int i = 0; i < english.truth.size(); i++) {
            TestAudio.Utterance u = english.truth.get(i);
            String text = "es " + i + " " + EspeakSpeech.SPANISH.get(i % EspeakSpeech.SPANISH.size());
            mt.add(Cue.of(u.startMs() + 3500, u.endMs() + 3500, text));
            expected.add(new TestAudio.Utterance(u.startMs(), u.endMs(), text));
        }
        Track translation = Track.of(Format.SRT, mt).withLanguage("es").withSource(Source.MT);
        Track reference = english.captions(1, 2750);
        SyncResult toEnglish = Synchronizer.syncToSpeech(englishActivity, reference, SyncOptions.defaults());
        SyncResult r = Synchronizer.syncToReference(toEnglish.apply(reference), translation, SyncOptions.defaults());
        System.out.println("  " + r.summary());
        assertTrue(r.applied(), r::summary);
        assertOffsetAccuracy(Accuracy.of("espeak mt es -> synced en reference", r.apply(translation), expected));
    }
}
